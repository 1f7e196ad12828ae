package io.logmaster.compliance.retention;

import io.logmaster.compliance.manifest.SealedDayLayout;
import io.logmaster.compliance.merkle.Sha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Deletes what has outlived its retention, per data class, for Law 5651 (keep, then delete, every
 * deletion recorded, nothing early). A unit of data is expired when it ends at or before the
 * cutoff, the start of day {@code today(zone) - retention}: a zone day D (sealed and live days,
 * PostgreSQL partitions) when {@code D < today - retention}; an Elasticsearch index, named after
 * its UTC day, only when its whole UTC day has ended by then (in a zone east of UTC that is one day
 * later: its last hours belong to the next zone day).
 *
 * <p>Every deletion is first appended to the {@link RetentionJournal} and forced to disk, then
 * carried out. Directories are renamed to {@code .YYYY-MM-DD.deleting} in one atomic move, then
 * removed; a leftover of an interrupted run, or a target the journal already records as deleted, is
 * deleted again and recorded as "completed". A live day is deleted only once it was sealed. Each
 * target is all-or-nothing; a failure is reported and the run goes on with the next target.
 */
public final class Retention {
    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);
    private static final String DELETING = ".deleting";
    private static final DateTimeFormatter INDEX_DAY = DateTimeFormatter.ofPattern("uuuu.MM.dd");
    private static final DateTimeFormatter TABLE_DAY = DateTimeFormatter.ofPattern("uuuuMMdd");

    private final RetentionConfig config;
    private final Clock clock;
    private final SearchIndices search;
    private final EventPartitions events;
    private final RetentionJournal journal;

    /**
     * @param search the indices, or null when Elasticsearch is not configured (skipped)
     * @param events the partitions, or null when PostgreSQL is not configured (skipped)
     */
    public Retention(
            RetentionConfig config,
            Clock clock,
            SearchIndices search,
            EventPartitions events,
            RetentionJournal journal) {
        this.config = config;
        this.clock = clock;
        this.search = search;
        this.events = events;
        this.journal = journal;
    }

    /** {@code <data>/archive/retention-journal.jsonl}. */
    public static Path journalFile(Path dataDir) {
        return dataDir.resolve("archive").resolve("retention-journal.jsonl");
    }

    /** Runs every class: live first, so a live day's seal is judged before its seal may go. */
    public RetentionReport run(boolean dryRun) {
        RetentionReport report = new RetentionReport();
        LocalDate today = LocalDate.now(clock.withZone(config.zone()));
        if (dryRun) {
            report.line("DRY RUN: nothing is deleted; candidates are journaled as dry-run");
        }
        dirs(DataClass.LIVE, today, dryRun, report);
        dirs(DataClass.ARCHIVE, today, dryRun, report);
        indices(today, dryRun, report);
        partitions(today, dryRun, report);
        return report;
    }

    private LocalDate cutoffDay(DataClass c, LocalDate today) {
        return today.minusDays(config.daysOf(c));
    }

    private String header(DataClass c, LocalDate today, String where) {
        return "["
                + c.key()
                + "] "
                + where
                + ": retention "
                + config.daysOf(c)
                + "d, days before "
                + cutoffDay(c, today)
                + " expire";
    }

    // ---- sealed and live day directories ----

    private Path rootOf(DataClass c) {
        return config.dataDir()
                .resolve("archive")
                .resolve(c == DataClass.ARCHIVE ? "sealed" : "live");
    }

    private String targetOf(DataClass c, LocalDate day) {
        return "archive/" + (c == DataClass.ARCHIVE ? "sealed" : "live") + "/" + day;
    }

    private void dirs(DataClass c, LocalDate today, boolean dryRun, RetentionReport report) {
        Path root = rootOf(c);
        report.line(header(c, today, root.toString()));
        if (!Files.isDirectory(root)) {
            report.line("  nothing to do: no " + root);
            return;
        }
        TreeMap<LocalDate, Path> days = new TreeMap<>();
        TreeMap<LocalDate, Path> leftovers = new TreeMap<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(root)) {
            for (Path p : ds) {
                String name = p.getFileName().toString();
                if (!Files.isDirectory(p)) {
                    continue;
                }
                if (name.startsWith(".") && name.endsWith(DELETING)) {
                    parseDay(name.substring(1, name.length() - DELETING.length()))
                            .ifPresent(d -> leftovers.put(d, p));
                } else {
                    SealedDayLayout.dayOf(p).ifPresent(d -> days.put(d, p));
                }
            }
        } catch (IOException e) {
            report.line("  FAILED listing " + root + ": " + e.getMessage());
            report.failed();
            return;
        }
        for (var e : leftovers.entrySet()) {
            LocalDate day = e.getKey();
            Path dir = e.getValue();
            delete(
                    c,
                    targetOf(c, day),
                    day,
                    () -> manifestHash(c, dir, targetOf(c, day)),
                    () -> {
                        deleteTree(dir);
                        Fsync.directory(root);
                        return true;
                    },
                    true,
                    dryRun,
                    report);
        }
        LocalDate cutoff = cutoffDay(c, today);
        Kept kept = new Kept();
        for (var e : days.entrySet()) {
            LocalDate day = e.getKey();
            Path dir = e.getValue();
            if (!day.isBefore(cutoff)) {
                kept.add(day);
                continue;
            }
            if (c == DataClass.LIVE && !sealed(day)) {
                report.line("  kept " + day + ": not sealed (" + dir + ")");
                report.keptUnsealed();
                continue;
            }
            String target = targetOf(c, day);
            delete(
                    c,
                    target,
                    day,
                    () -> manifestHash(c, dir, target),
                    () -> {
                        Path doomed = root.resolve("." + day + DELETING);
                        if (Files.exists(doomed)) {
                            deleteTree(doomed);
                        }
                        Files.move(dir, doomed, StandardCopyOption.ATOMIC_MOVE);
                        Fsync.directory(root);
                        deleteTree(doomed);
                        Fsync.directory(root);
                        return true;
                    },
                    false,
                    dryRun,
                    report);
        }
        report.line(kept.render());
    }

    /** Sealed: its manifest is in place, or the journal records the sealed day's deletion. */
    private boolean sealed(LocalDate day) {
        Path manifest =
                rootOf(DataClass.ARCHIVE).resolve(day.toString()).resolve(SealedDayLayout.MANIFEST);
        return Files.isRegularFile(manifest)
                || journal.lastDeletion(DataClass.ARCHIVE, targetOf(DataClass.ARCHIVE, day))
                        .filter(j -> j.manifestSha256() != null)
                        .isPresent();
    }

    private String manifestHash(DataClass c, Path dir, String target) throws IOException {
        if (c != DataClass.ARCHIVE) {
            return null;
        }
        Path manifest = dir.resolve(SealedDayLayout.MANIFEST);
        try {
            return Sha256.hex(Sha256.of(Files.readAllBytes(manifest)));
        } catch (NoSuchFileException e) {
            // Interrupted earlier: the hash was journaled before that deletion began.
            return journal.lastDeletion(c, target).map(JournalEntry::manifestSha256).orElse(null);
        }
    }

    // ---- Elasticsearch ----

    private void indices(LocalDate today, boolean dryRun, RetentionReport report) {
        DataClass c = DataClass.SEARCH;
        if (search == null) {
            report.line("[search] skipped: LOGMASTER_ES_URL is not set");
            return;
        }
        Instant cutoff = cutoffDay(c, today).atStartOfDay(config.zone()).toInstant();
        report.line(
                "[search] "
                        + search.describe()
                        + ": retention "
                        + config.daysOf(c)
                        + "d, indices (UTC days) ending by "
                        + cutoff
                        + " expire");
        java.util.List<String> names;
        try {
            names = search.list();
        } catch (IOException e) {
            report.line("  FAILED listing indices: " + e.getMessage());
            report.failed();
            return;
        }
        TreeMap<LocalDate, String> days = new TreeMap<>();
        for (String name : names) {
            if (!HttpSearchIndices.DAILY.matcher(name).matches()) {
                report.line("  ignored " + name + ": not a daily index name");
                continue;
            }
            parseDay(name.substring("logmaster-events-".length()), INDEX_DAY)
                    .ifPresentOrElse(
                            d -> days.put(d, name),
                            () -> report.line("  ignored " + name + ": not a date"));
        }
        Kept kept = new Kept();
        for (var e : days.entrySet()) {
            LocalDate day = e.getKey();
            String index = e.getValue();
            Instant end = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            if (end.isAfter(cutoff)) {
                kept.add(day);
                continue;
            }
            delete(c, index, day, () -> null, () -> search.delete(index), false, dryRun, report);
        }
        report.line(kept.render());
    }

    // ---- PostgreSQL ----

    private void partitions(LocalDate today, boolean dryRun, RetentionReport report) {
        DataClass c = DataClass.EVENTS;
        if (events == null) {
            report.line("[events] skipped: LOGMASTER_PG_URL is not set");
            return;
        }
        report.line(header(c, today, events.describe()));
        java.util.List<String> names;
        try {
            names = events.list();
        } catch (IOException e) {
            report.line("  FAILED listing partitions: " + e.getMessage());
            report.failed();
            return;
        }
        LocalDate cutoff = cutoffDay(c, today);
        TreeMap<LocalDate, String> days = new TreeMap<>();
        for (String name : names) {
            if (name.equals("events_default")) {
                continue; // never touched: it holds rows of days without their own partition
            }
            Optional<LocalDate> day =
                    JdbcEventPartitions.DAILY.matcher(name).matches()
                            ? parseDay(name.substring("events_".length()), TABLE_DAY)
                            : Optional.empty();
            if (day.isEmpty()) {
                report.line("  ignored " + name + ": not a daily partition name");
                continue;
            }
            days.put(day.get(), name);
        }
        Kept kept = new Kept();
        for (var e : days.entrySet()) {
            LocalDate day = e.getKey();
            String table = e.getValue();
            if (!day.isBefore(cutoff)) {
                kept.add(day);
                continue;
            }
            delete(c, table, day, () -> null, () -> events.drop(table), false, dryRun, report);
        }
        report.line(kept.render());
    }

    // ---- one target ----

    private interface HashSource {
        String get() throws IOException;
    }

    private interface Action {
        /** Deletes; true if something was deleted, false if it was already gone. */
        boolean run() throws IOException;
    }

    private void delete(
            DataClass c,
            String target,
            LocalDate day,
            HashSource hash,
            Action action,
            boolean leftover,
            boolean dryRun,
            RetentionReport report) {
        Optional<JournalEntry> earlier = journal.lastDeletion(c, target);
        boolean completing = leftover || earlier.isPresent();
        String what = c.key() + " " + target;
        String manifest;
        try {
            manifest = hash.get();
        } catch (IOException e) {
            report.line("  FAILED " + target + ": reading its manifest: " + e.getMessage());
            report.failed();
            return;
        }
        String suffix = manifest == null ? "" : " (manifest sha256 " + manifest + ")";
        String detail =
                completing
                        ? JournalEntry.COMPLETED
                                + earlier.map(j -> "deletion journaled at seq " + j.seq())
                                        .orElse("deletion")
                                + " was interrupted"
                        : JournalEntry.DELETE;
        try {
            if (dryRun) {
                journal.append(
                        now(),
                        c,
                        target,
                        day.toString(),
                        manifest,
                        JournalEntry.DRY_RUN + "would " + (completing ? "complete" : "delete"));
                report.line(
                        "  would "
                                + (completing ? "complete deletion of " : "delete ")
                                + target
                                + suffix);
                report.candidate();
                return;
            }
            journal.append(now(), c, target, day.toString(), manifest, detail);
        } catch (IOException e) {
            report.line("  FAILED " + target + ": journal: " + e.getMessage() + "; not deleted");
            report.failed();
            return;
        }
        try {
            boolean gone = action.run();
            report.line(
                    "  "
                            + (completing ? "completed deletion of " : "deleted ")
                            + target
                            + (gone ? "" : " (already gone)")
                            + suffix);
            report.deleted();
            LOG.info("Retention deleted {} of day {}{}", what, day, suffix);
        } catch (IOException | RuntimeException e) {
            report.line("  FAILED " + target + ": " + e.getMessage());
            report.failed();
            LOG.error("Retention could not delete {} of day {}", what, day, e);
            try {
                journal.append(
                        now(),
                        c,
                        target,
                        day.toString(),
                        manifest,
                        JournalEntry.FAILED + String.valueOf(e.getMessage()));
            } catch (IOException ex) {
                report.line(
                        "  (the failure itself could not be journaled: " + ex.getMessage() + ")");
            }
        }
    }

    private String now() {
        return clock.instant().toString();
    }

    private static Optional<LocalDate> parseDay(String text) {
        return parseDay(text, DateTimeFormatter.ISO_LOCAL_DATE);
    }

    private static Optional<LocalDate> parseDay(String text, DateTimeFormatter f) {
        try {
            return Optional.of(LocalDate.parse(text, f));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Days kept within retention, summarised. */
    private static final class Kept {
        private LocalDate first;
        private LocalDate last;
        private int count;

        void add(LocalDate d) {
            first = first == null || d.isBefore(first) ? d : first;
            last = last == null || d.isAfter(last) ? d : last;
            count++;
        }

        String render() {
            return count == 0
                    ? "  kept: nothing within retention"
                    : "  kept " + count + " day(s) " + first + " .. " + last + ": within retention";
        }
    }
}
