package io.logmaster.infra.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.logmaster.compliance.ComplianceMain;
import io.logmaster.infra.send.SendOptions;
import io.logmaster.infra.send.SyslogSender;
import io.logmaster.infra.stack.LocalStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-day seal status end to end: the batch's {@code seal} (in-process, clock past the day's
 * end) records the day in PostgreSQL, and {@code GET /api/v1/compliance/days} shows it as sealed
 * with the SHA-256 of the sealed manifest.json. If another test sealed the day already, the seal is
 * a no-op but still records the status of the day it saw.
 */
class ComplianceDaysIT {

    @TempDir Path tmp;

    @Test
    void sealedDayIsListedByTheApiWithItsManifestHash() throws Exception {
        LocalStack stack = SharedStack.get();
        ZoneId zone = stack.config().zone();
        LocalDate day = LocalDate.now(zone);
        Path root = stack.config().dirs().root();
        Map<String, String> env = new HashMap<>(stack.config().componentEnv());
        Path dataDir = root;
        if (!Files.isDirectory(root.resolve("archive/sealed/" + day))) {
            // Not sealed yet: seal a copy of today's daily files (same PKI, the stack's TSA and
            // database), so SealDayIT can still seal the real day with all of its records.
            String run = "days" + Long.toHexString(System.nanoTime());
            Path file = tmp.resolve("lines.log");
            List<String> lines =
                    IntStream.range(0, 10)
                            .mapToObj(
                                    i ->
                                            "<86>1 2026-12-03T10:15:30Z fw-days sshd - - - ok "
                                                    + run
                                                    + "-"
                                                    + i)
                            .toList();
            Files.write(file, lines);
            new SyslogSender(
                            SendOptions.parse(
                                    List.of(file.toString(), "--proto", "tcp"),
                                    stack.config().syslogPort()))
                    .send(n -> {});
            Await.until(
                    Duration.ofMinutes(2),
                    () -> DailyFiles.containing(stack.config().archiveDir(), run),
                    r -> r.size() >= lines.size());
            dataDir = tmp.resolve("data");
            copyCommitted(
                    root.resolve("archive/live/" + day), dataDir.resolve("archive/live/" + day));
            copyCommitted(root.resolve("pki"), dataDir.resolve("pki"));
            Files.createDirectories(dataDir.resolve("secrets"));
            Files.copy(
                    root.resolve("secrets/pki-password"), dataDir.resolve("secrets/pki-password"));
            env.put("LOGMASTER_DATA_DIR", dataDir.toString());
        }
        Path sealed = dataDir.resolve("archive/sealed/" + day);

        Clock afterDayEnd =
                Clock.fixed(
                        ZonedDateTime.of(day.plusDays(1).atStartOfDay(), zone)
                                .plusMinutes(16)
                                .toInstant(),
                        zone);
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int code =
                ComplianceMain.run(
                        new String[] {"seal", "--day", day.toString()},
                        env,
                        new PrintStream(buf, true, StandardCharsets.UTF_8),
                        afterDayEnd);
        String output = buf.toString(StandardCharsets.UTF_8);
        System.out.println(output);
        assertThat(code).as(output).isZero();
        assertThat(output).contains("day status recorded for 1 day(s)");

        byte[] manifest = Files.readAllBytes(sealed.resolve("manifest.json"));
        String sha256 =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(manifest));
        JsonNode totals =
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(manifest).get("totals");

        ApiClient admin =
                new ApiClient(stack.config().apiUrl(), "admin", SharedStack.ADMIN_PASSWORD);
        JsonNode days =
                admin.get("/api/v1/compliance/days?from=" + day.minusDays(2) + "&to=" + day)
                        .get("days");
        assertThat(days).isNotNull();
        JsonNode first = days.get(0);
        assertThat(first.get("day").asText()).isEqualTo(day.toString());
        assertThat(first.get("state").asText()).isEqualTo("sealed");
        assertThat(first.get("manifest_sha256").asText()).isEqualTo(sha256);
        assertThat(first.get("devices").asLong()).isEqualTo(totals.get("devices").asLong());
        assertThat(first.get("records").asLong()).isEqualTo(totals.get("records").asLong());
        assertThat(first.get("stamped_at").isTextual()).isTrue();
        assertThat(first.get("tsa").asText()).isNotBlank();
        // Newest first; earlier days of the range are listed too (sealed or "unsealed").
        assertThat(days.size()).isBetween(1, 3);
        for (int i = 1; i < days.size(); i++) {
            assertThat(days.get(i).get("day").asText())
                    .isLessThan(days.get(i - 1).get("day").asText());
        }
    }

    /** Copies a tree, leaving out names starting with '.' (in-progress part files). */
    private static void copyCommitted(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                if (p.getFileName().toString().startsWith(".") && !p.equals(from)) {
                    continue;
                }
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    try {
                        Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                    } catch (NoSuchFileException e) {
                        // renamed or removed while copying: not a committed file of this run
                    }
                }
            }
        }
    }
}
