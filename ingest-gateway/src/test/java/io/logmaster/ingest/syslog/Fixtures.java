package io.logmaster.ingest.syslog;

import io.logmaster.event.EventIds;
import io.logmaster.event.RawRecord;
import io.netty.channel.ChannelHandler;
import io.netty.channel.embedded.EmbeddedChannel;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Shared fixtures of the handler tests: a fixed clock, addresses, and channels that use them. */
final class Fixtures {
    static final Instant NOW = Instant.parse("2026-12-03T10:15:30.123456789Z");
    static final long NOW_NANOS = 1_796_292_930_123_456_789L;
    static final long NOW_MILLIS = 1_796_292_930_123L;
    static final String GATEWAY = "gw-test";
    static final InetSocketAddress PEER = new InetSocketAddress("10.1.2.3", 40_000);
    static final InetSocketAddress LISTENER = new InetSocketAddress("0.0.0.0", 5514);

    private Fixtures() {}

    static RawRecordFactory records() {
        return new RawRecordFactory(GATEWAY, new EventIds(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** An embedded channel that reports {@link #PEER} and {@link #LISTENER} as its addresses. */
    static EmbeddedChannel tcpChannel(ChannelHandler... handlers) {
        return new EmbeddedChannel(handlers) {
            @Override
            protected SocketAddress remoteAddress0() {
                return PEER;
            }

            @Override
            protected SocketAddress localAddress0() {
                return LISTENER;
            }
        };
    }

    /** The envelope fields every record of these tests must carry. */
    static void assertEnvelope(RawRecord record, String transport, boolean truncated) {
        assertThat(record.receivedNanos).isEqualTo(NOW_NANOS);
        assertThat(record.gateway).isEqualTo(GATEWAY);
        assertThat(record.transport).isEqualTo(transport);
        assertThat(record.listenerPort).isEqualTo(5514);
        assertThat(record.truncated).isEqualTo(truncated);
        UUID id = UUID.fromString(record.id);
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(NOW_MILLIS);
    }
}
