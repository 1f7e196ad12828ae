package io.logmaster.compliance;

import io.logmaster.compliance.pki.LocalPki;
import io.logmaster.compliance.tsa.BuiltInTsa;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code seal} command's day-status step: skipped without a database, harmless when down. */
class ComplianceMainStatusTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);

    @TempDir Path tmp;

    @Test
    void sealSucceedsWithANoteWhetherTheDatabaseIsUnsetOrDown() throws Exception {
        Path data = tmp.resolve("data");
        SealFixture.writeDay(data, DAY, "10.1.2.3", 5, 1, 7);
        Files.createDirectories(data.resolve("secrets"));
        Files.writeString(data.resolve("secrets/pki-password"), "pw-123\n");
        LocalPki pki = LocalPki.openOrCreate(data.resolve("pki"), "pw-123".toCharArray());
        Clock clock =
                Clock.fixed(
                        DAY.plusDays(1)
                                .atStartOfDay(SealFixture.ZONE)
                                .toInstant()
                                .plusSeconds(3600),
                        SealFixture.ZONE);
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        try (BuiltInTsa tsa = new BuiltInTsa(pki.tsa(), tmp.resolve("serial"), 0)) {
            Map<String, String> env = new HashMap<>();
            env.put("LOGMASTER_DATA_DIR", data.toString());
            env.put("LOGMASTER_TSA_URLS", tsa.url().toString());

            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            int code =
                    ComplianceMain.run(
                            new String[] {"seal"},
                            env,
                            new PrintStream(buf, true, StandardCharsets.UTF_8),
                            clock);
            assertThat(code).isZero();
            assertThat(buf.toString(StandardCharsets.UTF_8))
                    .contains("2026-11-20 sealed")
                    .contains("day status not recorded: LOGMASTER_PG_URL");

            env.put("LOGMASTER_PG_URL", "jdbc:postgresql://127.0.0.1:" + closedPort + "/logmaster");
            env.put("LOGMASTER_PG_PASSWORD", "not-used");
            buf.reset();
            code =
                    ComplianceMain.run(
                            new String[] {"seal"},
                            env,
                            new PrintStream(buf, true, StandardCharsets.UTF_8),
                            clock);
            assertThat(code).isZero();
            assertThat(buf.toString(StandardCharsets.UTF_8))
                    .contains("1 already sealed")
                    .contains("WARNING: day status not recorded (the seal is unaffected)")
                    .doesNotContain("not-used");
        }
    }
}
