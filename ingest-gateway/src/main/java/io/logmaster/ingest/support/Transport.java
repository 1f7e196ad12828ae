package io.logmaster.ingest.support;

/** How a message reached the gateway; {@link #wire()} is the {@code lm.transport} header value. */
public enum Transport {
    UDP("udp"),
    TCP("tcp");

    private final String wire;

    Transport(String wire) {
        this.wire = wire;
    }

    /** The lower-case name used in Kafka headers and metric labels. */
    public String wire() {
        return wire;
    }
}
