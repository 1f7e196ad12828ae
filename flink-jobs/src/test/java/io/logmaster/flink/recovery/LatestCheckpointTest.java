package io.logmaster.flink.recovery;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class LatestCheckpointTest {
    @TempDir Path root;

    private Path checkpoint(String job, String chk, String modified) throws Exception {
        Path dir = Files.createDirectories(root.resolve(job).resolve(chk));
        Path metadata = Files.write(dir.resolve("_metadata"), new byte[] {1, 2, 3});
        Files.setLastModifiedTime(metadata, FileTime.from(Instant.parse(modified)));
        return dir;
    }

    @Test
    void emptyWhenRootMissingOrEmpty() throws Exception {
        assertThat(LatestCheckpoint.find(root.resolve("missing"))).isEmpty();
        assertThat(LatestCheckpoint.find(root)).isEmpty();
        Files.createDirectories(root.resolve("job1/shared"));
        Files.createDirectories(root.resolve("job1/taskowned"));
        assertThat(LatestCheckpoint.find(root)).isEmpty();
    }

    @Test
    void picksHighestCheckpointOfAJob() throws Exception {
        checkpoint("job1", "chk-7", "2026-12-03T10:00:00Z");
        Path newest = checkpoint("job1", "chk-12", "2026-12-03T10:00:00Z");
        checkpoint("job1", "chk-9", "2026-12-03T10:00:00Z");

        assertThat(LatestCheckpoint.find(root)).contains(newest);
    }

    @Test
    void picksNewestAcrossJobsByModificationTime() throws Exception {
        // An older run that got further in numbering, then a restarted run (new job id).
        checkpoint("aaaa", "chk-40", "2026-12-03T10:00:00Z");
        Path newest = checkpoint("bbbb", "chk-3", "2026-12-03T11:00:00Z");
        checkpoint("cccc", "chk-2", "2026-12-03T09:00:00Z");

        assertThat(LatestCheckpoint.find(root)).contains(newest);
    }

    @Test
    void skipsIncompleteCheckpoints() throws Exception {
        Path complete = checkpoint("job1", "chk-5", "2026-12-03T10:00:00Z");
        Files.createDirectories(root.resolve("job1/chk-6")); // in progress: no _metadata yet
        Path empty = Files.createDirectories(root.resolve("job1/chk-7"));
        Files.createFile(empty.resolve("_metadata")); // cut off while written
        Files.setLastModifiedTime(
                empty.resolve("_metadata"), FileTime.from(Instant.parse("2026-12-03T12:00:00Z")));
        Path notChk = Files.createDirectories(root.resolve("job1/savepoint-1"));
        Files.write(notChk.resolve("_metadata"), new byte[] {1});

        assertThat(LatestCheckpoint.find(root)).contains(complete);
    }
}
