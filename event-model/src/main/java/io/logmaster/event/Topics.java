package io.logmaster.event;

/** Names of the Kafka topics that connect the parts (docs/adr/0001-record-contracts.md). */
public final class Topics {
    /** Payload bytes exactly as received, metadata in {@link RawRecordHeaders}. */
    public static final String RAW = "logmaster.raw";

    /** Parsed and enriched events as ECS JSON. */
    public static final String EVENTS = "logmaster.events";

    /** Records that could not be processed, with their reason in a header. */
    public static final String DLQ = "logmaster.dlq";

    private Topics() {}
}
