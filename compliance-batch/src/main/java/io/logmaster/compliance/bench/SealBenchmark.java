package io.logmaster.compliance.bench;

import io.logmaster.compliance.pki.LocalPki;
import io.logmaster.compliance.seal.DayResult;
import io.logmaster.compliance.seal.DaySealer;
import io.logmaster.compliance.seal.SealSettings;
import io.logmaster.compliance.sign.JcaManifestSigner;
import io.logmaster.compliance.tsa.TimeStampUnavailableException;
import io.logmaster.event.DailyFileLine;
import io.logmaster.event.EventIds;
import io.logmaster.event.RawRecord;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Times sealing against {@code sha256sum} over the same daily files: generates N MiB (first
 * argument, default 1024) of daily files for one day (4 devices, 4 part files each, receive times
 * nearly in order as Flink writes them), then runs {@code sha256sum} on them and {@link DaySealer}
 * (real signer, a no-network time stamper that reports the TSA down: stamping is one request).
 * Prints both times and the ratio (target at most 1.5). Second argument: a directory to use instead
 * of a temporary one.
 */
public final class SealBenchmark {
    private SealBenchmark() {}

    public static void main(String[] args) throws Exception {
        long mib = args.length > 0 ? Long.parseLong(args[0]) : 1024;
        Path dir =
                args.length > 1
                        ? Files.createDirectories(Path.of(args[1]))
                        : Files.createTempDirectory("seal-bench");
        ZoneId zone = ZoneId.of("Europe/Istanbul");
        LocalDate day = LocalDate.of(2026, 1, 15);
        Path data = dir.resolve("data");

        long t0 = System.nanoTime();
        List<Path> files = generate(data, day, zone, mib << 20);
        System.out.printf(
                Locale.ROOT,
                "generated %d MiB in %d part files in %.1f s (%s)%n",
                mib,
                files.size(),
                (System.nanoTime() - t0) / 1e9,
                data);

        List<String> cmd = new ArrayList<>(List.of("sha256sum"));
        files.forEach(f -> cmd.add(f.toString()));
        long s0 = System.nanoTime();
        Process p =
                new ProcessBuilder(cmd)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.INHERIT)
                        .start();
        if (p.waitFor() != 0) {
            throw new IOException("sha256sum failed with exit " + p.exitValue());
        }
        double sha = (System.nanoTime() - s0) / 1e9;

        LocalPki pki = LocalPki.openOrCreate(dir.resolve("pki"), "bench".toCharArray());
        DaySealer sealer =
                new DaySealer(
                        new SealSettings(data, zone, Duration.ofMinutes(15), Clock.systemUTC()),
                        new JcaManifestSigner(pki.signer()),
                        sha256 -> {
                            throw new TimeStampUnavailableException("benchmark: no TSA", null);
                        });
        long b0 = System.nanoTime();
        DayResult r = sealer.seal(day);
        double seal = (System.nanoTime() - b0) / 1e9;
        System.out.println("seal result: " + r);
        System.out.printf(
                Locale.ROOT,
                "sha256sum: %.2f s, DaySealer: %.2f s, ratio %.2f (target <= 1.5), heap max %d MiB%n",
                sha,
                seal,
                seal / sha,
                Runtime.getRuntime().maxMemory() >> 20);
    }

    private static List<Path> generate(Path data, LocalDate day, ZoneId zone, long bytes)
            throws IOException {
        int devices = 4;
        int parts = 4;
        Random random = new Random(42);
        EventIds ids = new EventIds();
        long start = day.atStartOfDay(zone).toInstant().getEpochSecond() * 1_000_000_000L;
        long perFile = bytes / (devices * parts);
        List<Path> files = new ArrayList<>();
        String[] words = {
            "accept", "deny", "nat", "tcp", "udp", "src", "dst", "sport", "dport", "user", "mac",
            "lease", "DHCPACK", "session", "bytes", "policy", "zone", "iface"
        };
        for (int d = 0; d < devices; d++) {
            String device = "10.0.0." + (d + 1);
            Path dir = data.resolve("archive/live/" + day + "/" + device);
            Files.createDirectories(dir);
            for (int f = 0; f < parts; f++) {
                Path file = dir.resolve("part-" + f + "-0.jsonl");
                files.add(file);
                long written = 0;
                long nanos = start + f;
                try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    while (written < perFile) {
                        nanos += 1 + random.nextInt(20_000_000);
                        StringBuilder msg = new StringBuilder("<134>1 2026-01-15T10:00:00Z fw ");
                        int n = 8 + random.nextInt(30);
                        for (int i = 0; i < n; i++) {
                            msg.append(words[random.nextInt(words.length)])
                                    .append('=')
                                    .append(random.nextInt(65536))
                                    .append(' ');
                        }
                        RawRecord r =
                                new RawRecord(
                                        ids.next(nanos / 1_000_000),
                                        nanos,
                                        device,
                                        514,
                                        "udp",
                                        5514,
                                        "gw1",
                                        false,
                                        msg.toString().getBytes(StandardCharsets.UTF_8));
                        String line = DailyFileLine.write(r);
                        w.write(line);
                        w.write('\n');
                        written += line.length() + 1;
                    }
                }
            }
        }
        try (Stream<Path> s = Files.list(data)) {
            s.count();
        }
        return files;
    }
}
