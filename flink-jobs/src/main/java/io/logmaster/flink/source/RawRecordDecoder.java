package io.logmaster.flink.source;

import io.logmaster.event.RawRecord;
import io.logmaster.event.RawRecordHeaders;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns one Kafka record of {@code logmaster.raw} into a {@link RawRecord} (value = payload,
 * metadata from {@link RawRecordHeaders}), or into a {@link DeadLetter} naming the first problem.
 * Never throws: a record with missing or malformed metadata is a counted dead letter, not a failed
 * job.
 */
final class RawRecordDecoder {
    /** Longest event id accepted: it becomes the Elasticsearch {@code _id} and a PG key. */
    static final int MAX_ID_LENGTH = 128;

    /** Longest peer address accepted: it becomes a directory name of the daily files. */
    static final int MAX_PEER_LENGTH = 255;

    private RawRecordDecoder() {}

    static IncomingRecord decode(
            String topic, int partition, long offset, byte[] key, byte[] value, Headers headers) {
        try {
            String problem = problem(value, headers);
            if (problem == null) {
                return IncomingRecord.of(toRaw(value, headers));
            }
            return IncomingRecord.of(
                    deadLetter(problem, topic, partition, offset, key, value, headers));
        } catch (RuntimeException e) {
            // Defensive: the checks above should leave nothing to throw, but a bad record must
            // never stop the job.
            return IncomingRecord.of(
                    deadLetter(
                            "cannot decode: " + e, topic, partition, offset, key, value, headers));
        }
    }

    /** The first reason the record cannot be a raw record, or null if it can. */
    private static String problem(byte[] value, Headers headers) {
        if (value == null) {
            return "no payload (null value)";
        }
        String id = text(headers, RawRecordHeaders.ID);
        if (id == null || id.isBlank()) {
            return "missing header " + RawRecordHeaders.ID;
        }
        if (id.length() > MAX_ID_LENGTH || !printableAscii(id)) {
            return "bad header "
                    + RawRecordHeaders.ID
                    + ": not a printable ASCII id of at most "
                    + MAX_ID_LENGTH
                    + " characters";
        }
        String received = text(headers, RawRecordHeaders.RECEIVED);
        if (received == null) {
            return "missing header " + RawRecordHeaders.RECEIVED;
        }
        if (parseLong(received) == null || parseLong(received) < 0) {
            return "bad header " + RawRecordHeaders.RECEIVED + ": '" + clip(received) + "'";
        }
        String peer = text(headers, RawRecordHeaders.PEER_ADDRESS);
        if (peer == null || peer.isBlank()) {
            return "missing header " + RawRecordHeaders.PEER_ADDRESS;
        }
        if (peer.length() > MAX_PEER_LENGTH || !printableAscii(peer)) {
            return "bad header " + RawRecordHeaders.PEER_ADDRESS + ": '" + clip(peer) + "'";
        }
        for (String portHeader :
                new String[] {RawRecordHeaders.PEER_PORT, RawRecordHeaders.LISTENER_PORT}) {
            String port = text(headers, portHeader);
            if (port == null) {
                return "missing header " + portHeader;
            }
            Long n = parseLong(port);
            if (n == null || n < 0 || n > 65535) {
                return "bad header " + portHeader + ": '" + clip(port) + "'";
            }
        }
        String transport = text(headers, RawRecordHeaders.TRANSPORT);
        if (transport == null || transport.isBlank()) {
            return "missing header " + RawRecordHeaders.TRANSPORT;
        }
        String gateway = text(headers, RawRecordHeaders.GATEWAY);
        if (gateway == null) {
            return "missing header " + RawRecordHeaders.GATEWAY;
        }
        return null;
    }

    private static RawRecord toRaw(byte[] value, Headers headers) {
        return new RawRecord(
                text(headers, RawRecordHeaders.ID),
                Long.parseLong(text(headers, RawRecordHeaders.RECEIVED)),
                text(headers, RawRecordHeaders.PEER_ADDRESS),
                Integer.parseInt(text(headers, RawRecordHeaders.PEER_PORT)),
                text(headers, RawRecordHeaders.TRANSPORT),
                Integer.parseInt(text(headers, RawRecordHeaders.LISTENER_PORT)),
                text(headers, RawRecordHeaders.GATEWAY),
                "true".equals(text(headers, RawRecordHeaders.TRUNCATED)),
                value);
    }

    private static DeadLetter deadLetter(
            String reason,
            String topic,
            int partition,
            long offset,
            byte[] key,
            byte[] value,
            Headers headers) {
        DeadLetter d = new DeadLetter();
        d.reason = reason;
        d.topic = topic;
        d.partition = partition;
        d.offset = offset;
        d.key = key;
        d.value = value;
        List<String> keys = new ArrayList<>();
        List<byte[]> values = new ArrayList<>();
        if (headers != null) {
            for (Header h : headers) {
                keys.add(h.key());
                values.add(h.value());
            }
        }
        d.headerKeys = keys.toArray(new String[0]);
        d.headerValues = values.toArray(new byte[0][]);
        return d;
    }

    /** The last value of header {@code name} as text (the gateway sets each header once). */
    private static String text(Headers headers, String name) {
        if (headers == null) {
            return null;
        }
        Header h = headers.lastHeader(name);
        return h == null ? null : RawRecordHeaders.text(h.value());
    }

    private static Long parseLong(String text) {
        if (text.isEmpty() || text.length() > 19) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean printableAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                return false;
            }
        }
        return true;
    }

    /** Keeps a hostile header value from bloating the reason header. */
    private static String clip(String s) {
        return s.length() <= 64 ? s : s.substring(0, 64) + "...";
    }
}
