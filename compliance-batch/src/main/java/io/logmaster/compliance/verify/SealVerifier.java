package io.logmaster.compliance.verify;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.logmaster.compliance.manifest.Manifest;
import io.logmaster.compliance.manifest.Manifest.DeviceEntry;
import io.logmaster.compliance.manifest.RecordAnomalies;
import io.logmaster.compliance.manifest.RecordKey;
import io.logmaster.compliance.manifest.SealedDayLayout;
import io.logmaster.compliance.merkle.MerkleRoot;
import io.logmaster.compliance.merkle.Sha256;
import io.logmaster.event.EcsJson;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Verifies a sealed day offline and names exactly what failed: the manifest (canonical form,
 * format, day), every device file (stored and content SHA-256 and size, record count, order, each
 * record a JSON object received on the manifest's day, Merkle root, first/last received), files not
 * in the manifest, the signature and signer certificate, the time stamp, and the chain link to the
 * previous day (given, or found beside this directory).
 */
public final class SealVerifier {
    /** Per kind of record anomaly, how many are listed before summarising. */
    static final int LISTED_PER_DEVICE = 20;

    private static final JsonFactory JSON = new JsonFactory();

    /**
     * @param previousDay the previous sealed day's directory, or null to look beside {@code day}
     */
    public VerificationReport verify(Path day, Trust trust, Path previousDay) throws IOException {
        VerificationReport report = new VerificationReport();
        byte[] bytes = SignatureChecks.readIfExists(day.resolve(SealedDayLayout.MANIFEST));
        if (bytes == null) {
            report.fail(SealedDayLayout.MANIFEST + ": missing in " + day);
            return report;
        }
        Manifest manifest;
        try {
            manifest = Manifest.parse(bytes);
        } catch (Manifest.ManifestFormatException e) {
            report.fail(SealedDayLayout.MANIFEST + ": " + e.getMessage());
            return report;
        }
        manifestChecks(report, day, manifest, bytes);

        Instant stampTime =
                SignatureChecks.timeStamp(
                        report,
                        bytes,
                        SignatureChecks.readIfExists(
                                day.resolve(SealedDayLayout.TIME_STAMP_RESPONSE)),
                        SignatureChecks.readIfExists(day.resolve(SealedDayLayout.TIME_STAMP_TOKEN)),
                        SignatureChecks.readIfExists(day.resolve(SealedDayLayout.TSA_CHAIN)),
                        trust.tsaAnchors());
        SignatureChecks.signature(
                report,
                manifest,
                bytes,
                SignatureChecks.readIfExists(day.resolve(SealedDayLayout.SIGNATURE)),
                orEmpty(SignatureChecks.readIfExists(day.resolve(SealedDayLayout.SIGNER_CHAIN))),
                SignatureChecks.readIfExists(day.resolve(SealedDayLayout.SIGNER_PUBLIC_KEY)),
                trust.signerAnchors(),
                stampTime != null ? stampTime : manifest.sealedAt());

        ZoneId zone = null;
        try {
            zone = ZoneId.of(manifest.zone());
        } catch (DateTimeException e) {
            report.fail(SealedDayLayout.MANIFEST + ": unknown zone '" + manifest.zone() + "'");
        }
        Set<String> acknowledged = new HashSet<>(manifest.warnings());
        Set<String> listed = new HashSet<>();
        for (DeviceEntry d : manifest.devices()) {
            listed.add(d.file());
            if (zone != null) {
                device(report, day, manifest, d, zone, acknowledged);
            }
        }
        unlistedFiles(report, day, listed);
        chain(report, day, manifest, previousDay);
        return report;
    }

    private static byte[] orEmpty(byte[] b) {
        return b == null ? new byte[0] : b;
    }

    private static void manifestChecks(
            VerificationReport report, Path day, Manifest m, byte[] bytes) {
        if (Arrays.equals(m.toCanonicalBytes(), bytes)) {
            report.ok(
                    SealedDayLayout.MANIFEST
                            + ": canonical form, sha256 "
                            + Sha256.hex(Sha256.of(bytes)));
        } else {
            report.fail(
                    SealedDayLayout.MANIFEST
                            + ": not in canonical form (edited, or fields added or missing)");
        }
        if (Manifest.FORMAT.equals(m.format())) {
            report.ok("format " + m.format());
        } else {
            report.fail("format: '" + m.format() + "' is not " + Manifest.FORMAT);
        }
        Optional<LocalDate> dirDay = SealedDayLayout.dayOf(day.toAbsolutePath().normalize());
        if (dirDay.isEmpty()) {
            report.warn(
                    "directory name '"
                            + day.getFileName()
                            + "' is not a day; manifest says "
                            + m.day());
        } else if (!dirDay.get().equals(m.day())) {
            report.fail(
                    "day mismatch: manifest says " + m.day() + ", directory is " + dirDay.get());
        } else {
            report.ok("day " + m.day() + " matches the directory");
        }
        long records = m.devices().stream().mapToLong(DeviceEntry::records).sum();
        if (m.totals().devices() == m.devices().size() && m.totals().records() == records) {
            report.ok("totals: " + m.totals().devices() + " device(s), " + records + " record(s)");
        } else {
            report.fail(
                    "totals: manifest says "
                            + m.totals().devices()
                            + " device(s) and "
                            + m.totals().records()
                            + " record(s), entries hold "
                            + m.devices().size()
                            + " and "
                            + records);
        }
        for (int i = 1; i < m.devices().size(); i++) {
            if (m.devices().get(i - 1).device().compareTo(m.devices().get(i).device()) >= 0) {
                report.fail(
                        SealedDayLayout.MANIFEST
                                + ": devices not sorted/unique at "
                                + m.devices().get(i).device());
            }
        }
        for (String w : m.warnings()) {
            report.warn("sealed with warning: " + w);
        }
    }

    private void device(
            VerificationReport report,
            Path dayDir,
            Manifest m,
            DeviceEntry d,
            ZoneId zone,
            Set<String> acknowledged)
            throws IOException {
        String name = d.device();
        if (!d.file().equals(SealedDayLayout.deviceFile(name))) {
            report.fail(
                    name + ": file '" + d.file() + "' is not " + SealedDayLayout.deviceFile(name));
            return;
        }
        Path file = dayDir.resolve(d.file());
        if (!Files.isRegularFile(file)) {
            report.fail(d.file() + ": missing");
            return;
        }
        long dayStart = epochNanos(m.day(), zone);
        long dayEnd = epochNanos(m.day().plusDays(1), zone);
        MessageDigest storedMd = Sha256.digest();
        MessageDigest plainMd = Sha256.digest();
        MerkleRoot merkle = new MerkleRoot();
        RecordKey key = new RecordKey();
        Counting counting;
        long size = 0;
        long line = 0;
        long prevNanos = Long.MIN_VALUE;
        String prevId = null;
        long firstNanos = Long.MIN_VALUE;
        long lastNanos = Long.MIN_VALUE;
        int listed = 0;
        long unlisted = 0;
        boolean endsWithNewline = true;
        String readError = null;
        byte[] lineBuf = new byte[64 * 1024];
        int lineLen = 0;
        try (InputStream raw = Files.newInputStream(file);
                Counting c = new Counting(new DigestInputStream(raw, storedMd))) {
            counting = c;
            GZIPInputStream in = null;
            try {
                in = new GZIPInputStream(new BufferedInputStream(c, 1 << 16), 1 << 16);
                byte[] buf = new byte[1 << 20];
                for (int r = in.read(buf); r >= 0; r = in.read(buf)) {
                    plainMd.update(buf, 0, r);
                    size += r;
                    for (int i = 0; i < r; i++) {
                        byte b = buf[i];
                        if (b != '\n') {
                            if (lineLen == lineBuf.length) {
                                lineBuf = Arrays.copyOf(lineBuf, lineBuf.length * 2);
                            }
                            lineBuf[lineLen++] = b;
                            continue;
                        }
                        line++;
                        merkle.addLeaf(lineBuf, 0, lineLen);
                        String problem;
                        if (!key.parse(lineBuf, 0, lineLen)) {
                            problem = RecordAnomalies.notARecord(name, line, key.error());
                            if (prevId != null) {
                                problem = name + ": records out of order at line " + line;
                            }
                        } else {
                            problem = validObject(lineBuf, lineLen);
                            problem =
                                    problem == null
                                            ? null
                                            : RecordAnomalies.notARecord(name, line, problem);
                            long nanos = key.nanos();
                            if (prevId != null
                                    && (prevNanos > nanos
                                            || (prevNanos == nanos
                                                    && prevId.compareTo(key.id()) > 0))) {
                                problem = name + ": records out of order at line " + line;
                            } else if (problem == null && (nanos < dayStart || nanos >= dayEnd)) {
                                LocalDate got =
                                        EcsJson.nanosToInstant(nanos).atZone(zone).toLocalDate();
                                problem = RecordAnomalies.wrongDay(name, line, got, m.day());
                            } else if (problem == null
                                    && prevId != null
                                    && prevNanos == nanos
                                    && prevId.equals(key.id())) {
                                report.warn(RecordAnomalies.duplicateId(name, line, key.id()));
                            }
                            prevNanos = nanos;
                            prevId = key.id();
                            if (firstNanos == Long.MIN_VALUE) {
                                firstNanos = nanos;
                            }
                            lastNanos = nanos;
                        }
                        if (problem != null) {
                            if (acknowledged.contains(problem)) {
                                report.warn("acknowledged at seal time: " + problem);
                            } else if (listed < LISTED_PER_DEVICE) {
                                report.fail(problem);
                                listed++;
                            } else {
                                unlisted++;
                            }
                        }
                        lineLen = 0;
                    }
                }
            } catch (IOException e) {
                readError = e.getMessage();
            }
            // Hash and count the whole file, even bytes the gzip reader did not consume.
            c.transferTo(java.io.OutputStream.nullOutputStream());
            if (in != null) {
                in.close();
            }
        }
        if (lineLen > 0) {
            endsWithNewline = false;
            line++;
            merkle.addLeaf(lineBuf, 0, lineLen);
        }
        if (unlisted > 0) {
            report.fail(name + ": " + unlisted + " more record problem(s) not listed");
        }
        String storedHex = Sha256.hex(storedMd.digest());
        compare(
                report,
                d.file() + ": sha256 mismatch",
                d.storedSha256(),
                storedHex,
                d.file() + ": stored sha256 " + storedHex);
        compare(
                report,
                d.file() + ": size mismatch",
                String.valueOf(d.storedSize()),
                String.valueOf(counting.count),
                null);
        if (readError != null) {
            report.fail(d.file() + ": not a readable gzip file: " + readError);
            return;
        }
        compare(
                report,
                d.file() + ": content sha256 mismatch",
                d.sha256(),
                Sha256.hex(plainMd.digest()),
                d.file() + ": content sha256 matches");
        compare(
                report,
                d.file() + ": content size mismatch",
                String.valueOf(d.size()),
                String.valueOf(size),
                null);
        if (!endsWithNewline) {
            report.fail(d.file() + ": last record has no final newline");
        }
        if (d.records() == line) {
            report.ok(name + ": " + line + " record(s)");
        } else {
            report.fail(
                    name
                            + ": record count mismatch (manifest "
                            + d.records()
                            + ", file "
                            + line
                            + ")");
        }
        String root = Sha256.hex(merkle.root());
        if (root.equals(d.merkleRoot())) {
            report.ok(name + ": merkle root " + root);
        } else {
            report.fail(
                    name
                            + ": merkle root mismatch (manifest "
                            + d.merkleRoot()
                            + ", computed "
                            + root
                            + ")");
        }
        String first =
                firstNanos == Long.MIN_VALUE ? null : EcsJson.nanosToInstant(firstNanos).toString();
        String last =
                lastNanos == Long.MIN_VALUE ? null : EcsJson.nanosToInstant(lastNanos).toString();
        if (!java.util.Objects.equals(first, d.firstReceived())
                || !java.util.Objects.equals(last, d.lastReceived())) {
            report.fail(
                    name
                            + ": first/last received mismatch (manifest "
                            + d.firstReceived()
                            + " .. "
                            + d.lastReceived()
                            + ", file "
                            + first
                            + " .. "
                            + last
                            + ")");
        }
    }

    private static void compare(
            VerificationReport report, String failure, String expected, String actual, String ok) {
        if (expected.equals(actual)) {
            if (ok != null) {
                report.ok(ok);
            }
        } else {
            report.fail(failure + " (manifest " + expected + ", file " + actual + ")");
        }
    }

    /** Null if the bytes are exactly one JSON object, else why not. */
    static String validObject(byte[] buf, int len) {
        try (JsonParser p = JSON.createParser(buf, 0, len)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return "not a JSON object";
            }
            p.skipChildren();
            if (p.nextToken() != null) {
                return "trailing data after the JSON object";
            }
            return null;
        } catch (IOException e) {
            String msg = String.valueOf(e.getMessage());
            int nl = msg.indexOf('\n');
            return "not valid JSON: " + (nl < 0 ? msg : msg.substring(0, nl));
        }
    }

    private static void unlistedFiles(VerificationReport report, Path day, Set<String> listed)
            throws IOException {
        Path devices = day.resolve(SealedDayLayout.DEVICES);
        if (!Files.isDirectory(devices)) {
            return;
        }
        try (Stream<Path> files = Files.walk(devices)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String rel = day.relativize(f).toString().replace('\\', '/');
                if (!listed.contains(rel)) {
                    report.fail(rel + ": not listed in " + SealedDayLayout.MANIFEST);
                }
            }
        }
    }

    private static void chain(VerificationReport report, Path day, Manifest m, Path previousDay)
            throws IOException {
        if (m.previous() == null) {
            if (previousDay != null) {
                report.fail(
                        "chain: manifest names no previous day, but " + previousDay + " was given");
            } else {
                report.ok("chain: first sealed day (no previous)");
            }
            return;
        }
        LocalDate prev = m.previous().day();
        Path dir = previousDay;
        if (dir == null) {
            Path parent = day.toAbsolutePath().normalize().getParent();
            dir = parent == null ? null : parent.resolve(prev.toString());
            if (dir == null || !Files.isDirectory(dir)) {
                report.warn(
                        "chain: previous day "
                                + prev
                                + " not found beside "
                                + day
                                + "; link not checked");
                return;
            }
        }
        Optional<LocalDate> dirDay = SealedDayLayout.dayOf(dir.toAbsolutePath().normalize());
        if (dirDay.isPresent() && !dirDay.get().equals(prev)) {
            report.fail("chain: previous day is " + prev + ", given directory is " + dirDay.get());
        }
        byte[] prevBytes = SignatureChecks.readIfExists(dir.resolve(SealedDayLayout.MANIFEST));
        if (prevBytes == null) {
            report.fail("chain: previous day " + prev + " has no " + SealedDayLayout.MANIFEST);
            return;
        }
        String actual = Sha256.hex(Sha256.of(prevBytes));
        if (actual.equals(m.previous().manifestSha256())) {
            report.ok("chain: links to " + prev + " (manifest sha256 " + actual + ")");
        } else {
            report.fail(
                    "chain: previous manifest sha256 mismatch for "
                            + prev
                            + " (manifest says "
                            + m.previous().manifestSha256()
                            + ", "
                            + prev
                            + "/manifest.json is "
                            + actual
                            + ")");
        }
    }

    private static long epochNanos(LocalDate d, ZoneId zone) {
        return d.atStartOfDay(zone).toInstant().getEpochSecond() * 1_000_000_000L;
    }

    /** Counts the bytes read through it. */
    private static final class Counting extends FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int r = super.read(b, off, len);
            if (r > 0) {
                count += r;
            }
            return r;
        }
    }
}
