package io.logmaster.flink.archive;

import io.logmaster.event.RawRecord;
import io.logmaster.flink.support.ReceiveDays;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.streaming.api.functions.sink.filesystem.BucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.SimpleVersionedStringSerializer;

import java.time.ZoneId;

/**
 * Buckets daily-file lines as {@code YYYY-MM-DD/<peer address>}: the receive day in the configured
 * zone, then the sender. The peer address is made safe as a single directory name (IPv6 {@code :}
 * becomes {@code _}).
 */
public final class DailyBucketAssigner implements BucketAssigner<RawRecord, String> {
    private static final long serialVersionUID = 1L;

    private final ZoneId zone;

    public DailyBucketAssigner(ZoneId zone) {
        if (zone == null) {
            throw new IllegalArgumentException("daily bucket assigner needs a zone, got null");
        }
        this.zone = zone;
    }

    @Override
    public String getBucketId(RawRecord record, Context context) {
        return bucketId(record);
    }

    String bucketId(RawRecord record) {
        return ReceiveDays.iso(record.receivedNanos, zone)
                + "/"
                + directoryName(record.peerAddress);
    }

    /**
     * A peer address as one directory name: letters, digits, {@code .} and {@code -} stay, every
     * other character (IPv6 {@code :}, a zone's {@code %}, a slash) becomes {@code _}; a name of
     * dots only cannot climb out of the day directory.
     */
    static String directoryName(String peerAddress) {
        if (peerAddress == null || peerAddress.isEmpty()) {
            return "unknown";
        }
        StringBuilder out = new StringBuilder(peerAddress.length());
        for (int i = 0; i < peerAddress.length(); i++) {
            char c = peerAddress.charAt(i);
            boolean safe =
                    (c >= 'a' && c <= 'z')
                            || (c >= 'A' && c <= 'Z')
                            || (c >= '0' && c <= '9')
                            || c == '.'
                            || c == '-';
            out.append(safe ? c : '_');
        }
        String name = out.toString();
        return name.chars().allMatch(c -> c == '.') ? name.replace('.', '_') : name;
    }

    @Override
    public SimpleVersionedSerializer<String> getSerializer() {
        return SimpleVersionedStringSerializer.INSTANCE;
    }

    @Override
    public String toString() {
        return "DailyBucketAssigner{zone=" + zone + "}";
    }
}
