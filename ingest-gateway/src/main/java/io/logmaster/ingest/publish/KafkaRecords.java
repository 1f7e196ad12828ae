package io.logmaster.ingest.publish;

import io.logmaster.event.RawRecord;
import io.logmaster.event.RawRecordHeaders;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Turns a {@link RawRecord} into its Kafka form (docs/adr/0001-record-contracts.md). */
public final class KafkaRecords {
    private static final byte[] TRUE = RawRecordHeaders.value("true");

    private KafkaRecords() {}

    /**
     * Value = payload bytes untouched; key = peer address text, so one device's messages share a
     * partition and stay in order; timestamp = receive time; metadata in {@link RawRecordHeaders}.
     */
    public static ProducerRecord<byte[], byte[]> toProducerRecord(String topic, RawRecord record) {
        List<Header> headers = new ArrayList<>(8);
        headers.add(header(RawRecordHeaders.ID, record.id));
        headers.add(header(RawRecordHeaders.RECEIVED, Long.toString(record.receivedNanos)));
        headers.add(header(RawRecordHeaders.PEER_ADDRESS, record.peerAddress));
        headers.add(header(RawRecordHeaders.PEER_PORT, Integer.toString(record.peerPort)));
        headers.add(header(RawRecordHeaders.TRANSPORT, record.transport));
        headers.add(header(RawRecordHeaders.LISTENER_PORT, Integer.toString(record.listenerPort)));
        headers.add(header(RawRecordHeaders.GATEWAY, record.gateway));
        if (record.truncated) {
            headers.add(new RecordHeader(RawRecordHeaders.TRUNCATED, TRUE));
        }
        return new ProducerRecord<>(
                topic,
                null,
                Math.floorDiv(record.receivedNanos, 1_000_000L),
                record.peerAddress.getBytes(StandardCharsets.UTF_8),
                record.payload,
                headers);
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, RawRecordHeaders.value(value));
    }
}
