package io.logmaster.flink.recovery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the checkpoint a restarted local job resumes from. Flink lays retained checkpoints out as
 * {@code <root>/<job id>/chk-<n>/_metadata}; a checkpoint is complete once its {@code _metadata}
 * exists (written last). Each restart is a new job id, so the newest complete checkpoint across all
 * job directories wins: newest {@code _metadata} modification time, then highest {@code n}.
 */
public final class LatestCheckpoint {
    private static final Pattern CHK = Pattern.compile("chk-(\\d{1,18})");
    static final String METADATA = "_metadata";

    private LatestCheckpoint() {}

    /** One complete checkpoint directory. */
    record Candidate(Path dir, long number, FileTime modified) {}

    /** The newest complete checkpoint directory below {@code root}; empty if none or no root. */
    public static Optional<Path> find(Path root) {
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        Candidate best = null;
        Comparator<Candidate> order =
                Comparator.comparing(Candidate::modified).thenComparingLong(Candidate::number);
        try (DirectoryStream<Path> jobs = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path job : jobs) {
                try (DirectoryStream<Path> chks =
                        Files.newDirectoryStream(job, Files::isDirectory)) {
                    for (Path chk : chks) {
                        Candidate c = candidate(chk);
                        if (c != null && (best == null || order.compare(c, best) > 0)) {
                            best = c;
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("looking for checkpoints in " + root, e);
        }
        return Optional.ofNullable(best).map(Candidate::dir);
    }

    private static Candidate candidate(Path chk) throws IOException {
        Matcher m = CHK.matcher(chk.getFileName().toString());
        if (!m.matches()) {
            return null;
        }
        Path metadata = chk.resolve(METADATA);
        if (!Files.isRegularFile(metadata) || Files.size(metadata) == 0) {
            return null;
        }
        return new Candidate(chk, Long.parseLong(m.group(1)), Files.getLastModifiedTime(metadata));
    }
}
