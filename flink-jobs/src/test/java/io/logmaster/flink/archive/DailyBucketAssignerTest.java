package io.logmaster.flink.archive;

import io.logmaster.event.RawRecord;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DailyBucketAssignerTest {
    static final ZoneId ISTANBUL = ZoneId.of("Europe/Istanbul");

    static RawRecord received(String instant, String peer) {
        Instant t = Instant.parse(instant);
        long nanos = t.getEpochSecond() * 1_000_000_000L + t.getNano();
        return new RawRecord("id-1", nanos, peer, 514, "udp", 5514, "gw1", false, new byte[] {'x'});
    }

    @Test
    void cutsDaysAtMidnightInIstanbulNotUtc() {
        DailyBucketAssigner assigner = new DailyBucketAssigner(ISTANBUL);

        // Istanbul is UTC+3 all year: local midnight is 21:00 UTC the day before.
        assertThat(assigner.bucketId(received("2026-12-02T20:59:59.999999999Z", "10.1.2.3")))
                .isEqualTo("2026-12-02/10.1.2.3");
        assertThat(assigner.bucketId(received("2026-12-02T21:00:00Z", "10.1.2.3")))
                .isEqualTo("2026-12-03/10.1.2.3");
        assertThat(assigner.bucketId(received("2026-12-03T20:00:00Z", "10.1.2.3")))
                .isEqualTo("2026-12-03/10.1.2.3");
    }

    @Test
    void usesTheConfiguredZone() {
        DailyBucketAssigner utc = new DailyBucketAssigner(ZoneId.of("UTC"));

        assertThat(utc.bucketId(received("2026-12-02T21:00:00Z", "10.1.2.3")))
                .isEqualTo("2026-12-02/10.1.2.3");
    }

    @Test
    void makesIpv6PeerAPlainDirectoryName() {
        DailyBucketAssigner assigner = new DailyBucketAssigner(ISTANBUL);

        assertThat(assigner.bucketId(received("2026-12-03T10:00:00Z", "2001:db8::1")))
                .isEqualTo("2026-12-03/2001_db8__1");
        assertThat(DailyBucketAssigner.directoryName("fe80::1%eth0")).isEqualTo("fe80__1_eth0");
    }

    @Test
    void peerCannotClimbOutOfTheDayDirectory() {
        assertThat(DailyBucketAssigner.directoryName("..")).isEqualTo("__");
        assertThat(DailyBucketAssigner.directoryName("../../etc")).isEqualTo(".._.._etc");
        assertThat(DailyBucketAssigner.directoryName("a/b\\c")).isEqualTo("a_b_c");
        assertThat(DailyBucketAssigner.directoryName("")).isEqualTo("unknown");
        assertThat(DailyBucketAssigner.directoryName(null)).isEqualTo("unknown");
    }

    @Test
    void bucketIdsSurviveTheirSerializer() throws Exception {
        DailyBucketAssigner assigner = new DailyBucketAssigner(ISTANBUL);
        var serializer = assigner.getSerializer();

        byte[] bytes = serializer.serialize("2026-12-03/2001_db8__1");

        assertThat(serializer.deserialize(serializer.getVersion(), bytes))
                .isEqualTo("2026-12-03/2001_db8__1");
    }

    @Test
    void needsAZone() {
        assertThatThrownBy(() -> new DailyBucketAssigner(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("zone");
    }
}
