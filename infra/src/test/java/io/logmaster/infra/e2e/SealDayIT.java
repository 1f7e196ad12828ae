package io.logmaster.infra.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logmaster.compliance.ComplianceMain;
import io.logmaster.infra.send.SendOptions;
import io.logmaster.infra.send.SyslogSender;
import io.logmaster.infra.stack.LocalStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Law 5651's daily seal on the real stack: lines sent through the gateway reach the daily files and
 * are sealed for their day with the built-in TSA; OpenSSL alone accepts the signature and the time
 * stamp, {@code verify} passes, and a flipped byte is named. The batch runs in-process with a clock
 * set just past the day's end plus the grace period, as a drill would.
 */
class SealDayIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path tmp;

    @Test
    void sentLinesAreSealedAndVerifiableWithOpenSslAlone() throws Exception {
        LocalStack stack = SharedStack.get();
        ZoneId zone = stack.config().zone();
        String run = "seal" + Long.toHexString(System.nanoTime());
        Path file = tmp.resolve("lines.log");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            lines.add("<86>1 2026-12-03T10:15:30Z fw-seal sshd - - - accepted " + run + "-" + i);
        }
        Files.write(file, lines);
        new SyslogSender(
                        SendOptions.parse(
                                List.of(file.toString(), "--proto", "tcp"),
                                stack.config().syslogPort()))
                .send(n -> {});
        List<JsonNode> committed =
                Await.until(
                        Duration.ofMinutes(2),
                        () -> DailyFiles.containing(stack.config().archiveDir(), run),
                        r -> r.size() >= lines.size());
        assertThat(committed).hasSize(lines.size());
        LocalDate day = LocalDate.now(zone);
        // Every committed record of the day, which the seal must cover exactly.
        // Let pending part files of earlier tests commit (checkpoints every 2 s) until stable.
        Path liveDay = stack.config().archiveDir().resolve(day.toString());
        long recordsOfDay = DailyFiles.committedRecords(liveDay).size();
        for (int stable = 0; stable < 3; ) {
            Thread.sleep(2000);
            long now = DailyFiles.committedRecords(liveDay).size();
            stable = now == recordsOfDay ? stable + 1 : 0;
            recordsOfDay = now;
        }

        Clock afterDayEnd =
                Clock.fixed(
                        ZonedDateTime.of(day.plusDays(1).atStartOfDay(), zone)
                                .plusMinutes(16)
                                .toInstant(),
                        zone);
        Map<String, String> env = new HashMap<>(stack.config().componentEnv());
        int sealCode = runBatch(env, afterDayEnd, "seal", "--day", day.toString());
        assertThat(sealCode).as("seal exit code").isZero();

        Path sealed = stack.config().dirs().root().resolve("archive/sealed/" + day);
        JsonNode manifest = JSON.readTree(sealed.resolve("manifest.json").toFile());
        assertThat(manifest.get("day").asText()).isEqualTo(day.toString());
        assertThat(manifest.at("/totals/records").asLong()).isEqualTo(recordsOfDay);
        assertThat(sealed.resolve("manifest.tsr")).isRegularFile();

        // OpenSSL alone, as an auditor would.
        assertThat(
                        OpenSsl.run(
                                sealed,
                                "dgst",
                                "-sha256",
                                "-verify",
                                "signer-public.pem",
                                "-signature",
                                "manifest.sig",
                                "manifest.json"))
                .contains("Verified OK");
        Path root = stack.config().dirs().root().resolve("pki/root-ca.pem");
        assertThat(
                        OpenSsl.run(
                                sealed,
                                "ts",
                                "-verify",
                                "-data",
                                "manifest.json",
                                "-in",
                                "manifest.tsr",
                                "-CAfile",
                                root.toString(),
                                "-untrusted",
                                "tsa-chain.pem"))
                .contains("Verification: OK");

        assertThat(runBatch(env, afterDayEnd, "verify", sealed.toString())).isZero();

        // One flipped byte in a copy is found and named.
        Path copy = tmp.resolve("copy").resolve(day.toString());
        copyTree(sealed, copy);
        Path stored;
        try (Stream<Path> files = Files.walk(copy.resolve("devices"))) {
            stored = files.filter(f -> f.toString().endsWith(".gz")).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(stored);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(stored, bytes);
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        int code =
                ComplianceMain.run(
                        new String[] {"verify", copy.toString()},
                        env,
                        new PrintStream(report, true, StandardCharsets.UTF_8),
                        afterDayEnd);
        assertThat(code).isNotZero();
        assertThat(report.toString(StandardCharsets.UTF_8))
                .contains(copy.relativize(stored).toString().replace('\\', '/'));
    }

    private static int runBatch(Map<String, String> env, Clock clock, String... args)
            throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code =
                ComplianceMain.run(
                        args, env, new PrintStream(out, true, StandardCharsets.UTF_8), clock);
        System.out.println(out.toString(StandardCharsets.UTF_8));
        return code;
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.collect(Collectors.toList())) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
