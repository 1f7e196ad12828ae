package io.logmaster.compliance.retention;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;

/**
 * The {@code retention [--dry-run]} and {@code retention --verify-journal [FILE]} commands. Exit 0
 * when everything expired was deleted (or the journal is intact), 1 on any failure. One run at a
 * time: a lock file {@code <data>/archive/.retention.lock} keeps the journal's chain linear.
 */
public final class RetentionCommand {
    /** The usage lines of this command, for the batch's usage text. */
    public static final String USAGE_LINES =
            "       retention [--dry-run]\n" + "       retention --verify-journal [FILE]\n";

    private RetentionCommand() {}

    /**
     * Runs the command (arguments after {@code retention}).
     *
     * @param dataDir the batch's data directory
     * @param zone the day cut of daily files and partitions
     */
    public static int run(
            String[] args,
            Map<String, String> env,
            Path dataDir,
            ZoneId zone,
            PrintStream out,
            Clock clock)
            throws IOException {
        boolean dryRun = false;
        boolean verify = false;
        Path journalFile = Retention.journalFile(dataDir);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--dry-run" -> dryRun = true;
                case "--verify-journal" -> {
                    verify = true;
                    if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                        journalFile = Path.of(args[++i]);
                    }
                }
                default ->
                        throw new IllegalArgumentException(
                                "retention: unexpected argument '" + args[i] + "'\n" + USAGE_LINES);
            }
        }
        if (verify) {
            return verifyJournal(journalFile, out);
        }
        RetentionConfig config = RetentionConfig.fromEnv(env, dataDir, zone);
        Path lockFile = dataDir.resolve("archive").resolve(".retention.lock");
        Files.createDirectories(lockFile.getParent());
        try (FileChannel ch =
                        FileChannel.open(
                                lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = tryLock(ch)) {
            if (lock == null) {
                out.println("retention: another retention run holds " + lockFile);
                return 1;
            }
            RetentionJournal journal;
            try {
                journal = RetentionJournal.open(Retention.journalFile(dataDir));
            } catch (IOException e) {
                out.println("retention: nothing deleted: " + e.getMessage());
                return 1;
            }
            SearchIndices search =
                    config.esUrl() == null ? null : new HttpSearchIndices(config.esUrl());
            EventPartitions events =
                    config.pgUrl() == null
                            ? null
                            : new JdbcEventPartitions(
                                    config.pgUrl(), config.pgUser(), config.pgPassword());
            RetentionReport report =
                    new Retention(config, clock, search, events, journal).run(dryRun);
            out.print(report.render());
            return report.hasFailures() ? 1 : 0;
        }
    }

    /** Checks the journal's chain, printing the verdict; 0 intact, 1 broken. */
    public static int verifyJournal(Path file, PrintStream out) throws IOException {
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("no retention journal at " + file);
        }
        JournalVerification v = RetentionJournal.verify(file);
        out.println(file + ": " + v.render());
        return v.intact() ? 0 : 1;
    }

    private static FileLock tryLock(FileChannel ch) throws IOException {
        try {
            return ch.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }
}
