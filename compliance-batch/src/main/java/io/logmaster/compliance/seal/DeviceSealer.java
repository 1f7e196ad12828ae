package io.logmaster.compliance.seal;

import io.logmaster.compliance.manifest.Manifest.DeviceEntry;
import io.logmaster.compliance.manifest.RecordAnomalies;
import io.logmaster.compliance.manifest.RecordKey;
import io.logmaster.compliance.manifest.SealedDayLayout;
import io.logmaster.compliance.merkle.MerkleRoot;
import io.logmaster.compliance.merkle.Sha256;
import io.logmaster.event.EcsJson;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestException;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Builds one device's canonical file of a day from its committed part files, streaming: pass 1
 * reads every line's sort key (received_nanos, id) and location (file, offset, length) into
 * primitive arrays; a stable sort orders them; pass 2 copies the lines in order into 4 MiB chunks,
 * hashing the plaintext and the Merkle leaves, while a pool compresses each chunk as one gzip
 * member (RFC 1952 allows concatenated members; gzip, zcat and Java read them as one stream). Heap
 * use is about 50 bytes per record plus a few chunks.
 */
final class DeviceSealer {
    static final int CHUNK = 4 << 20;
    private static final int READ_BUFFER = 1 << 20;

    private final ExecutorService compressors;
    private final int parallelism;
    private final LocalDate day;
    private final ZoneId zone;
    private final long dayStartNanos;
    private final long dayEndNanos;

    DeviceSealer(ExecutorService compressors, int parallelism, LocalDate day, ZoneId zone) {
        this.compressors = compressors;
        this.parallelism = parallelism;
        this.day = day;
        this.zone = zone;
        this.dayStartNanos = epochNanos(day, zone);
        this.dayEndNanos = epochNanos(day.plusDays(1), zone);
    }

    private static long epochNanos(LocalDate d, ZoneId zone) {
        return d.atStartOfDay(zone).toInstant().getEpochSecond() * 1_000_000_000L;
    }

    /** The manifest entry of a device and the anomalies found, with the file written. */
    record Result(DeviceEntry entry, List<String> warnings) {}

    Result seal(String device, List<Path> parts, Path out) throws IOException {
        List<String> warnings = new ArrayList<>();
        Index index = new Index();
        RecordKey key = new RecordKey();
        for (int f = 0; f < parts.size(); f++) {
            scan(parts.get(f), f, index, key, device, warnings);
        }
        int n = index.size;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        IndexSort.sort(order, n, index::compare);
        return copy(device, parts, index, order, out, warnings);
    }

    /** Pass 1: record the key and location of every line of {@code file}. */
    private void scan(
            Path file, int fileNo, Index index, RecordKey key, String device, List<String> warnings)
            throws IOException {
        int emptyLines = 0;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            byte[] buf = new byte[READ_BUFFER];
            int filled = 0;
            long bufPos = 0; // file offset of buf[0]
            boolean eof = false;
            while (!eof || filled > 0) {
                if (!eof) {
                    if (filled == buf.length) {
                        buf = Arrays.copyOf(buf, buf.length * 2); // a line longer than buffer
                    }
                    int r = ch.read(ByteBuffer.wrap(buf, filled, buf.length - filled));
                    if (r < 0) {
                        eof = true;
                    } else {
                        filled += r;
                    }
                }
                int start = 0;
                for (int i = 0; i < filled; i++) {
                    if (buf[i] == '\n') {
                        if (i == start) {
                            emptyLines++;
                        } else {
                            index.add(key, buf, start, i - start, fileNo, bufPos + start);
                        }
                        start = i + 1;
                    }
                }
                if (eof && start < filled) {
                    // A last line without its newline is still a record line.
                    index.add(key, buf, start, filled - start, fileNo, bufPos + start);
                    start = filled;
                }
                System.arraycopy(buf, start, buf, 0, filled - start);
                filled -= start;
                bufPos += start;
                if (eof) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new IOException("reading daily file " + file, e);
        }
        if (emptyLines > 0) {
            warnings.add(
                    device
                            + ": "
                            + emptyLines
                            + " empty line(s) in "
                            + file.getFileName()
                            + " skipped");
        }
    }

    /** Pass 2: write the lines in order, hash, build the Merkle root, compress. */
    private Result copy(
            String device,
            List<Path> parts,
            Index index,
            int[] order,
            Path out,
            List<String> warnings)
            throws IOException {
        MessageDigest plain = Sha256.digest();
        MessageDigest leafMd = Sha256.digest();
        MessageDigest stored = Sha256.digest();
        MerkleRoot merkle = new MerkleRoot();
        byte[] leaf = new byte[32];
        long size = 0;
        long storedSize = 0;
        long first = Long.MIN_VALUE;
        long last = Long.MIN_VALUE;
        RecordKey key = new RecordKey();
        Deque<Future<byte[]>> inFlight = new ArrayDeque<>();
        List<WindowReader> readers = new ArrayList<>();
        try (FileChannel target =
                FileChannel.open(out, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (Path p : parts) {
                readers.add(new WindowReader(FileChannel.open(p, StandardOpenOption.READ), p));
            }
            byte[] chunk = new byte[CHUNK];
            int used = 0;
            for (int k = 0; k < order.length; k++) {
                int r = order[k];
                long line = k + 1L;
                int len = index.len[r];
                WindowReader reader = readers.get(index.file(r));
                int at = reader.load(index.offset(r), len);
                byte[] src = reader.buf;
                if (used + len + 1 > chunk.length) {
                    storedSize += submit(chunk, used, inFlight, target, stored, false);
                    chunk = new byte[Math.max(CHUNK, len + 1)];
                    used = 0;
                }
                System.arraycopy(src, at, chunk, used, len);
                chunk[used + len] = '\n';
                leafMd.update((byte) 0);
                leafMd.update(chunk, used, len);
                digestInto(leafMd, leaf);
                merkle.addLeafHash(leaf.clone());
                plain.update(chunk, used, len + 1);
                used += len + 1;
                size += len + 1L;

                long nanos = index.nanos[r];
                if (index.invalid.get(r)) {
                    key.parse(src, at, len);
                    warnings.add(RecordAnomalies.notARecord(device, line, key.error()));
                    continue;
                }
                if (nanos < dayStartNanos || nanos >= dayEndNanos) {
                    LocalDate received = EcsJson.nanosToInstant(nanos).atZone(zone).toLocalDate();
                    warnings.add(RecordAnomalies.wrongDay(device, line, received, day));
                }
                if (k > 0 && index.compare(order[k - 1], r) == 0) {
                    warnings.add(RecordAnomalies.duplicateId(device, line, index.idString(r)));
                }
                if (first == Long.MIN_VALUE) {
                    first = nanos;
                }
                last = nanos;
            }
            storedSize += submit(chunk, used, inFlight, target, stored, true);
            while (!inFlight.isEmpty()) {
                storedSize += drain(inFlight, target, stored);
            }
            target.force(true);
        } finally {
            for (Future<byte[]> f : inFlight) {
                f.cancel(true);
            }
            for (WindowReader reader : readers) {
                reader.close();
            }
        }
        String file = SealedDayLayout.deviceFile(device);
        DeviceEntry entry =
                new DeviceEntry(
                        device,
                        file,
                        order.length,
                        size,
                        Sha256.hex(plain.digest()),
                        storedSize,
                        Sha256.hex(stored.digest()),
                        Sha256.hex(merkle.root()),
                        first == Long.MIN_VALUE ? null : EcsJson.nanosToInstant(first).toString(),
                        last == Long.MIN_VALUE ? null : EcsJson.nanosToInstant(last).toString());
        return new Result(entry, warnings);
    }

    /** Queues a chunk for compression (even an empty last one, so the file is valid gzip). */
    private long submit(
            byte[] chunk,
            int used,
            Deque<Future<byte[]>> inFlight,
            FileChannel target,
            MessageDigest stored,
            boolean last)
            throws IOException {
        long written = 0;
        if (used == 0 && !(last && inFlight.isEmpty() && target.position() == 0)) {
            return 0;
        }
        inFlight.add(compressors.submit(() -> gzip(chunk, used)));
        while (inFlight.size() > parallelism * 2) {
            written += drain(inFlight, target, stored);
        }
        return written;
    }

    private static long drain(Deque<Future<byte[]>> inFlight, FileChannel target, MessageDigest md)
            throws IOException {
        byte[] member;
        try {
            member = inFlight.removeFirst().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while compressing", e);
        } catch (ExecutionException e) {
            throw new IOException("compressing a chunk", e.getCause());
        }
        md.update(member);
        ByteBuffer bb = ByteBuffer.wrap(member);
        while (bb.hasRemaining()) {
            target.write(bb);
        }
        return member.length;
    }

    static byte[] gzip(byte[] data, int len) {
        ByteArrayOutputStream bos = new ByteArrayOutputStream(len / 4 + 64);
        try (GZIPOutputStream gz = new FastGzip(bos)) {
            gz.write(data, 0, len);
        } catch (IOException e) {
            throw new UncheckedIOException("gzip in memory", e);
        }
        return bos.toByteArray();
    }

    private static void digestInto(MessageDigest md, byte[] out) {
        try {
            md.digest(out, 0, out.length);
        } catch (DigestException e) {
            throw new IllegalStateException("SHA-256 into 32 bytes", e);
        }
    }

    /** gzip at level 1: the files are archives written once; speed matters more than ratio. */
    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(ByteArrayOutputStream out) throws IOException {
            super(out, 64 * 1024);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }

    /** Positional reads through a 1 MiB window; sequential when the part file is in order. */
    private static final class WindowReader implements AutoCloseable {
        private final FileChannel ch;
        private final Path path;
        byte[] buf = new byte[READ_BUFFER];
        private long start = -1;
        private int filled;

        WindowReader(FileChannel ch, Path path) {
            this.ch = ch;
            this.path = path;
        }

        /** Makes {@code [offset, offset+len)} available in {@link #buf}; returns its index. */
        int load(long offset, int len) throws IOException {
            if (start >= 0 && offset >= start && offset + len <= start + filled) {
                return (int) (offset - start);
            }
            if (len > buf.length) {
                buf = new byte[len];
            }
            start = offset;
            filled = 0;
            while (filled < len) {
                int r = ch.read(ByteBuffer.wrap(buf, filled, buf.length - filled), offset + filled);
                if (r < 0) {
                    throw new IOException(
                            "daily file " + path + " shrank while sealing (offset " + offset + ")");
                }
                filled += r;
            }
            return 0;
        }

        @Override
        public void close() throws IOException {
            ch.close();
        }
    }

    /** Sort keys and locations of a device's lines, in primitive arrays. */
    private static final class Index {
        long[] nanos = new long[1024];
        long[] idHi = new long[1024];
        long[] idLo = new long[1024];
        long[] loc = new long[1024]; // file number << 40 | offset
        int[] len = new int[1024];
        final BitSet invalid = new BitSet();
        final BitSet otherId = new BitSet();
        final Map<Integer, String> otherIds = new HashMap<>();
        int size;

        void add(RecordKey key, byte[] buf, int off, int length, int file, long offset) {
            if (offset >= 1L << 40 || file >= 1 << 23) {
                throw new IllegalStateException("daily file too large to index: " + offset);
            }
            if (size == nanos.length) {
                int grown = size * 2;
                nanos = Arrays.copyOf(nanos, grown);
                idHi = Arrays.copyOf(idHi, grown);
                idLo = Arrays.copyOf(idLo, grown);
                loc = Arrays.copyOf(loc, grown);
                len = Arrays.copyOf(len, grown);
            }
            int i = size++;
            loc[i] = (long) file << 40 | offset;
            len[i] = length;
            if (!key.parse(buf, off, length)) {
                invalid.set(i);
                nanos[i] = Long.MIN_VALUE;
                otherId.set(i);
                otherIds.put(i, "");
                return;
            }
            nanos[i] = key.nanos();
            String id = key.id();
            if (!parseUuid(id, i)) {
                otherId.set(i);
                otherIds.put(i, id);
            }
        }

        int file(int i) {
            return (int) (loc[i] >>> 40);
        }

        long offset(int i) {
            return loc[i] & ((1L << 40) - 1);
        }

        int compare(int a, int b) {
            int c = Long.compare(nanos[a], nanos[b]);
            if (c != 0) {
                return c;
            }
            if (!otherId.get(a) && !otherId.get(b)) {
                // Lower-case canonical UUID text sorts like its 128-bit value.
                c = Long.compareUnsigned(idHi[a], idHi[b]);
                return c != 0 ? c : Long.compareUnsigned(idLo[a], idLo[b]);
            }
            return idString(a).compareTo(idString(b));
        }

        String idString(int i) {
            if (otherId.get(i)) {
                return otherIds.get(i);
            }
            return new java.util.UUID(idHi[i], idLo[i]).toString();
        }

        /** Stores a lower-case canonical UUID as two longs; false for any other id text. */
        private boolean parseUuid(String s, int i) {
            if (s.length() != 36) {
                return false;
            }
            long hi = 0;
            long lo = 0;
            int nibbles = 0;
            for (int p = 0; p < 36; p++) {
                char c = s.charAt(p);
                if (p == 8 || p == 13 || p == 18 || p == 23) {
                    if (c != '-') {
                        return false;
                    }
                    continue;
                }
                int v;
                if (c >= '0' && c <= '9') {
                    v = c - '0';
                } else if (c >= 'a' && c <= 'f') {
                    v = c - 'a' + 10;
                } else {
                    return false;
                }
                if (nibbles < 16) {
                    hi = hi << 4 | v;
                } else {
                    lo = lo << 4 | v;
                }
                nibbles++;
            }
            idHi[i] = hi;
            idLo[i] = lo;
            return true;
        }
    }
}
