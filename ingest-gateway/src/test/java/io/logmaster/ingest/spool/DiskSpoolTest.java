package io.logmaster.ingest.spool;

import io.logmaster.event.RawRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

class DiskSpoolTest {
    @TempDir Path dir;

    private SpoolSettings settings(long max, long segment) {
        return new SpoolSettings(dir, max, segment, Duration.ofMillis(100), 1000);
    }

    private DiskSpool open() throws IOException {
        return DiskSpool.open(settings(8L * 1024 * 1024, 64 * 1024), System::nanoTime);
    }

    private static RawRecord record(int n) {
        return new RawRecord(
                "id-" + n,
                1_700_000_000_000_000_000L + n,
                "10.0.0." + (n % 250),
                40_000 + n % 1000,
                n % 2 == 0 ? "tcp" : "udp",
                5514,
                "gw-ş",
                n % 7 == 0,
                ("<13>message ü " + n + " " + "x".repeat(n % 300)).getBytes(UTF_8));
    }

    private static List<DiskSpool.Entry> readAll(DiskSpool spool) throws IOException {
        List<DiskSpool.Entry> out = new ArrayList<>();
        try (DiskSpool.Reader reader = spool.reader()) {
            DiskSpool.Entry e;
            while ((e = reader.next()) != null) {
                out.add(e);
            }
        }
        return out;
    }

    private static void assertSame(RawRecord actual, RawRecord expected) {
        assertThat(actual).usingRecursiveComparison().isEqualTo(expected);
    }

    private List<Path> segmentFiles() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".seg")).sorted().toList();
        }
    }

    @Test
    void readsBackExactRecordsInOrder() throws IOException {
        try (DiskSpool spool = open()) {
            for (int i = 0; i < 100; i++) {
                assertThat(spool.append(record(i))).isTrue();
            }
            spool.flush();

            List<DiskSpool.Entry> entries = readAll(spool);

            assertThat(entries).hasSize(100);
            for (int i = 0; i < 100; i++) {
                assertSame(entries.get(i).record(), record(i));
            }
            assertThat(spool.records()).isEqualTo(100);
        }
    }

    @Test
    void readerSeesOnlyFlushedRecordsAndContinuesAfterMore() throws IOException {
        try (DiskSpool spool = open();
                DiskSpool.Reader reader = spool.reader()) {
            spool.append(record(1));
            assertThat(reader.next()).isNull();
            spool.flush();
            assertThat(reader.next().record().id).isEqualTo("id-1");
            assertThat(reader.next()).isNull();
            spool.append(record(2));
            spool.flush();
            assertThat(reader.next().record().id).isEqualTo("id-2");
        }
    }

    @Test
    void rollsSegmentsAndDeletesThemOnceCommitted() throws IOException {
        try (DiskSpool spool = open()) {
            for (int i = 0; i < 2000; i++) {
                spool.append(record(i));
            }
            spool.flush();
            assertThat(segmentFiles().size()).isGreaterThan(3);
            List<DiskSpool.Entry> entries = readAll(spool);
            assertThat(entries).extracting(e -> e.record().id).hasSize(2000).startsWith("id-0");

            spool.commit(entries.get(1999).end(), 2000);

            assertThat(segmentFiles()).hasSize(1);
            assertThat(spool.records()).isZero();
            assertThat(spool.unacknowledgedBytes()).isZero();
        }
    }

    @Test
    void refusesAppendsBeyondTheBoundUntilCommitFreesRoom() throws IOException {
        long max = 1024 * 1024;
        try (DiskSpool spool = DiskSpool.open(settings(max, 128 * 1024), System::nanoTime)) {
            int accepted = 0;
            while (spool.append(record(accepted))) {
                accepted++;
                spool.flush();
            }

            assertThat(spool.isFull()).isTrue();
            assertThat(spool.diskBytes()).isLessThanOrEqualTo(max);
            long onDisk = segmentFiles().stream().mapToLong(DiskSpoolTest::size).sum();
            assertThat(onDisk).isLessThanOrEqualTo(max).isGreaterThan(max - 64 * 1024);

            List<DiskSpool.Entry> entries = readAll(spool);
            assertThat(entries).hasSize(accepted);
            spool.commit(entries.get(accepted / 2).end(), accepted / 2 + 1);

            assertThat(spool.isFull()).isFalse();
            assertThat(spool.append(record(accepted))).isTrue();
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void reopenWithoutCloseKeepsEverythingFlushed() throws IOException {
        DiskSpool crashed = open();
        for (int i = 0; i < 50; i++) {
            crashed.append(record(i));
        }
        crashed.flush();
        // No close(): the process "died". Release the lock the way the kernel would.
        releaseLockOf(crashed);

        try (DiskSpool spool = open()) {
            assertThat(spool.recoveredRecords()).isEqualTo(50);
            List<DiskSpool.Entry> entries = readAll(spool);
            assertThat(entries).hasSize(50);
            assertSame(entries.get(49).record(), record(49));
            assertThat(spool.tornTails()).isZero();
        }
    }

    @Test
    void committedPositionPreventsReplayAfterReopen() throws IOException {
        DiskSpool first = open();
        for (int i = 0; i < 30; i++) {
            first.append(record(i));
        }
        first.flush();
        List<DiskSpool.Entry> entries = readAll(first);
        first.commit(entries.get(19).end(), 20);
        releaseLockOf(first);

        try (DiskSpool spool = open()) {
            assertThat(spool.recoveredRecords()).isEqualTo(10);
            assertThat(readAll(spool))
                    .extracting(e -> e.record().id)
                    .containsExactly(
                            "id-20", "id-21", "id-22", "id-23", "id-24", "id-25", "id-26", "id-27",
                            "id-28", "id-29");
        }
    }

    @Test
    void cutsTornTailAndCountsIt() throws IOException {
        DiskSpool crashed = open();
        for (int i = 0; i < 10; i++) {
            crashed.append(record(i));
        }
        crashed.flush();
        releaseLockOf(crashed);
        Path segment = segmentFiles().get(segmentFiles().size() - 1);
        long intact = Files.size(segment);
        // Half a record: the frame header promises more bytes than follow.
        ByteBuffer torn = ByteBuffer.allocate(8 + 5);
        torn.putInt(100).putInt(12345).put("abcde".getBytes(UTF_8)).flip();
        try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.APPEND)) {
            ch.write(torn);
        }

        try (DiskSpool spool = open()) {
            assertThat(spool.tornTails()).isEqualTo(1);
            assertThat(Files.size(segment)).isEqualTo(intact);
            assertThat(readAll(spool)).hasSize(10);
        }
    }

    @Test
    void cutsRecordWithBadChecksumAndEverythingAfterIt() throws IOException {
        DiskSpool crashed = open();
        for (int i = 0; i < 10; i++) {
            crashed.append(record(i));
        }
        crashed.flush();
        List<DiskSpool.Entry> entries = readAll(crashed);
        releaseLockOf(crashed);
        Path segment = segmentFiles().get(segmentFiles().size() - 1);
        long seventh = entries.get(7).position() - Long.parseLong(baseOf(segment));
        try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(new byte[] {(byte) 0xff}), seventh + 20);
        }

        try (DiskSpool spool = open()) {
            assertThat(spool.tornTails()).isEqualTo(1);
            assertThat(readAll(spool))
                    .extracting(e -> e.record().id)
                    .containsExactly("id-0", "id-1", "id-2", "id-3", "id-4", "id-5", "id-6");
        }
    }

    @Test
    void newRecordsAfterRecoveryFollowTheOldOnes() throws IOException {
        DiskSpool crashed = open();
        crashed.append(record(1));
        crashed.flush();
        releaseLockOf(crashed);

        try (DiskSpool spool = open()) {
            spool.append(record(2));
            spool.flush();
            assertThat(readAll(spool))
                    .extracting(e -> e.record().id)
                    .containsExactly("id-1", "id-2");
        }
    }

    @Test
    void refusesASecondOpenOfTheSameDirectory() throws IOException {
        try (DiskSpool spool = open()) {
            org.assertj.core.api.Assertions.assertThatIOException()
                    .isThrownBy(this::open)
                    .withMessageContaining("in use");
            assertThat(spool.records()).isZero();
        }
    }

    @Test
    void forcesAtMostEveryIntervalOrRecordCount() throws IOException {
        long[] now = {0};
        try (DiskSpool spool =
                DiskSpool.open(
                        new SpoolSettings(dir, 8L << 20, 1 << 20, Duration.ofMillis(100), 3),
                        () -> now[0])) {
            spool.append(record(1));
            spool.flush();
            assertThat(spool.forces()).isZero();
            now[0] = Duration.ofMillis(100).toNanos();
            spool.flush();
            assertThat(spool.forces()).isEqualTo(1);
            spool.append(record(2));
            spool.append(record(3));
            spool.append(record(4));
            spool.flush();
            assertThat(spool.forces()).isEqualTo(2);
        }
    }

    private static String baseOf(Path segment) {
        String name = segment.getFileName().toString();
        return name.substring(0, name.length() - DiskSpool.SUFFIX.length());
    }

    /** What the kernel does when a process dies: its file lock goes away. */
    private static void releaseLockOf(DiskSpool spool) {
        spool.releaseLockForTest();
    }
}
