package io.logmaster.compliance;

import io.logmaster.compliance.pki.LocalPki;
import io.logmaster.compliance.sign.JcaManifestSigner;
import io.logmaster.compliance.sign.ManifestSigner;
import io.logmaster.compliance.tsa.BuiltInTsa;
import io.logmaster.compliance.tsa.HttpTimeStamper;
import io.logmaster.compliance.tsa.RetryPolicy;
import io.logmaster.compliance.tsa.TimeStampUnavailableException;
import io.logmaster.compliance.tsa.TimeStamper;
import io.logmaster.compliance.tsa.TsaEndpoint;
import io.logmaster.event.DailyFileLine;
import io.logmaster.event.RawRecord;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

/**
 * Test support: a local PKI with the real signer and built-in TSA, a TSA that can be switched off,
 * and daily files written with {@link DailyFileLine} the way the Flink job writes them.
 */
public final class SealFixture implements AutoCloseable {
    public static final ZoneId ZONE = ZoneId.of("Europe/Istanbul");

    public final LocalPki pki;
    public final ManifestSigner signer;
    public final SwitchableStamper stamper;
    private final BuiltInTsa tsa;

    public SealFixture(Path dir) throws IOException {
        pki = LocalPki.openOrCreate(dir.resolve("pki"), "test-password".toCharArray());
        signer = new JcaManifestSigner(pki.signer());
        tsa = new BuiltInTsa(pki.tsa(), dir.resolve("tsa-serial"), 0);
        HttpTimeStamper http =
                new HttpTimeStamper(
                        List.of(TsaEndpoint.of("built-in", tsa.url())),
                        new RetryPolicy(1, Duration.ofMillis(1), Duration.ofMillis(1)),
                        List.of(pki.rootCertificate()),
                        d -> {});
        stamper = new SwitchableStamper(http);
    }

    @Override
    public void close() {
        tsa.close();
    }

    /** A TimeStamper that is "down" (throws) until switched on; counts requests. */
    public static final class SwitchableStamper implements TimeStamper {
        private final TimeStamper real;
        public boolean up = true;
        public int calls;

        SwitchableStamper(TimeStamper real) {
            this.real = real;
        }

        @Override
        public Stamp stamp(byte[] sha256) throws TimeStampUnavailableException {
            calls++;
            if (!up) {
                throw new TimeStampUnavailableException("test TSA is down", null);
            }
            return real.stamp(sha256);
        }
    }

    /**
     * Writes {@code count} records of {@code device} received during {@code day} into {@code parts}
     * part files (records spread round-robin, so no file is globally in order with the others),
     * plus an in-progress dot file that must be ignored. Returns the lines in canonical order.
     */
    public static List<String> writeDay(
            Path data, LocalDate day, String device, int count, int parts, long seed)
            throws IOException {
        Path dir = data.resolve("archive/live/" + day + "/" + device.replace(':', '_'));
        Files.createDirectories(dir);
        Random random = new Random(seed);
        long start = day.atStartOfDay(ZONE).toInstant().getEpochSecond() * 1_000_000_000L;
        long dayNanos = 86_400L * 1_000_000_000L;
        List<long[]> keys = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        List<StringBuilder> files = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            files.add(new StringBuilder());
        }
        for (int i = 0; i < count; i++) {
            long nanos = start + (long) (random.nextDouble() * dayNanos);
            if (i % 7 == 3 && i > 0) {
                nanos = keys.get(i - 1)[0]; // same receive time: the id decides
            }
            String id = new UUID(random.nextLong(), random.nextLong()).toString();
            byte[] payload =
                    i % 11 == 5
                            ? new byte[] {(byte) 0xff, 0, 10, 13, 65}
                            : ("<34>1 host app: message " + i + " \"quoted\" ünïcødé \n tab\t")
                                    .getBytes(StandardCharsets.UTF_8);
            RawRecord r =
                    new RawRecord(
                            id, nanos, device, 40000 + i, "udp", 5514, "gw1", i % 13 == 0, payload);
            String line = DailyFileLine.write(r);
            keys.add(new long[] {nanos, i});
            lines.add(line);
            files.get(i % parts).append(line).append('\n');
        }
        for (int p = 0; p < parts; p++) {
            Files.writeString(dir.resolve("part-" + seed + "-" + p + ".jsonl"), files.get(p));
        }
        Files.writeString(dir.resolve(".part-inprogress.jsonl"), "{\"id\":\"not committed\"}\n");
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            order.add(i);
        }
        List<String> ids = new ArrayList<>();
        for (String l : lines) {
            ids.add(l.substring(7, 43));
        }
        order.sort(Comparator.<Integer>comparingLong(i -> keys.get(i)[0]).thenComparing(ids::get));
        return order.stream().map(lines::get).toList();
    }

    /** The uncompressed bytes of a (multi-member) gzip file. */
    public static byte[] gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        }
    }

    /** Copies a directory tree. */
    public static void copyTree(Path from, Path to) throws IOException {
        try (var s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
