package io.logmaster.flink.bench;

import io.logmaster.event.RawRecord;
import io.logmaster.flink.parse.SyslogParser;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Parser throughput on real lines: every loghub {@code *_2k.log} sample under {@code
 * LOGMASTER_CORPUS} (or the files given as arguments), parsed repeatedly after a warm-up. Prints
 * lines/s and µs per line. Run with {@code ./mvnw -q -f flink-jobs/pom.xml test-compile exec:java
 * -Dexec.classpathScope=test -Dexec.mainClass=io.logmaster.flink.bench.ParserBenchmark}.
 */
public final class ParserBenchmark {
    private ParserBenchmark() {}

    public static void main(String[] args) throws Exception {
        List<Path> files = new ArrayList<>();
        if (args.length > 0) {
            for (String a : args) {
                files.add(Path.of(a));
            }
        } else {
            String corpus = System.getenv("LOGMASTER_CORPUS");
            if (corpus == null) {
                throw new IllegalArgumentException("set LOGMASTER_CORPUS or name the files");
            }
            try (var dirs = Files.list(Path.of(corpus, "loghub"))) {
                for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                    try (var logs = Files.list(dir)) {
                        logs.filter(p -> p.getFileName().toString().endsWith("_2k.log"))
                                .forEach(files::add);
                    }
                }
            }
        }
        List<RawRecord> records = new ArrayList<>();
        long now = System.currentTimeMillis() * 1_000_000L;
        for (Path file : files) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                records.add(
                        new RawRecord(
                                "id-" + records.size(),
                                now,
                                "192.0.2.1",
                                514,
                                "udp",
                                5514,
                                "bench",
                                false,
                                line.getBytes(StandardCharsets.UTF_8)));
            }
        }
        SyslogParser parser = new SyslogParser(ZoneId.of("Europe/Istanbul"));
        long sink = 0;
        for (int round = 0; round < 5; round++) {
            for (RawRecord r : records) {
                sink += parser.parse(r).message == null ? 0 : 1;
            }
        }
        int rounds = 20;
        long start = System.nanoTime();
        for (int round = 0; round < rounds; round++) {
            for (RawRecord r : records) {
                sink += parser.parse(r).message == null ? 0 : 1;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long parsed = (long) records.size() * rounds;
        System.out.printf(
                "%d lines from %d files, %d rounds: %.0f lines/s, %.2f µs/line (checksum %d)%n",
                records.size(),
                files.size(),
                rounds,
                parsed / seconds,
                seconds * 1e6 / parsed,
                sink);
    }
}
