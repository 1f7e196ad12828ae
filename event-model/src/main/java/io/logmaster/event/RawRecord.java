package io.logmaster.event;

/**
 * A message as the gateway received it: payload bytes untouched plus receive metadata. The Kafka
 * form is value = {@link #payload}, headers = {@link RawRecordHeaders}. A Flink POJO: public fields
 * and a no-arg constructor, so Flink never falls back to Kryo.
 */
public class RawRecord {
    public String id;
    public long receivedNanos;
    public String peerAddress;
    public int peerPort;
    public String transport;
    public int listenerPort;
    public String gateway;
    public boolean truncated;
    public byte[] payload;

    /** For Flink's POJO serializer. */
    public RawRecord() {}

    public RawRecord(
            String id,
            long receivedNanos,
            String peerAddress,
            int peerPort,
            String transport,
            int listenerPort,
            String gateway,
            boolean truncated,
            byte[] payload) {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("raw record needs an id, got '" + id + "'");
        }
        if (payload == null) {
            throw new IllegalArgumentException("raw record " + id + " has no payload");
        }
        this.id = id;
        this.receivedNanos = receivedNanos;
        this.peerAddress = peerAddress;
        this.peerPort = peerPort;
        this.transport = transport;
        this.listenerPort = listenerPort;
        this.gateway = gateway;
        this.truncated = truncated;
        this.payload = payload;
    }
}
