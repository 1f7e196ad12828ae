package io.logmaster.compliance;

import io.logmaster.compliance.pki.LocalPki;
import io.logmaster.compliance.tsa.BuiltInTsa;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ComplianceMainTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);

    @TempDir Path tmp;
    private final ByteArrayOutputStream buf = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);

    private int run(Map<String, String> env, String... args) throws Exception {
        buf.reset();
        Clock clock =
                Clock.fixed(
                        DAY.plusDays(1)
                                .atStartOfDay(SealFixture.ZONE)
                                .toInstant()
                                .plusSeconds(3600),
                        SealFixture.ZONE);
        return ComplianceMain.run(args, env, out, clock);
    }

    private String output() {
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void sealsVerifiesAndProvesWithTheLocalPkiAndBuiltInTsa() throws Exception {
        Path data = tmp.resolve("data");
        List<String> lines = SealFixture.writeDay(data, DAY, "10.1.2.3", 25, 2, 7);
        Files.createDirectories(data.resolve("secrets"));
        Files.writeString(data.resolve("secrets/pki-password"), "pw-123\n");
        LocalPki pki = LocalPki.openOrCreate(data.resolve("pki"), "pw-123".toCharArray());
        try (BuiltInTsa tsa = new BuiltInTsa(pki.tsa(), tmp.resolve("serial"), 0)) {
            Map<String, String> env =
                    Map.of(
                            "LOGMASTER_DATA_DIR",
                            data.toString(),
                            "LOGMASTER_TSA_URLS",
                            tsa.url().toString());

            assertThat(run(env, "seal")).as(output()).isZero();
            assertThat(output()).contains("2026-11-20 sealed: 1 device(s), 25 record(s)");
            assertThat(run(env, "seal")).isZero();
            assertThat(output()).contains("0 day(s) processed, 1 already sealed");
        }
        Path day = data.resolve("archive/sealed/" + DAY);
        String root = pki.rootPem().toString();

        assertThat(
                        run(
                                Map.of(),
                                "verify",
                                day.toString(),
                                "--trust-signer",
                                root,
                                "--trust-tsa",
                                root))
                .as(output())
                .isZero();
        assertThat(output()).contains("VERDICT: VERIFIED").doesNotContain("untrusted");
        assertThat(run(Map.of(), "verify", data.resolve("archive/sealed").toString())).isZero();
        assertThat(output())
                .contains("untrusted: using certificates from the bundle itself")
                .contains("ALL 1 DAY(S) VERIFIED");

        String id = lines.get(3).substring(7, 43);
        Path proof = tmp.resolve("proof.json");
        assertThat(
                        run(
                                Map.of("LOGMASTER_DATA_DIR", data.toString()),
                                "prove",
                                "--day",
                                DAY.toString(),
                                "--id",
                                id,
                                "--out",
                                proof.toString()))
                .isZero();
        assertThat(
                        run(
                                Map.of(),
                                "verify",
                                proof.toString(),
                                "--trust-signer",
                                root,
                                "--trust-tsa",
                                root))
                .as(output())
                .isZero();
        assertThat(output()).contains("inclusion: record is leaf 3 of 25");

        Files.writeString(day.resolve("manifest.json"), "{}");
        assertThat(run(Map.of(), "verify", day.toString())).isEqualTo(1);
        assertThat(output()).contains("FAIL manifest.json: manifest field 'previous' is missing");
    }

    @Test
    void rejectsBadUsageAndConfigWithClearMessages() {
        assertThatThrownBy(() -> run(Map.of(), "frobnicate"))
                .hasMessageContaining("unknown command 'frobnicate'");
        assertThatThrownBy(() -> run(Map.of(), "seal"))
                .hasMessageContaining("LOGMASTER_TSA_URLS is not set");
        assertThatThrownBy(() -> run(Map.of("LOGMASTER_SEAL_GRACE", "soon"), "seal"))
                .hasMessageContaining("LOGMASTER_SEAL_GRACE is not a duration");
        assertThat(ComplianceConfig.duration("15m")).isEqualTo(Duration.ofMinutes(15));
        assertThat(ComplianceConfig.duration("PT2H")).isEqualTo(Duration.ofHours(2));
        ComplianceConfig c =
                ComplianceConfig.fromEnv(
                        Map.of(
                                "LOGMASTER_SEAL_KEY_P12",
                                "/k.p12",
                                "LOGMASTER_SEAL_KEY_PASSWORD",
                                "secret"));
        assertThat(c.toString()).doesNotContain("secret").contains("sealKeyPassword=***");
    }
}
