package io.logmaster.flink.source;

/**
 * A Kafka record that could not become a {@link io.logmaster.event.RawRecord}: its key, value and
 * headers exactly as read, where it came from, and why it was rejected. A Flink POJO, so it never
 * falls back to Kryo. It goes to {@link io.logmaster.event.Topics#DLQ} unchanged plus a reason.
 */
public class DeadLetter {
    public String reason;
    public String topic;
    public int partition;
    public long offset;
    public byte[] key;
    public byte[] value;
    public String[] headerKeys = new String[0];
    public byte[][] headerValues = new byte[0][];

    /** For Flink's POJO serializer. */
    public DeadLetter() {}

    /** Where the record was read, for log lines. */
    public String origin() {
        return topic + "-" + partition + "@" + offset;
    }
}
