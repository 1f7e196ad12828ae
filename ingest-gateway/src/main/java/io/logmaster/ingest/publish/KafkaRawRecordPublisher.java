package io.logmaster.ingest.publish;

import io.logmaster.event.RawRecord;
import io.logmaster.event.Topics;
import io.logmaster.ingest.GatewayConfig;
import io.logmaster.ingest.metrics.DropReason;
import io.logmaster.ingest.metrics.GatewayMetrics;
import io.logmaster.ingest.support.LogThrottle;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes raw records to Kafka with an idempotent producer. The event loops only enqueue; one
 * sender thread calls {@link Producer#send}, which may block (metadata, full buffer) without ever
 * stalling a Netty event loop. A record stays pending until Kafka acknowledges it: retriable
 * failures (Kafka down, delivery timeout) are counted and the record is sent again with the same
 * event id (at-least-once; consumers are idempotent by id), non-retriable ones are counted as
 * drops.
 */
public final class KafkaRawRecordPublisher implements RawRecordPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaRawRecordPublisher.class);

    /** Pending bytes at which TCP connections pause and UDP datagrams are dropped. */
    static final long HIGH_WATERMARK = 32L * 1024 * 1024;

    /** Pending bytes below which paused TCP connections resume. */
    static final long LOW_WATERMARK = 16L * 1024 * 1024;

    /** Above the high watermark plus the bounded overshoot of connections still decoding. */
    static final long BUFFER_MEMORY = 64L * 1024 * 1024;

    /** How long a stop waits for Kafka; launchers usually escalate to SIGKILL after 10-30 s. */
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    /**
     * A retried record is sent again no sooner than this after its previous attempt. Failures the
     * producer reports late (metadata wait, delivery timeout) are resent at once; only a send that
     * fails right away is paced, so a hard failure cannot spin.
     */
    private static final long MIN_RETRY_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private final Producer<byte[], byte[]> producer;
    private final String topic;
    private final PendingBudget budget;
    private final GatewayMetrics metrics;
    private final Duration closeTimeout;
    private final BlockingDeque<Pending> queue = new LinkedBlockingDeque<>();
    private final Thread sender;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicLong abandoned = new AtomicLong();
    private final LogThrottle errorLog = new LogThrottle(10_000);
    private volatile boolean closing;
    private volatile boolean senderDone;
    private volatile long deadlineNanos;

    private record Pending(RawRecord record, long weight, int attempt, long sentNanos) {
        Pending sentAt(long nanos) {
            return new Pending(record, weight, attempt, nanos);
        }

        Pending retry() {
            return new Pending(record, weight, attempt + 1, sentNanos);
        }
    }

    /** Starts the sender thread; the publisher owns {@code producer} and closes it. */
    public KafkaRawRecordPublisher(
            Producer<byte[], byte[]> producer,
            String topic,
            PendingBudget budget,
            GatewayMetrics metrics,
            Duration closeTimeout) {
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("topic must not be blank, got '" + topic + "'");
        }
        if (closeTimeout.isNegative()) {
            throw new IllegalArgumentException("close timeout must be >= 0, got " + closeTimeout);
        }
        this.producer = producer;
        this.topic = topic;
        this.budget = budget;
        this.metrics = metrics;
        this.closeTimeout = closeTimeout;
        metrics.pendingGauges(budget::records, budget::bytes);
        this.sender = new Thread(this::runSender, "gateway-kafka-sender");
        sender.setDaemon(false);
        sender.start();
    }

    /** The production publisher: a {@link KafkaProducer} to {@link Topics#RAW}. */
    public static KafkaRawRecordPublisher create(GatewayConfig config, GatewayMetrics metrics) {
        KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(
                        producerConfig(config),
                        new ByteArraySerializer(),
                        new ByteArraySerializer());
        return new KafkaRawRecordPublisher(
                producer,
                Topics.RAW,
                new PendingBudget(HIGH_WATERMARK, LOW_WATERMARK),
                metrics,
                CLOSE_TIMEOUT);
    }

    /** Producer settings: idempotent, acks=all, small linger, lz4, records up to the max frame. */
    static Map<String, Object> producerConfig(GatewayConfig config) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrap());
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "logmaster-gateway-" + config.gatewayId());
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024);
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, BUFFER_MEMORY);
        // Room for the largest frame plus key and headers; the broker's message.max.bytes
        // (1 MiB by default) must follow if LOGMASTER_MAX_FRAME goes beyond it.
        props.put(
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                Math.max(1024 * 1024, config.maxFrame() + 64 * 1024));
        // send() runs on our own sender thread, so blocking there is harmless; a bound keeps
        // shutdown prompt while Kafka is unreachable.
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        return props;
    }

    @Override
    public void publish(RawRecord record) {
        if (closed.get()) {
            metrics.dropped(DropReason.SHUTDOWN);
            abandoned.incrementAndGet();
            return;
        }
        long weight = PendingBudget.weight(record.payload.length);
        budget.acquire(weight);
        queue.add(new Pending(record, weight, 0, 0));
    }

    @Override
    public boolean isBackedUp() {
        return budget.isBackedUp();
    }

    @Override
    public void whenDrained(Runnable task) {
        budget.whenDrained(task);
    }

    private void runSender() {
        try {
            while (true) {
                Pending pending = queue.poll(50, TimeUnit.MILLISECONDS);
                if (pending == null) {
                    // While closing, wait for acknowledgements too: a retriable failure
                    // re-queues its record, which this thread must still send.
                    if (closing
                            && (budget.records() == 0 || System.nanoTime() - deadlineNanos > 0)) {
                        return;
                    }
                    continue;
                }
                if (closing && System.nanoTime() - deadlineNanos > 0) {
                    abandon(pending);
                    continue;
                }
                if (pending.attempt() > 0) {
                    long wait =
                            MIN_RETRY_INTERVAL_NANOS - (System.nanoTime() - pending.sentNanos());
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                }
                send(pending.sentAt(System.nanoTime()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void send(Pending pending) {
        try {
            producer.send(
                    KafkaRecords.toProducerRecord(topic, pending.record()),
                    (metadata, error) -> completed(pending, error));
        } catch (RuntimeException e) {
            // send() reports most failures through the callback; what it throws (closed
            // producer, interrupt) is handled the same way.
            completed(pending, e);
        }
    }

    private void completed(Pending pending, Exception error) {
        if (error == null) {
            metrics.published();
            budget.release(pending.weight());
            return;
        }
        metrics.kafkaSendError();
        RawRecord record = pending.record();
        boolean retriable = error instanceof RetriableException;
        boolean pastDeadline = closing && System.nanoTime() - deadlineNanos > 0;
        if (pastDeadline || senderDone || error instanceof InterruptException) {
            // Shutting down: no more attempts (close() interrupts a send blocked on Kafka).
            abandon(pending);
            return;
        }
        if (retriable) {
            metrics.kafkaRetry();
            long skipped = errorLog.tryAcquire();
            if (skipped >= 0) {
                LOG.warn(
                        "Kafka send to {} failed for record {} from {} (attempt {}), retrying;"
                                + " {} similar messages suppressed: {}",
                        topic,
                        record.id,
                        record.peerAddress,
                        pending.attempt() + 1,
                        skipped,
                        error.toString());
            }
            // At the head, so a retried record keeps its place ahead of later ones as far as
            // possible (per-peer order matters to readers of the topic).
            queue.addFirst(pending.retry());
            return;
        }
        metrics.dropped(DropReason.KAFKA_REJECTED);
        budget.release(pending.weight());
        long skipped = errorLog.tryAcquire();
        if (skipped >= 0) {
            LOG.error(
                    "Kafka rejected record {} from {} ({} bytes) on {}, dropped;"
                            + " {} similar messages suppressed: {}",
                    record.id,
                    record.peerAddress,
                    record.payload.length,
                    topic,
                    skipped,
                    error.toString());
        }
    }

    private void abandon(Pending pending) {
        metrics.dropped(DropReason.SHUTDOWN);
        abandoned.incrementAndGet();
        budget.release(pending.weight());
    }

    /**
     * Stops taking records, sends what is queued and waits for Kafka's acknowledgements (this is
     * the producer flush) until the close timeout; what is still pending then is counted as dropped
     * with reason {@code shutdown} and logged.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        long start = System.nanoTime();
        deadlineNanos = start + closeTimeout.toNanos();
        closing = true;
        try {
            sender.join(Math.max(1, closeTimeout.toMillis()));
            if (sender.isAlive()) {
                sender.interrupt();
                sender.join(1000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long remaining = Math.max(0, deadlineNanos - System.nanoTime());
        // close(timeout) waits for every record already handed to the producer, up to the
        // deadline; callbacks after this point abandon instead of re-queueing.
        senderDone = true;
        producer.close(Duration.ofNanos(remaining));
        Pending left;
        while ((left = queue.poll()) != null) {
            abandon(left);
        }
        // A producer that was closed with records it never completed leaves them pending.
        long unacknowledged = budget.records();
        if (unacknowledged > 0) {
            metrics.dropped(DropReason.SHUTDOWN, unacknowledged);
            abandoned.addAndGet(unacknowledged);
        }
        long lost = abandoned.get();
        if (lost > 0) {
            LOG.error(
                    "{} records were not delivered to Kafka topic {} before shutdown", lost, topic);
        } else {
            LOG.info(
                    "Kafka publisher closed after {} ms, all records delivered to {}",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start),
                    topic);
        }
    }
}
