package io.logmaster.event;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class EventIdsTest {
    @Test
    void idsAreVersion7AndStrictlyIncreasingWithinOneMillisecond() {
        EventIds ids = new EventIds();
        Set<String> seen = new HashSet<>();
        String previous = "";
        for (int i = 0; i < 10_000; i++) {
            String id = ids.next(1_796_292_930_123L);
            assertThat(id.compareTo(previous)).isPositive();
            previous = id;
            seen.add(id);
            UUID uuid = UUID.fromString(id);
            assertThat(uuid.version()).isEqualTo(7);
            assertThat(uuid.variant()).isEqualTo(2);
        }
        assertThat(seen).hasSize(10_000);
    }

    @Test
    void idCarriesTheMillisecondTimestamp() {
        String id = new EventIds().next(1_796_292_930_123L);

        long millis = UUID.fromString(id).getMostSignificantBits() >>> 16;

        assertThat(millis).isEqualTo(1_796_292_930_123L);
    }
}
