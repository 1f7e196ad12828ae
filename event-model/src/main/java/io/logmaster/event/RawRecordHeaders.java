package io.logmaster.event;

import java.nio.charset.StandardCharsets;

/**
 * Kafka record header names of a raw record (gateway to {@code logmaster.raw}). Every value is
 * UTF-8 text; see docs/adr/0001-record-contracts.md.
 */
public final class RawRecordHeaders {
    /** Event id, a UUID version 7, assigned once at receive time. */
    public static final String ID = "lm.id";

    /** Receive time in epoch nanoseconds, decimal. */
    public static final String RECEIVED = "lm.received";

    /** Sender IP address, textual. */
    public static final String PEER_ADDRESS = "lm.peer.addr";

    /** Sender port, decimal. */
    public static final String PEER_PORT = "lm.peer.port";

    /** {@code udp}, {@code tcp}, {@code tls} or {@code file}. */
    public static final String TRANSPORT = "lm.transport";

    /** Local port the message arrived on, decimal; 0 for files. */
    public static final String LISTENER_PORT = "lm.listener.port";

    /** Id of the gateway that received the message. */
    public static final String GATEWAY = "lm.gateway";

    /** Present, with value {@code true}, only when the payload was cut to the size limit. */
    public static final String TRUNCATED = "lm.truncated";

    /** Why a record went to the dead-letter topic. */
    public static final String DLQ_REASON = "lm.dlq.reason";

    private RawRecordHeaders() {}

    /** Encodes a header value the way every header of the contract is encoded. */
    public static byte[] value(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Decodes a header value; {@code null} stays {@code null}. */
    public static String text(byte[] value) {
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }
}
