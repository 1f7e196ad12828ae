package io.logmaster.ingest.syslog;

import io.logmaster.event.EventIds;
import io.logmaster.event.RawRecord;
import io.logmaster.ingest.support.Transport;
import io.netty.util.NetUtil;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Clock;
import java.time.Instant;

/**
 * Wraps received payload bytes in the {@link RawRecord} envelope: a fresh event id, the receive
 * time in epoch nanoseconds (as precise as the clock gives), peer, transport, listener port and
 * gateway id. The payload array is kept as is, never re-encoded. Thread-safe.
 */
public final class RawRecordFactory {
    private final String gatewayId;
    private final EventIds ids;
    private final Clock clock;

    public RawRecordFactory(String gatewayId, EventIds ids, Clock clock) {
        if (gatewayId == null || gatewayId.isBlank()) {
            throw new IllegalArgumentException(
                    "gateway id must not be blank, got '" + gatewayId + "'");
        }
        this.gatewayId = gatewayId;
        this.ids = ids;
        this.clock = clock;
    }

    RawRecord create(
            byte[] payload,
            SocketAddress peer,
            Transport transport,
            int listenerPort,
            boolean truncated) {
        Instant now = clock.instant();
        long nanos =
                Math.addExact(
                        Math.multiplyExact(now.getEpochSecond(), 1_000_000_000L), now.getNano());
        return new RawRecord(
                ids.next(now.toEpochMilli()),
                nanos,
                address(peer),
                port(peer),
                transport.wire(),
                listenerPort,
                gatewayId,
                truncated,
                payload);
    }

    /** Textual IP, IPv6 in its compressed form without brackets (ADR 0001). */
    static String address(SocketAddress address) {
        if (address instanceof InetSocketAddress inet) {
            return inet.getAddress() != null
                    ? NetUtil.toAddressString(inet.getAddress())
                    : inet.getHostString();
        }
        return String.valueOf(address);
    }

    static int port(SocketAddress address) {
        return address instanceof InetSocketAddress inet ? inet.getPort() : 0;
    }
}
