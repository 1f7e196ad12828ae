package io.logmaster.ingest.metrics;

import io.logmaster.ingest.support.Transport;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * The gateway's counters and gauges, updated from the event loops and the Kafka threads, and
 * rendered in the Prometheus text format by {@link #renderPrometheus()}. Thread-safe.
 */
public final class GatewayMetrics {
    private final Map<Transport, LongAdder> messages = perTransport();
    private final Map<Transport, LongAdder> bytes = perTransport();
    private final Map<Transport, LongAdder> truncated = perTransport();
    private final Map<Transport, LongAdder> emptySkipped = perTransport();
    private final Map<DropReason, LongAdder> drops = new EnumMap<>(DropReason.class);
    private final LongAdder framingErrors = new LongAdder();
    private final LongAdder incompleteAtClose = new LongAdder();
    private final LongAdder discardedBytes = new LongAdder();
    private final LongAdder kafkaSendErrors = new LongAdder();
    private final LongAdder kafkaRetries = new LongAdder();
    private final LongAdder published = new LongAdder();
    private final LongAdder backpressurePauses = new LongAdder();
    private final LongAdder openConnections = new LongAdder();
    private final LongAdder acceptedConnections = new LongAdder();
    private volatile LongSupplier pendingRecords = () -> 0;
    private volatile LongSupplier pendingBytes = () -> 0;
    private volatile long udpReceiveBufferBytes;
    private volatile LongSupplier spoolBytes = () -> 0;
    private volatile LongSupplier spoolRecords = () -> 0;
    private volatile LongSupplier spoolOldestAgeMillis = () -> 0;
    private volatile LongSupplier spoolFull = () -> 0;
    private volatile LongSupplier spoolTornTails = () -> 0;
    private volatile LongSupplier spoolCorruptRecords = () -> 0;
    private volatile LongSupplier spoolFsyncs = () -> 0;

    public GatewayMetrics() {
        for (DropReason reason : DropReason.values()) {
            drops.put(reason, new LongAdder());
        }
    }

    private static Map<Transport, LongAdder> perTransport() {
        Map<Transport, LongAdder> map = new EnumMap<>(Transport.class);
        for (Transport transport : Transport.values()) {
            map.put(transport, new LongAdder());
        }
        return map;
    }

    /** A message was accepted from the network (before publishing). */
    public void received(Transport transport, int payloadBytes) {
        messages.get(transport).increment();
        bytes.get(transport).add(payloadBytes);
    }

    public void truncated(Transport transport) {
        truncated.get(transport).increment();
    }

    public void emptySkipped(Transport transport) {
        emptySkipped.get(transport).increment();
    }

    public void dropped(DropReason reason) {
        drops.get(reason).increment();
    }

    public void dropped(DropReason reason, long count) {
        drops.get(reason).add(count);
    }

    public void framingError() {
        framingErrors.increment();
    }

    /** A TCP connection closed in the middle of a frame; the partial frame was still delivered. */
    public void incompleteAtClose() {
        incompleteAtClose.increment();
    }

    /** Bytes thrown away after an oversize newline-delimited frame was cut. */
    public void discardedBytes(long count) {
        discardedBytes.add(count);
    }

    public void kafkaSendError() {
        kafkaSendErrors.increment();
    }

    /** A record was handed to Kafka again after a retriable failure. */
    public void kafkaRetry() {
        kafkaRetries.increment();
    }

    /** Kafka acknowledged a record. */
    public void published() {
        published.increment();
    }

    /** A TCP connection stopped reading because the publisher was backed up. */
    public void backpressurePause() {
        backpressurePauses.increment();
    }

    public void connectionOpened() {
        openConnections.increment();
        acceptedConnections.increment();
    }

    public void connectionClosed() {
        openConnections.decrement();
    }

    /** Wires the publisher's pending gauges. */
    public void pendingGauges(LongSupplier records, LongSupplier bytes) {
        this.pendingRecords = records;
        this.pendingBytes = bytes;
    }

    /** Wires the disk spool's gauges and counters. */
    public void spoolGauges(
            LongSupplier bytes,
            LongSupplier records,
            LongSupplier oldestAgeMillis,
            LongSupplier full,
            LongSupplier tornTails,
            LongSupplier corruptRecords,
            LongSupplier fsyncs) {
        this.spoolBytes = bytes;
        this.spoolRecords = records;
        this.spoolOldestAgeMillis = oldestAgeMillis;
        this.spoolFull = full;
        this.spoolTornTails = tornTails;
        this.spoolCorruptRecords = corruptRecords;
        this.spoolFsyncs = fsyncs;
    }

    public void udpReceiveBufferBytes(long value) {
        this.udpReceiveBufferBytes = value;
    }

    public long messages(Transport transport) {
        return messages.get(transport).sum();
    }

    public long bytes(Transport transport) {
        return bytes.get(transport).sum();
    }

    public long truncatedCount(Transport transport) {
        return truncated.get(transport).sum();
    }

    public long emptySkippedCount(Transport transport) {
        return emptySkipped.get(transport).sum();
    }

    public long drops(DropReason reason) {
        return drops.get(reason).sum();
    }

    public long framingErrors() {
        return framingErrors.sum();
    }

    public long incompleteAtCloseCount() {
        return incompleteAtClose.sum();
    }

    public long discardedBytesCount() {
        return discardedBytes.sum();
    }

    public long kafkaSendErrors() {
        return kafkaSendErrors.sum();
    }

    public long kafkaRetries() {
        return kafkaRetries.sum();
    }

    public long publishedCount() {
        return published.sum();
    }

    public long backpressurePauses() {
        return backpressurePauses.sum();
    }

    public long openConnections() {
        return openConnections.sum();
    }

    /** The metrics in the Prometheus text exposition format, version 0.0.4. */
    public String renderPrometheus() {
        StringBuilder out = new StringBuilder(4096);
        perTransport(
                out,
                "logmaster_gateway_messages_received_total",
                "Messages accepted from the network.",
                messages);
        perTransport(
                out,
                "logmaster_gateway_bytes_received_total",
                "Payload bytes accepted from the network.",
                bytes);
        perTransport(
                out,
                "logmaster_gateway_truncated_total",
                "Messages cut to the maximum frame size.",
                truncated);
        perTransport(
                out,
                "logmaster_gateway_empty_skipped_total",
                "Empty datagrams or lines skipped.",
                emptySkipped);
        header(out, "logmaster_gateway_drops_total", "Accepted messages not published.", "counter");
        for (Map.Entry<DropReason, LongAdder> e : drops.entrySet()) {
            sample(
                    out,
                    "logmaster_gateway_drops_total{reason=\"" + e.getKey().label() + "\"}",
                    e.getValue().sum());
        }
        single(
                out,
                "logmaster_gateway_framing_errors_total",
                "TCP connections closed for a bad octet count.",
                "counter",
                framingErrors.sum());
        single(
                out,
                "logmaster_gateway_incomplete_at_close_total",
                "Partial TCP frames delivered when the connection closed.",
                "counter",
                incompleteAtClose.sum());
        single(
                out,
                "logmaster_gateway_discarded_bytes_total",
                "Bytes discarded after cutting an oversize line.",
                "counter",
                discardedBytes.sum());
        single(
                out,
                "logmaster_gateway_kafka_send_errors_total",
                "Failed Kafka sends (retried when retriable).",
                "counter",
                kafkaSendErrors.sum());
        single(
                out,
                "logmaster_gateway_kafka_retries_total",
                "Records handed to Kafka again after a retriable failure.",
                "counter",
                kafkaRetries.sum());
        single(
                out,
                "logmaster_gateway_published_total",
                "Records acknowledged by Kafka.",
                "counter",
                published.sum());
        single(
                out,
                "logmaster_gateway_backpressure_pauses_total",
                "Times a TCP connection stopped reading because Kafka was behind.",
                "counter",
                backpressurePauses.sum());
        single(
                out,
                "logmaster_gateway_connections_accepted_total",
                "TCP connections accepted.",
                "counter",
                acceptedConnections.sum());
        single(
                out,
                "logmaster_gateway_open_connections",
                "Open TCP connections.",
                "gauge",
                openConnections.sum());
        single(
                out,
                "logmaster_gateway_pending_records",
                "Records accepted but not yet acknowledged by Kafka.",
                "gauge",
                pendingRecords.getAsLong());
        single(
                out,
                "logmaster_gateway_pending_bytes",
                "Payload bytes accepted but not yet acknowledged by Kafka.",
                "gauge",
                pendingBytes.getAsLong());
        single(
                out,
                "logmaster_gateway_udp_receive_buffer_bytes",
                "Effective SO_RCVBUF of the UDP socket.",
                "gauge",
                udpReceiveBufferBytes);
        single(
                out,
                "logmaster_gateway_spool_bytes",
                "Bytes in the disk spool not yet acknowledged by Kafka.",
                "gauge",
                spoolBytes.getAsLong());
        single(
                out,
                "logmaster_gateway_spool_records",
                "Records in the disk spool not yet acknowledged by Kafka.",
                "gauge",
                spoolRecords.getAsLong());
        header(
                out,
                "logmaster_gateway_spool_oldest_age_seconds",
                "Age of the oldest record not yet acknowledged by Kafka.",
                "gauge");
        out.append("logmaster_gateway_spool_oldest_age_seconds ")
                .append(spoolOldestAgeMillis.getAsLong() / 1000.0)
                .append('\n');
        single(
                out,
                "logmaster_gateway_spool_full",
                "1 while the disk spool has no room (TCP paused, UDP dropped).",
                "gauge",
                spoolFull.getAsLong());
        single(
                out,
                "logmaster_gateway_spool_torn_tails_total",
                "Torn or corrupt segment tails cut off when the spool was opened.",
                "counter",
                spoolTornTails.getAsLong());
        single(
                out,
                "logmaster_gateway_spool_corrupt_records_total",
                "Corrupt spool records met while reading (disk damage).",
                "counter",
                spoolCorruptRecords.getAsLong());
        single(
                out,
                "logmaster_gateway_spool_fsyncs_total",
                "Times spooled data was forced to disk.",
                "counter",
                spoolFsyncs.getAsLong());
        return out.toString();
    }

    private static void perTransport(
            StringBuilder out, String name, String help, Map<Transport, LongAdder> values) {
        header(out, name, help, "counter");
        for (Map.Entry<Transport, LongAdder> e : values.entrySet()) {
            sample(out, name + "{transport=\"" + e.getKey().wire() + "\"}", e.getValue().sum());
        }
    }

    private static void single(
            StringBuilder out, String name, String help, String type, long value) {
        header(out, name, help, type);
        sample(out, name, value);
    }

    private static void header(StringBuilder out, String name, String help, String type) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static void sample(StringBuilder out, String series, long value) {
        out.append(series).append(' ').append(value).append('\n');
    }
}
