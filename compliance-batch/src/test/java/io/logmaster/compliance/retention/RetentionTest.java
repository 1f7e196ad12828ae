package io.logmaster.compliance.retention;

import io.logmaster.compliance.merkle.Sha256;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RetentionTest {
    private static final ZoneId ZONE = ZoneId.of("Europe/Istanbul");
    // Today is 2026-03-10 in Istanbul; with 10 days of retention days before 2026-02-28 expire.
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    private static final Clock CLOCK =
            Clock.fixed(TODAY.atTime(0, 30).atZone(ZONE).toInstant(), ZoneOffset.UTC);

    @TempDir Path data;
    private Path sealed;
    private Path live;

    @BeforeEach
    void layout() {
        sealed = data.resolve("archive/sealed");
        live = data.resolve("archive/live");
    }

    private RetentionConfig config(ZoneId zone, int days) {
        Map<DataClass, Integer> d = new EnumMap<>(DataClass.class);
        for (DataClass c : DataClass.values()) {
            d.put(c, days);
        }
        return new RetentionConfig(data, zone, d, null, null, null, null);
    }

    private RetentionReport run(
            RetentionConfig config, SearchIndices es, EventPartitions pg, boolean dryRun)
            throws Exception {
        RetentionJournal journal = RetentionJournal.open(Retention.journalFile(data));
        RetentionReport r = new Retention(config, CLOCK, es, pg, journal).run(dryRun);
        System.out.print(r.render());
        return r;
    }

    private Path sealedDay(String day) throws Exception {
        Path dir = sealed.resolve(day);
        Files.createDirectories(dir.resolve("devices/10.0.0.1"));
        Files.writeString(dir.resolve("manifest.json"), "{\"day\":\"" + day + "\"}");
        Files.write(dir.resolve("devices/10.0.0.1/records.jsonl.gz"), new byte[] {1, 2, 3});
        return dir;
    }

    private Path liveDay(String day) throws Exception {
        Path dir = live.resolve(day).resolve("10.0.0.1");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("part-0-0.jsonl"), "{\"id\":\"x\"}\n");
        return dir.getParent();
    }

    private static String sha(Path file) throws Exception {
        return Sha256.hex(Sha256.of(Files.readAllBytes(file)));
    }

    private List<JournalEntry> journal() throws Exception {
        return RetentionJournal.open(Retention.journalFile(data)).entries();
    }

    @Test
    void deletesExactlyTheExpiredDaysOfEveryClassAndKeepsTheBoundary() throws Exception {
        String h26 = sha(sealedDay("2026-02-26").resolve("manifest.json"));
        String h27 = sha(sealedDay("2026-02-27").resolve("manifest.json"));
        sealedDay("2026-02-28");
        sealedDay("2026-03-09");
        liveDay("2026-02-25"); // never sealed
        liveDay("2026-02-26");
        liveDay("2026-02-27");
        liveDay("2026-02-28");
        Fakes.Indices es =
                new Fakes.Indices(
                        "logmaster-events-2026.02.26",
                        "logmaster-events-2026.02.27",
                        "logmaster-events-2026.02.28",
                        "logmaster-events-2026.03.10");
        Fakes.Partitions pg =
                new Fakes.Partitions(
                        "events_default",
                        "events_20260226",
                        "events_20260227",
                        "events_20260228",
                        "events_20260310");

        RetentionReport r = run(config(ZONE, 10), es, pg, false);

        assertThat(r.failedCount()).isZero();
        assertThat(r.keptUnsealedCount()).isEqualTo(1);
        assertThat(r.render()).contains("kept 2026-02-25: not sealed");
        assertThat(sealed.resolve("2026-02-26")).doesNotExist();
        assertThat(sealed.resolve("2026-02-27")).doesNotExist();
        assertThat(sealed.resolve("2026-02-28/manifest.json")).isRegularFile();
        assertThat(sealed.resolve("2026-03-09")).isDirectory();
        assertThat(live.resolve("2026-02-25/10.0.0.1/part-0-0.jsonl")).isRegularFile();
        assertThat(live.resolve("2026-02-26")).doesNotExist();
        assertThat(live.resolve("2026-02-27")).doesNotExist();
        assertThat(live.resolve("2026-02-28")).isDirectory();
        try (var s = Files.list(sealed)) {
            assertThat(s.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("2026-02-28", "2026-03-09");
        }
        // UTC index 2026.02.27 ends 2026-02-28T00:00Z, after the cutoff 2026-02-28T00:00+03:00.
        assertThat(es.names)
                .containsExactly(
                        "logmaster-events-2026.02.27",
                        "logmaster-events-2026.02.28",
                        "logmaster-events-2026.03.10");
        assertThat(pg.names)
                .containsExactly("events_20260228", "events_20260310", "events_default");
        assertThat(pg.dropCalls).containsExactly("events_20260226", "events_20260227");

        List<JournalEntry> j = journal();
        assertThat(j)
                .extracting(JournalEntry::dataClass, JournalEntry::target, JournalEntry::detail)
                .containsExactly(
                        tuple("live", "archive/live/2026-02-26", "delete"),
                        tuple("live", "archive/live/2026-02-27", "delete"),
                        tuple("archive", "archive/sealed/2026-02-26", "delete"),
                        tuple("archive", "archive/sealed/2026-02-27", "delete"),
                        tuple("search", "logmaster-events-2026.02.26", "delete"),
                        tuple("events", "events_20260226", "delete"),
                        tuple("events", "events_20260227", "delete"));
        assertThat(j.get(2).manifestSha256()).isEqualTo(h26);
        assertThat(j.get(3).manifestSha256()).isEqualTo(h27);
        assertThat(j.get(0).manifestSha256()).isNull();
        assertThat(j.get(2).day()).isEqualTo("2026-02-26");
        assertThat(j).extracting(JournalEntry::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(j).extracting(JournalEntry::at).containsOnly(CLOCK.instant().toString());
        assertThat(r.deletedCount()).isEqualTo(7);

        // A second run finds nothing more to delete and appends nothing.
        RetentionReport again = run(config(ZONE, 10), es, pg, false);
        assertThat(again.deletedCount()).isZero();
        assertThat(journal()).hasSize(7);
    }

    @Test
    void indicesUseTheZoneCutoffExactlyWhenTheZoneIsUtc() throws Exception {
        Clock utcClock = Clock.fixed(TODAY.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        Fakes.Indices es =
                new Fakes.Indices(
                        "logmaster-events-2026.02.27",
                        "logmaster-events-2026.02.28",
                        "logmaster-events-bogus");
        RetentionJournal journal = RetentionJournal.open(Retention.journalFile(data));

        RetentionReport r =
                new Retention(config(ZoneOffset.UTC, 10), utcClock, es, null, journal).run(false);

        assertThat(es.names)
                .containsExactly("logmaster-events-2026.02.28", "logmaster-events-bogus");
        assertThat(r.render())
                .contains("ignored logmaster-events-bogus")
                .contains("[events] skipped: LOGMASTER_PG_URL is not set");
    }

    @Test
    void dryRunDeletesNothingAndJournalsCandidatesAsDryRun() throws Exception {
        sealedDay("2026-02-01");
        liveDay("2026-02-01");
        Fakes.Indices es = new Fakes.Indices("logmaster-events-2026.02.01");
        Fakes.Partitions pg = new Fakes.Partitions("events_20260201", "events_default");

        RetentionReport r = run(config(ZONE, 10), es, pg, true);

        assertThat(r.deletedCount()).isZero();
        assertThat(r.candidateCount()).isEqualTo(4);
        assertThat(sealed.resolve("2026-02-01/manifest.json")).isRegularFile();
        assertThat(live.resolve("2026-02-01")).isDirectory();
        assertThat(es.deleteCalls).isEmpty();
        assertThat(pg.dropCalls).isEmpty();
        assertThat(journal())
                .hasSize(4)
                .allSatisfy(e -> assertThat(e.detail()).isEqualTo("dry-run: would delete"))
                .noneMatch(JournalEntry::isDeletion);
        assertThat(r.render()).contains("would delete archive/sealed/2026-02-01");
    }

    @Test
    void interruptedDeletionIsCompletedOnReRunAndRecordedAsCompleted() throws Exception {
        Path dir = sealedDay("2026-02-01");
        String hash = sha(dir.resolve("manifest.json"));
        // The write-ahead record exists, the directory is still there: the run died in between.
        RetentionJournal.open(Retention.journalFile(data))
                .append(
                        "2026-03-09T22:00:00Z",
                        DataClass.ARCHIVE,
                        "archive/sealed/2026-02-01",
                        "2026-02-01",
                        hash,
                        JournalEntry.DELETE);

        RetentionReport r = run(config(ZONE, 10), null, null, false);

        assertThat(dir).doesNotExist();
        assertThat(r.render()).contains("completed deletion of archive/sealed/2026-02-01");
        List<JournalEntry> j = journal();
        assertThat(j).hasSize(2);
        assertThat(j.get(1).detail())
                .isEqualTo("completed: deletion journaled at seq 1 was interrupted");
        assertThat(j.get(1).manifestSha256()).isEqualTo(hash);
        assertThat(RetentionJournal.verify(Retention.journalFile(data)).intact()).isTrue();
    }

    @Test
    void leftoverOfAnInterruptedDirectoryDeletionIsRemovedWithTheJournaledHash() throws Exception {
        Path dir = sealedDay("2026-02-01");
        String hash = sha(dir.resolve("manifest.json"));
        RetentionJournal.open(Retention.journalFile(data))
                .append(
                        "2026-03-09T22:00:00Z",
                        DataClass.ARCHIVE,
                        "archive/sealed/2026-02-01",
                        "2026-02-01",
                        hash,
                        JournalEntry.DELETE);
        // Renamed, then partly removed (the manifest went first) before the crash.
        Path leftover = sealed.resolve(".2026-02-01.deleting");
        Files.move(dir, leftover);
        Files.delete(leftover.resolve("manifest.json"));

        RetentionReport r = run(config(ZONE, 10), null, null, false);

        assertThat(leftover).doesNotExist();
        assertThat(r.deletedCount()).isEqualTo(1);
        assertThat(journal().get(1).manifestSha256()).isEqualTo(hash);
        assertThat(journal().get(1).detail()).startsWith("completed: ");
    }

    @Test
    void liveDayWhoseSealWasAlreadyDeletedByRetentionIsDeleted() throws Exception {
        liveDay("2026-02-01");
        RetentionJournal.open(Retention.journalFile(data))
                .append(
                        "2026-03-01T00:00:00Z",
                        DataClass.ARCHIVE,
                        "archive/sealed/2026-02-01",
                        "2026-02-01",
                        "ab".repeat(32),
                        JournalEntry.DELETE);

        RetentionReport r = run(config(ZONE, 10), null, null, false);

        assertThat(live.resolve("2026-02-01")).doesNotExist();
        assertThat(r.keptUnsealedCount()).isZero();
    }

    @Test
    void aFailedTargetIsReportedJournaledAndTheRunGoesOn() throws Exception {
        Fakes.Indices es =
                new Fakes.Indices("logmaster-events-2026.02.01", "logmaster-events-2026.02.02");
        es.failOn = "logmaster-events-2026.02.01";

        RetentionReport r = run(config(ZONE, 10), es, null, false);

        assertThat(r.failedCount()).isEqualTo(1);
        assertThat(r.hasFailures()).isTrue();
        assertThat(r.render()).contains("FAILED logmaster-events-2026.02.01: HTTP 500");
        assertThat(es.names).containsExactly("logmaster-events-2026.02.01");
        assertThat(journal())
                .extracting(JournalEntry::target, JournalEntry::detail)
                .containsExactly(
                        tuple("logmaster-events-2026.02.01", "delete"),
                        tuple(
                                "logmaster-events-2026.02.01",
                                "failed: HTTP 500 on logmaster-events-2026.02.01"),
                        tuple("logmaster-events-2026.02.02", "delete"));

        // The next run completes it.
        es.failOn = null;
        RetentionReport again = run(config(ZONE, 10), es, null, false);
        assertThat(again.failedCount()).isZero();
        assertThat(es.names).isEmpty();
        assertThat(journal().get(3).detail())
                .isEqualTo("completed: deletion journaled at seq 1 was interrupted");
    }

    @Test
    void aBrokenJournalStopsRetentionBeforeAnyDeletion() throws Exception {
        sealedDay("2026-02-01");
        Path file = Retention.journalFile(data);
        RetentionJournal j = RetentionJournal.open(file);
        j.append("2026-03-01T00:00:00Z", DataClass.SEARCH, "a", "2026-01-01", null, "delete");
        j.append("2026-03-01T00:00:00Z", DataClass.SEARCH, "b", "2026-01-02", null, "delete");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Files.writeString(file, text.replaceFirst("\"a\"", "\"A\""), StandardCharsets.UTF_8);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RetentionJournal.open(file))
                .hasMessageContaining("broken at line 2");
        assertThat(sealed.resolve("2026-02-01")).isDirectory();
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }
}
