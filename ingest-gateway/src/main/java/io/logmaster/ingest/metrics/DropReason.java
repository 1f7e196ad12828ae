package io.logmaster.ingest.metrics;

/** Why an accepted message did not reach Kafka; the {@code reason} label of the drop counter. */
public enum DropReason {
    /** UDP datagram refused because the publisher had too much pending (TCP waits instead). */
    BACKPRESSURE("backpressure"),
    /** UDP datagram refused because the disk spool was full (Kafka down too long). */
    SPOOL_FULL("spool_full"),
    /** Kafka refused the record with a non-retriable error (for example record too large). */
    KAFKA_REJECTED("kafka_rejected"),
    /** Accepted but not yet written to the spool when the gateway stopped. */
    SHUTDOWN("shutdown");

    private final String label;

    DropReason(String label) {
        this.label = label;
    }

    /** The metric label value. */
    public String label() {
        return label;
    }
}
