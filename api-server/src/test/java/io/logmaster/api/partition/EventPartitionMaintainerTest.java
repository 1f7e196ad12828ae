package io.logmaster.api.partition;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class EventPartitionMaintainerTest {

    private static final PartitionProperties ISTANBUL =
            new PartitionProperties(ZoneId.of("Europe/Istanbul"), 1, 7);

    private static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    @Test
    void windowIsYesterdayToAWeekAheadInTheConfiguredZone() {
        var w = EventPartitionMaintainer.window(at("2026-12-03T12:00:00Z"), ISTANBUL);

        assertThat(w.first()).isEqualTo(LocalDate.parse("2026-12-02"));
        assertThat(w.days()).isEqualTo(9);
        assertThat(w.first().plusDays(w.days() - 1)).isEqualTo(LocalDate.parse("2026-12-10"));
    }

    @Test
    void dayIsCutInTheZoneNotInUtc() {
        // 21:30 UTC is already 00:30 the next day in Istanbul (UTC+3).
        var w = EventPartitionMaintainer.window(at("2026-12-03T21:30:00Z"), ISTANBUL);

        assertThat(w.first()).isEqualTo(LocalDate.parse("2026-12-03"));
        var utc =
                EventPartitionMaintainer.window(
                        at("2026-12-03T21:30:00Z"), new PartitionProperties(ZoneOffset.UTC, 1, 7));
        assertThat(utc.first()).isEqualTo(LocalDate.parse("2026-12-02"));
    }

    @Test
    void honoursConfiguredDays() {
        var w =
                EventPartitionMaintainer.window(
                        at("2026-12-03T12:00:00Z"), new PartitionProperties(ZoneOffset.UTC, 0, 0));

        assertThat(w)
                .isEqualTo(new EventPartitionMaintainer.Window(LocalDate.parse("2026-12-03"), 1));
    }
}
