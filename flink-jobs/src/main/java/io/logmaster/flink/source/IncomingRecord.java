package io.logmaster.flink.source;

import io.logmaster.event.RawRecord;

/**
 * What the Kafka source emits for each record of {@code logmaster.raw}: either a decoded {@link
 * RawRecord} or a {@link DeadLetter}, never both. A source cannot use side outputs, so the split
 * happens in {@link DeadLetterSplitFunction}. A Flink POJO (both fields may be null).
 */
public class IncomingRecord {
    public RawRecord raw;
    public DeadLetter dead;

    /** For Flink's POJO serializer. */
    public IncomingRecord() {}

    static IncomingRecord of(RawRecord raw) {
        IncomingRecord r = new IncomingRecord();
        r.raw = raw;
        return r;
    }

    static IncomingRecord of(DeadLetter dead) {
        IncomingRecord r = new IncomingRecord();
        r.dead = dead;
        return r;
    }
}
