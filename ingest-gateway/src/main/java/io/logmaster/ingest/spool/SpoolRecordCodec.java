package io.logmaster.ingest.spool;

import io.logmaster.event.RawRecord;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * The on-disk form of one spooled {@link RawRecord}: {@code int bodyLength, int crc32c(body),
 * body}, where the body holds every field of the record (id, receive time, peer, ports, transport,
 * gateway, truncated flag, payload), so a replay rebuilds exactly the Kafka record first built,
 * with the same event id. Big-endian throughout.
 */
final class SpoolRecordCodec {
    /** Length and checksum in front of each body. */
    static final int FRAME_HEADER = 8;

    /** Fixed part of a body: nanos, two ports, flag, four string lengths, payload length. */
    private static final int FIXED_BODY = 8 + 4 + 4 + 1 + 4 * 4 + 4;

    private SpoolRecordCodec() {}

    /** Bytes {@code record} takes on disk, frame header included. */
    static int encodedSize(RawRecord record) {
        return FRAME_HEADER + bodySize(record);
    }

    private static int bodySize(RawRecord record) {
        return FIXED_BODY
                + utf8Length(record.id)
                + utf8Length(record.peerAddress)
                + utf8Length(record.transport)
                + utf8Length(record.gateway)
                + record.payload.length;
    }

    private static int utf8Length(String s) {
        return s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Writes the framed record at the buffer's position; the buffer must have room. */
    static void encode(RawRecord record, ByteBuffer out) {
        int start = out.position();
        out.position(start + FRAME_HEADER);
        int bodyStart = out.position();
        putString(out, record.id);
        out.putLong(record.receivedNanos);
        putString(out, record.peerAddress);
        out.putInt(record.peerPort);
        putString(out, record.transport);
        out.putInt(record.listenerPort);
        putString(out, record.gateway);
        out.put(record.truncated ? (byte) 1 : (byte) 0);
        out.putInt(record.payload.length);
        out.put(record.payload);
        int bodyLength = out.position() - bodyStart;
        CRC32C crc = new CRC32C();
        crc.update(out.duplicate().position(bodyStart).limit(bodyStart + bodyLength));
        out.putInt(start, bodyLength);
        out.putInt(start + 4, (int) crc.getValue());
    }

    /** -1 encodes null, so a record round-trips field for field. */
    private static void putString(ByteBuffer out, String s) {
        if (s == null) {
            out.putInt(-1);
            return;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.putInt(bytes.length);
        out.put(bytes);
    }

    /** Whether the checksum of {@code length} body bytes at the buffer's position matches. */
    static boolean crcMatches(ByteBuffer body, int length, int expected) {
        CRC32C crc = new CRC32C();
        crc.update(body.duplicate().limit(body.position() + length));
        return (int) crc.getValue() == expected;
    }

    /**
     * Reads a body of {@code length} bytes at the buffer's position (already checked by {@link
     * #crcMatches}); throws {@link IllegalArgumentException} when its fields do not add up.
     */
    static RawRecord decodeBody(ByteBuffer in, int length) {
        ByteBuffer body = in.slice(in.position(), length);
        in.position(in.position() + length);
        try {
            String id = getString(body);
            long receivedNanos = body.getLong();
            String peerAddress = getString(body);
            int peerPort = body.getInt();
            String transport = getString(body);
            int listenerPort = body.getInt();
            String gateway = getString(body);
            boolean truncated = body.get() != 0;
            int payloadLength = body.getInt();
            if (payloadLength != body.remaining()) {
                throw new IllegalArgumentException(
                        "payload length " + payloadLength + " but " + body.remaining() + " left");
            }
            byte[] payload = new byte[payloadLength];
            body.get(payload);
            return new RawRecord(
                    id,
                    receivedNanos,
                    peerAddress,
                    peerPort,
                    transport,
                    listenerPort,
                    gateway,
                    truncated,
                    payload);
        } catch (java.nio.BufferUnderflowException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("record body of " + length + " bytes is cut", e);
        }
    }

    private static String getString(ByteBuffer in) {
        int length = in.getInt();
        if (length == -1) {
            return null;
        }
        if (length < 0 || length > in.remaining()) {
            throw new IllegalArgumentException("bad string length " + length);
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
