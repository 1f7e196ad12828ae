package io.logmaster.ingest.spool;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the spool lives and how it behaves.
 *
 * @param dir directory of the segment files (created if missing)
 * @param maxBytes bound on the segment files' total size; beyond it {@link DiskSpool#append}
 *     refuses
 * @param segmentBytes size at which the active segment is closed and a new one started
 * @param fsyncInterval written data is forced to disk at most this long after it was written
 *     ({@link Duration#ZERO}: after every written batch)
 * @param fsyncRecords ... or after this many records, whichever comes first
 */
public record SpoolSettings(
        Path dir, long maxBytes, long segmentBytes, Duration fsyncInterval, int fsyncRecords) {

    /** Smallest accepted bound: room for a few maximum-size frames. */
    public static final long MIN_MAX_BYTES = 1024 * 1024;

    public SpoolSettings {
        if (dir == null) {
            throw new IllegalArgumentException("spool directory must be set");
        }
        if (maxBytes < MIN_MAX_BYTES) {
            throw new IllegalArgumentException(
                    "spool max must be at least " + MIN_MAX_BYTES + " bytes, got " + maxBytes);
        }
        if (segmentBytes < 4096 || segmentBytes > maxBytes) {
            throw new IllegalArgumentException(
                    "spool segment size must be 4096.." + maxBytes + " bytes, got " + segmentBytes);
        }
        if (fsyncInterval == null || fsyncInterval.isNegative()) {
            throw new IllegalArgumentException(
                    "spool fsync interval must be >= 0, got " + fsyncInterval);
        }
        if (fsyncRecords < 1) {
            throw new IllegalArgumentException(
                    "spool fsync record count must be >= 1, got " + fsyncRecords);
        }
    }

    /** The production settings: segments of a quarter of the bound, at most 64 MiB. */
    public static SpoolSettings of(Path dir, long maxBytes, Duration fsyncInterval) {
        return new SpoolSettings(
                dir, maxBytes, Math.min(64L * 1024 * 1024, maxBytes / 4), fsyncInterval, 10_000);
    }
}
