package io.logmaster.ingest.spool;

import io.logmaster.event.RawRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * A bounded, append-only, crash-safe queue of raw records on disk: segment files named after the
 * spool position of their first byte ({@code 00000000000000000000.seg}), each starting with an
 * 8-byte magic and holding records framed by {@link SpoolRecordCodec} (length + CRC32C). A position
 * is a byte offset in the endless stream of all segments, so one {@code long} names a record.
 *
 * <p>Three roles, each used by one thread: the writer ({@link #append}, {@link #flush}), the reader
 * ({@link #reader()}, reading what was written, in order) and the committer ({@link #commit}, after
 * Kafka acknowledged everything up to a position). The committed position is persisted in the file
 * {@code committed} (position + CRC32C, rewritten in place), and segments wholly below it are
 * deleted, so a restart replays only what was not acknowledged.
 *
 * <p>Durability: {@link #flush} hands the bytes to the kernel (a {@code kill -9} loses nothing
 * flushed); {@link FileChannel#force} runs at most {@link SpoolSettings#fsyncInterval} or {@link
 * SpoolSettings#fsyncRecords} later (a power cut loses at most that). On {@link #open}, a torn or
 * corrupt tail (bad length, short record, CRC mismatch) is cut off, counted and logged, never
 * replayed.
 */
public final class DiskSpool implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DiskSpool.class);

    static final byte[] MAGIC = "LMSPOOL1".getBytes(StandardCharsets.US_ASCII);
    static final int SEGMENT_HEADER = MAGIC.length;
    static final String SUFFIX = ".seg";
    static final String COMMITTED_FILE = "committed";

    /** Largest body accepted when reading; anything longer is corruption. */
    static final int MAX_BODY = 32 * 1024 * 1024;

    private static final int WRITE_BUFFER = 1024 * 1024;

    /** One segment file; {@code end} is the position after its last written byte. */
    static final class Segment {
        final long base;
        final Path path;
        volatile long end;
        volatile boolean sealed;

        Segment(long base, Path path, long end, boolean sealed) {
            this.base = base;
            this.path = path;
            this.end = end;
            this.sealed = sealed;
        }
    }

    /** A record read back with its position and the position just after it. */
    public record Entry(long position, long end, RawRecord record) {}

    private final SpoolSettings settings;
    private final LongSupplier nanoTime;
    private final ConcurrentSkipListMap<Long, Segment> segments = new ConcurrentSkipListMap<>();
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final FileChannel committedChannel;
    private final AtomicLong records = new AtomicLong();
    private final AtomicLong tornTails = new AtomicLong();
    private final AtomicLong corruptSkips = new AtomicLong();
    private final AtomicLong forces = new AtomicLong();
    private final ByteBuffer committedBuffer = ByteBuffer.allocate(12);
    private final long recoveredRecords;

    // Writer state (writer thread only).
    private final ByteBuffer writeBuffer = ByteBuffer.allocateDirect(WRITE_BUFFER);
    private volatile Segment active;
    private FileChannel activeChannel;
    private volatile long bufferedPosition;
    private int bufferedRecords;
    private int recordsSinceForce;
    private long lastForceNanos;
    private boolean unforced;

    private volatile long committed;
    private volatile boolean full;
    private volatile boolean closed;

    private DiskSpool(SpoolSettings settings, LongSupplier nanoTime) throws IOException {
        this.settings = settings;
        this.nanoTime = nanoTime;
        Path dir = settings.dir();
        Files.createDirectories(dir);
        lockChannel =
                FileChannel.open(
                        dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock acquired;
        try {
            acquired = lockChannel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            acquired = null;
        }
        if (acquired == null) {
            lockChannel.close();
            throw new IOException("spool " + dir + " is in use by another process");
        }
        lock = acquired;
        committedChannel =
                FileChannel.open(
                        dir.resolve(COMMITTED_FILE),
                        StandardOpenOption.CREATE,
                        StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
        committed = readCommitted();
        recover();
        deleteCommittedSegments();
        recoveredRecords = records.get();
        Map.Entry<Long, Segment> last = segments.lastEntry();
        long base = Math.max(committed, last == null ? 0 : last.getValue().end);
        startSegment(base);
        lastForceNanos = nanoTime.getAsLong();
    }

    /** Opens (or creates) the spool, recovering what a previous process left. */
    public static DiskSpool open(SpoolSettings settings, LongSupplier nanoTime) throws IOException {
        return new DiskSpool(settings, nanoTime);
    }

    private long readCommitted() throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(12);
        while (buf.hasRemaining() && committedChannel.read(buf, buf.position()) > 0) {
            // read all 12 bytes
        }
        if (buf.position() < 12) {
            return 0;
        }
        buf.flip();
        long position = buf.getLong();
        CRC32C crc = new CRC32C();
        crc.update(buf.array(), 0, 8);
        if ((int) crc.getValue() != buf.getInt()) {
            LOG.warn(
                    "Spool {}: committed position file is damaged; replaying every segment"
                            + " (records already in Kafka are sent again with the same ids)",
                    settings.dir());
            return 0;
        }
        return position;
    }

    private void recover() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(settings.dir())) {
            list.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).forEach(files::add);
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            long base;
            try {
                base = Long.parseLong(name.substring(0, name.length() - SUFFIX.length()));
            } catch (NumberFormatException e) {
                LOG.warn("Spool {}: ignoring unexpected file {}", settings.dir(), name);
                continue;
            }
            Segment segment = scan(base, file);
            if (segment != null) {
                segments.put(base, segment);
            }
        }
    }

    /** Validates a segment, cuts a torn or corrupt tail, counts its records past the commit. */
    private Segment scan(long base, Path file) throws IOException {
        try (FileChannel ch =
                FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = ch.size();
            ByteBuffer header = ByteBuffer.allocate(SEGMENT_HEADER);
            ch.read(header, 0);
            boolean valid =
                    header.position() == SEGMENT_HEADER
                            && java.util.Arrays.equals(header.array(), MAGIC);
            if (valid) {
                return scanRecords(base, file, ch, size);
            }
            tornTails.incrementAndGet();
            LOG.warn(
                    "Spool {}: segment {} has no valid header ({} bytes), deleted",
                    settings.dir(),
                    file.getFileName(),
                    size);
        }
        Files.delete(file);
        return null;
    }

    private Segment scanRecords(long base, Path file, FileChannel ch, long size)
            throws IOException {
        SegmentReader reader = new SegmentReader(ch);
        long offset = SEGMENT_HEADER;
        long count = 0;
        while (offset < size) {
            RawRecord record = reader.readAt(offset, size);
            if (record == null) {
                break;
            }
            if (base + offset >= committed) {
                count++;
            }
            offset = reader.nextOffset;
        }
        if (offset < size) {
            tornTails.incrementAndGet();
            LOG.warn(
                    "Spool {}: segment {} ends in a torn or corrupt record ({}); cut {} bytes"
                            + " at offset {}, the records before it are kept",
                    settings.dir(),
                    file.getFileName(),
                    reader.problem,
                    size - offset,
                    offset);
            ch.truncate(offset);
            ch.force(true);
        }
        records.addAndGet(count);
        return new Segment(base, file, base + offset, true);
    }

    private void startSegment(long base) throws IOException {
        Path path = settings.dir().resolve(String.format(Locale.ROOT, "%020d%s", base, SUFFIX));
        FileChannel ch =
                FileChannel.open(
                        path,
                        StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE,
                        StandardOpenOption.READ);
        ByteBuffer header = ByteBuffer.wrap(MAGIC);
        while (header.hasRemaining()) {
            ch.write(header);
        }
        activeChannel = ch;
        active = new Segment(base, path, base + SEGMENT_HEADER, false);
        bufferedPosition = active.end;
        segments.put(base, active);
    }

    // ---------------------------------------------------------------- writer

    /**
     * Buffers {@code record} for writing; false (nothing written) when the spool has no room for
     * it. Call {@link #flush} to hand buffered records to the kernel.
     */
    public boolean append(RawRecord record) throws IOException {
        int size = SpoolRecordCodec.encodedSize(record);
        if (size - SpoolRecordCodec.FRAME_HEADER > MAX_BODY) {
            throw new IllegalArgumentException(
                    "record " + record.id + " of " + size + " bytes is too large for the spool");
        }
        if (diskBytes() + size > settings.maxBytes()) {
            full = true;
            return false;
        }
        if (bufferedPosition + size - active.base > settings.segmentBytes()
                && bufferedPosition > active.base + SEGMENT_HEADER) {
            roll();
        }
        if (size > writeBuffer.remaining()) {
            writeBuffered();
        }
        if (size > writeBuffer.capacity()) {
            ByteBuffer big = ByteBuffer.allocate(size);
            SpoolRecordCodec.encode(record, big);
            big.flip();
            write(big);
            bufferedPosition += size;
            recordsWritten(1);
        } else {
            SpoolRecordCodec.encode(record, writeBuffer);
            bufferedPosition += size;
            bufferedRecords++;
        }
        full = false;
        return true;
    }

    /** Writes buffered records to the active segment, and forces them to disk if due. */
    public void flush() throws IOException {
        writeBuffered();
        forceIfDue();
    }

    /** Forces written data to disk if the fsync interval or record count says so. */
    public void forceIfDue() throws IOException {
        if (!unforced) {
            return;
        }
        long now = nanoTime.getAsLong();
        if (recordsSinceForce >= settings.fsyncRecords()
                || now - lastForceNanos >= settings.fsyncInterval().toNanos()) {
            force();
        }
    }

    /** Forces everything written so far to disk. */
    public void force() throws IOException {
        writeBuffered();
        if (unforced) {
            activeChannel.force(false);
            forces.incrementAndGet();
            unforced = false;
        }
        recordsSinceForce = 0;
        lastForceNanos = nanoTime.getAsLong();
    }

    private void writeBuffered() throws IOException {
        if (writeBuffer.position() == 0) {
            return;
        }
        writeBuffer.flip();
        write(writeBuffer);
        writeBuffer.clear();
        recordsWritten(bufferedRecords);
        bufferedRecords = 0;
    }

    private void write(ByteBuffer buf) throws IOException {
        int length = buf.remaining();
        long offset = active.end - active.base;
        while (buf.hasRemaining()) {
            offset += activeChannel.write(buf, offset);
        }
        active.end += length;
    }

    private void recordsWritten(int count) {
        records.addAndGet(count);
        recordsSinceForce += count;
        unforced = true;
    }

    private void roll() throws IOException {
        force();
        activeChannel.close();
        active.sealed = true;
        startSegment(active.end);
    }

    // ---------------------------------------------------------------- committer

    /**
     * Kafka acknowledged every record before {@code position}, {@code count} records since the last
     * commit: persists the position and deletes the segments wholly before it.
     */
    public synchronized void commit(long position, long count) throws IOException {
        if (position <= committed) {
            return;
        }
        committed = position;
        records.addAndGet(-count);
        committedBuffer.clear();
        committedBuffer.putLong(position);
        CRC32C crc = new CRC32C();
        crc.update(committedBuffer.array(), 0, 8);
        committedBuffer.putInt((int) crc.getValue());
        committedBuffer.flip();
        while (committedBuffer.hasRemaining()) {
            committedChannel.write(committedBuffer, committedBuffer.position());
        }
        deleteCommittedSegments();
        if (full && diskBytes() <= settings.maxBytes() - settings.maxBytes() / 10) {
            full = false;
        }
    }

    private void deleteCommittedSegments() throws IOException {
        for (Segment s : segments.values()) {
            if (s == active || !s.sealed || s.end > committed) {
                break;
            }
            Files.deleteIfExists(s.path);
            segments.remove(s.base);
        }
    }

    // ---------------------------------------------------------------- reader

    /** A reader from the first record not yet committed; for one thread. */
    public Reader reader() {
        return new Reader(committed);
    }

    /** Reads records in spool order, up to what the writer has flushed. */
    public final class Reader implements AutoCloseable {
        private long position;
        private Segment segment;
        private FileChannel channel;
        private SegmentReader segmentReader;

        private Reader(long position) {
            this.position = position;
        }

        /** The next record, or null when everything flushed so far has been read. */
        public Entry next() throws IOException {
            while (true) {
                if (segment == null && !openSegment()) {
                    return null;
                }
                // sealed first: once it is set, end no longer moves.
                boolean sealed = segment.sealed;
                long limit = segment.end;
                long offset = position - segment.base;
                long fileLimit = limit - segment.base;
                if (offset >= fileLimit) {
                    if (!sealed) {
                        return null;
                    }
                    closeSegment();
                    continue;
                }
                RawRecord record = segmentReader.readAt(offset, fileLimit);
                if (record == null) {
                    corruptSkips.incrementAndGet();
                    LOG.error(
                            "Spool {}: corrupt record in {} at offset {} ({}); skipping the rest"
                                    + " of what is written there",
                            settings.dir(),
                            segment.path.getFileName(),
                            offset,
                            segmentReader.problem);
                    position = limit;
                    continue;
                }
                long start = position;
                position = segment.base + segmentReader.nextOffset;
                return new Entry(start, position, record);
            }
        }

        private boolean openSegment() throws IOException {
            Map.Entry<Long, Segment> e = segments.floorEntry(position);
            if (e == null || (e.getValue().sealed && position >= e.getValue().end)) {
                e = segments.higherEntry(position);
            }
            if (e == null) {
                return false;
            }
            segment = e.getValue();
            position = Math.max(position, segment.base + SEGMENT_HEADER);
            try {
                channel = FileChannel.open(segment.path, StandardOpenOption.READ);
            } catch (java.nio.file.NoSuchFileException gone) {
                // Deleted after being committed: nothing in it to read.
                position = Math.max(position, segment.end);
                segment = null;
                return openSegment();
            }
            segmentReader = new SegmentReader(channel);
            return true;
        }

        private void closeSegment() throws IOException {
            position = Math.max(position, segment.end);
            channel.close();
            channel = null;
            segment = null;
        }

        @Override
        public void close() {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    /** Reads framed records from one segment file through a buffer. */
    private static final class SegmentReader {
        private final FileChannel channel;
        private ByteBuffer buf = ByteBuffer.allocate(256 * 1024);
        private long bufStart = -1;
        long nextOffset;
        String problem;

        SegmentReader(FileChannel channel) {
            this.channel = channel;
            buf.limit(0);
        }

        /**
         * The record at {@code offset}, reading no further than {@code limit}; null (with {@link
         * #problem} set) when it is torn or corrupt.
         */
        RawRecord readAt(long offset, long limit) throws IOException {
            if (limit - offset < SpoolRecordCodec.FRAME_HEADER) {
                problem = "short frame header";
                return null;
            }
            if (!fill(offset, SpoolRecordCodec.FRAME_HEADER)) {
                problem = "unreadable frame header";
                return null;
            }
            int at = (int) (offset - bufStart);
            int length = buf.getInt(at);
            int crc = buf.getInt(at + 4);
            if (length <= 0 || length > MAX_BODY) {
                problem = "bad length " + length;
                return null;
            }
            long total = SpoolRecordCodec.FRAME_HEADER + (long) length;
            if (limit - offset < total) {
                problem = "record of " + total + " bytes cut at " + (limit - offset);
                return null;
            }
            if (!fill(offset, (int) total)) {
                problem = "unreadable record";
                return null;
            }
            at = (int) (offset - bufStart) + SpoolRecordCodec.FRAME_HEADER;
            buf.position(at);
            if (!SpoolRecordCodec.crcMatches(buf, length, crc)) {
                problem = "CRC mismatch";
                return null;
            }
            try {
                RawRecord record = SpoolRecordCodec.decodeBody(buf, length);
                nextOffset = offset + total;
                return record;
            } catch (IllegalArgumentException e) {
                problem = e.getMessage();
                return null;
            }
        }

        /** Makes {@code count} bytes from {@code offset} available in the buffer. */
        private boolean fill(long offset, int count) throws IOException {
            if (bufStart >= 0 && offset >= bufStart && offset + count <= bufStart + buf.limit()) {
                return true;
            }
            if (count > buf.capacity()) {
                buf = ByteBuffer.allocate(Math.max(count, 2 * buf.capacity()));
            }
            buf.clear();
            bufStart = offset;
            while (buf.position() < count) {
                int n = channel.read(buf, offset + buf.position());
                if (n <= 0) {
                    buf.flip();
                    return false;
                }
            }
            buf.flip();
            return true;
        }
    }

    // ---------------------------------------------------------------- state

    /** Bytes on disk: every segment file, from the oldest not yet deleted to the write end. */
    public long diskBytes() {
        Map.Entry<Long, Segment> first = segments.firstEntry();
        return first == null ? 0 : bufferedPosition - first.getKey();
    }

    /** Bytes of records written and not yet committed (the Kafka backlog). */
    public long unacknowledgedBytes() {
        return Math.max(0, active.end - Math.max(committed, firstBase()));
    }

    private long firstBase() {
        Map.Entry<Long, Segment> first = segments.firstEntry();
        return first == null ? 0 : first.getKey();
    }

    /** Records written (or recovered) and not yet committed. */
    public long records() {
        return records.get();
    }

    /** Records found not yet committed when the spool was opened. */
    public long recoveredRecords() {
        return recoveredRecords;
    }

    /** Whether the last {@link #append} found no room (until a commit frees a tenth). */
    public boolean isFull() {
        return full;
    }

    public long committed() {
        return committed;
    }

    /** Torn or corrupt segment tails cut off when opening. */
    public long tornTails() {
        return tornTails.get();
    }

    /** Corrupt records met while reading (disk damage, not a crash). */
    public long corruptSkips() {
        return corruptSkips.get();
    }

    /** Times written data was forced to disk. */
    public long forces() {
        return forces.get();
    }

    public SpoolSettings settings() {
        return settings;
    }

    /**
     * Drops the directory lock and file handles without flushing or forcing anything: what a {@code
     * kill -9} leaves behind, so tests can reopen the directory in the same JVM.
     */
    void releaseLockForTest() {
        closed = true;
        try {
            activeChannel.close();
            committedChannel.close();
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int segmentCount() {
        return segments.size();
    }

    /** Flushes, forces and releases the files; the spool can be opened again afterwards. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            force();
            committedChannel.force(true);
        } finally {
            activeChannel.close();
            committedChannel.close();
            lock.release();
            lockChannel.close();
        }
    }
}
