package io.logmaster.compliance.seal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What the sealer needs to know: the data directory (daily files under {@code archive/live}, sealed
 * days under {@code archive/sealed}), the zone that cuts days, the grace period after a day's end
 * before it is sealed, and the clock.
 */
public record SealSettings(Path dataDir, ZoneId zone, Duration grace, Clock clock) {
    public SealSettings {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(grace, "grace");
        Objects.requireNonNull(clock, "clock");
        if (grace.isNegative()) {
            throw new IllegalArgumentException("seal grace must not be negative, got " + grace);
        }
    }

    /** {@code <data>/archive/live}. */
    public Path liveDir() {
        return dataDir.resolve("archive").resolve("live");
    }

    /** {@code <data>/archive/sealed}. */
    public Path sealedDir() {
        return dataDir.resolve("archive").resolve("sealed");
    }
}
