package io.logmaster.ingest.publish;

import io.logmaster.event.RawRecord;
import io.logmaster.event.Topics;
import io.logmaster.ingest.GatewayConfig;
import io.logmaster.ingest.metrics.DropReason;
import io.logmaster.ingest.metrics.GatewayMetrics;
import io.logmaster.ingest.spool.DiskSpool;
import io.logmaster.ingest.spool.SpoolSettings;
import io.logmaster.ingest.support.LogThrottle;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Publishes raw records to Kafka through a {@link DiskSpool}, so nothing accepted is lost while
 * Kafka is slow or down, nor by a {@code kill -9}. Two threads, so the event loops never block:
 *
 * <ul>
 *   <li>the <b>spool writer</b> appends every accepted record to the spool (write-ahead, in arrival
 *       order) and hands it to the kernel within about a millisecond;
 *   <li>the <b>Kafka sender</b> reads the spool in order and sends with an idempotent producer,
 *       keeping at most {@link #WINDOW_BYTES} unacknowledged. As Kafka acknowledges, the contiguous
 *       acknowledged prefix is committed in the spool, whose segments are then deleted.
 * </ul>
 *
 * <p>While Kafka is down the window fills, the sender stops reading and records pile up on disk,
 * behind any older ones, so per-peer order holds; when Kafka returns they are sent in order with
 * their original event ids. A retriable failure rewinds: the sender sends nothing new until every
 * outstanding send has completed, then resends the failed ones in spool order. A full spool is
 * backpressure: {@link #isBackedUp()} turns true, TCP stops reading, UDP drops with reason {@code
 * spool_full}. On start, whatever the previous process left unacknowledged in the spool is sent
 * first.
 */
public final class KafkaRawRecordPublisher implements RawRecordPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaRawRecordPublisher.class);

    /** Accepted-but-not-yet-spooled bytes at which TCP connections pause. */
    static final long HIGH_WATERMARK = 32L * 1024 * 1024;

    /** ... and below which they resume. */
    static final long LOW_WATERMARK = 16L * 1024 * 1024;

    /** Bytes sent to Kafka and not yet acknowledged; the rest waits in the spool. */
    static final long WINDOW_BYTES = 16L * 1024 * 1024;

    /** Above the window plus headers: send() never blocks on the producer's buffer. */
    static final long BUFFER_MEMORY = 64L * 1024 * 1024;

    /** How long a stop waits for Kafka; whatever is still unacknowledged stays in the spool. */
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    /**
     * Failed records are resent no sooner than this after the failure, so a hard error cannot spin.
     */
    private static final long MIN_RETRY_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private static final int WRITE_BATCH = 4096;

    private final Producer<byte[], byte[]> producer;
    private final String topic;
    private final DiskSpool spool;
    private final PendingBudget input;
    private final GatewayMetrics metrics;
    private final Duration closeTimeout;
    private final Clock clock;
    private final BlockingQueue<RawRecord> queue = new LinkedBlockingQueue<>();
    private final Queue<Runnable> waiters = new ConcurrentLinkedQueue<>();
    private final Thread writer;
    private final Thread sender;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicLong abandoned = new AtomicLong();
    private final LogThrottle errorLog = new LogThrottle(10_000);
    private final LogThrottle spoolLog = new LogThrottle(10_000);

    /** Sent and not yet committed, in spool order; guarded by itself. */
    private final ArrayDeque<InFlight> window = new ArrayDeque<>();

    /** Failed sends waiting to be resent, by spool position; guarded by {@link #window}. */
    private final TreeMap<Long, InFlight> failed = new TreeMap<>();

    private long windowBytes;
    private int outstanding;
    private long lastFailureNanos;
    private volatile long oldestReceivedNanos = Long.MIN_VALUE;
    private volatile boolean closing;
    private volatile boolean writerDone;
    private volatile boolean senderDone;
    private volatile long deadlineNanos;

    private enum State {
        SENT,
        ACKED,
        FAILED
    }

    private static final class InFlight {
        final DiskSpool.Entry entry;
        final long weight;
        State state = State.SENT;

        InFlight(DiskSpool.Entry entry) {
            this.entry = entry;
            this.weight = PendingBudget.weight(entry.record().payload.length);
        }
    }

    /**
     * A publisher sending to {@code topic} through {@code spool} (which it closes); {@code input}
     * bounds records accepted but not yet spooled. Running when the constructor returns.
     */
    public KafkaRawRecordPublisher(
            Producer<byte[], byte[]> producer,
            String topic,
            DiskSpool spool,
            PendingBudget input,
            GatewayMetrics metrics,
            Duration closeTimeout,
            Clock clock) {
        this.producer = producer;
        this.topic = topic;
        this.spool = spool;
        this.input = input;
        this.metrics = metrics;
        this.closeTimeout = closeTimeout;
        this.clock = clock;
        metrics.pendingGauges(
                () -> input.records() + spool.records(),
                () -> input.bytes() + spool.unacknowledgedBytes());
        metrics.spoolGauges(
                spool::unacknowledgedBytes,
                spool::records,
                this::oldestAgeMillis,
                () -> spool.isFull() ? 1 : 0,
                spool::tornTails,
                spool::corruptSkips,
                spool::forces);
        if (spool.recoveredRecords() > 0) {
            LOG.info(
                    "Spool {} holds {} records ({} bytes) not yet acknowledged by Kafka before the"
                            + " last stop; sending them first",
                    spool.settings().dir(),
                    spool.recoveredRecords(),
                    spool.unacknowledgedBytes());
        }
        this.writer = new Thread(this::runWriter, "gateway-spool-writer");
        this.sender = new Thread(this::runSender, "gateway-kafka-sender");
        writer.start();
        sender.start();
    }

    /**
     * The production publisher: the spool of {@code config} and a producer to {@link Topics#RAW}.
     */
    public static KafkaRawRecordPublisher create(GatewayConfig config, GatewayMetrics metrics) {
        DiskSpool spool;
        try {
            spool =
                    DiskSpool.open(
                            SpoolSettings.of(
                                    config.spoolDir(),
                                    config.spoolMaxBytes(),
                                    config.spoolFsyncInterval()),
                            System::nanoTime);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the spool in " + config.spoolDir(), e);
        }
        KafkaProducer<byte[], byte[]> producer;
        try {
            producer =
                    new KafkaProducer<>(
                            producerConfig(config),
                            new ByteArraySerializer(),
                            new ByteArraySerializer());
        } catch (RuntimeException e) {
            closeQuietly(spool);
            throw e;
        }
        return new KafkaRawRecordPublisher(
                producer,
                Topics.RAW,
                spool,
                new PendingBudget(HIGH_WATERMARK, LOW_WATERMARK),
                metrics,
                CLOSE_TIMEOUT,
                Clock.systemUTC());
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
        input.acquire(PendingBudget.weight(record.payload.length));
        queue.add(record);
    }

    @Override
    public boolean isBackedUp() {
        return input.isBackedUp() || spool.isFull();
    }

    @Override
    public boolean isSpoolFull() {
        return spool.isFull();
    }

    @Override
    public String healthProblem() {
        if (spool.isFull()) {
            return "spool full: "
                    + spool.diskBytes()
                    + " of "
                    + spool.settings().maxBytes()
                    + " bytes in "
                    + spool.settings().dir()
                    + ", Kafka is not taking records";
        }
        return null;
    }

    @Override
    public void whenDrained(Runnable task) {
        waiters.add(task);
        runWaitersIfDrained();
    }

    private void runWaitersIfDrained() {
        if (input.bytes() >= LOW_WATERMARK || spool.isFull()) {
            return;
        }
        Runnable task;
        while ((task = waiters.poll()) != null) {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warn("Drain callback failed", e);
            }
        }
    }

    private long oldestAgeMillis() {
        long oldest = oldestReceivedNanos;
        if (oldest == Long.MIN_VALUE || spool.records() == 0) {
            return 0;
        }
        long now = clock.millis();
        return Math.max(0, now - oldest / 1_000_000L);
    }

    // ------------------------------------------------------------------ writer

    private void runWriter() {
        RawRecord held = null;
        boolean wasFull = false;
        try {
            while (true) {
                RawRecord record = held != null ? held : queue.poll(20, TimeUnit.MILLISECONDS);
                held = null;
                if (record == null) {
                    if (closing) {
                        break;
                    }
                    spool.forceIfDue();
                    continue;
                }
                int n = 0;
                while (record != null) {
                    if (!spool.append(record)) {
                        held = record;
                        break;
                    }
                    input.release(PendingBudget.weight(record.payload.length));
                    if (++n >= WRITE_BATCH) {
                        break;
                    }
                    record = queue.poll();
                }
                spool.flush();
                LockSupport.unpark(sender);
                if (held != null) {
                    if (!wasFull) {
                        wasFull = true;
                        LOG.error(
                                "Spool {} is full ({} bytes, max {}): TCP connections stop"
                                        + " reading and UDP datagrams are dropped until Kafka"
                                        + " takes records again",
                                spool.settings().dir(),
                                spool.diskBytes(),
                                spool.settings().maxBytes());
                    } else {
                        long skipped = spoolLog.tryAcquire();
                        if (skipped >= 0) {
                            LOG.error(
                                    "Spool {} still full ({} records waiting for Kafka)",
                                    spool.settings().dir(),
                                    spool.records());
                        }
                    }
                    if (closing && System.nanoTime() - deadlineNanos > 0) {
                        break;
                    }
                    TimeUnit.MILLISECONDS.sleep(20);
                } else if (wasFull) {
                    wasFull = false;
                    LOG.info("Spool {} has room again", spool.settings().dir());
                }
                runWaitersIfDrained();
            }
            spool.force();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            LOG.error(
                    "Spool {} failed; accepted records can no longer be kept",
                    spool.settings().dir(),
                    e);
        } finally {
            // Whatever never reached the spool is lost: count it.
            long lost = held != null ? 1 : 0;
            while (queue.poll() != null) {
                lost++;
            }
            if (lost > 0) {
                metrics.dropped(DropReason.SHUTDOWN, lost);
                abandoned.addAndGet(lost);
            }
            writerDone = true;
            LockSupport.unpark(sender);
        }
    }

    // ------------------------------------------------------------------ sender

    private void runSender() {
        try (DiskSpool.Reader reader = spool.reader()) {
            DiskSpool.Entry next = null;
            while (true) {
                commitAcknowledged();
                if (closing && (System.nanoTime() - deadlineNanos > 0 || drained(next))) {
                    return;
                }
                if (resendFailed()) {
                    continue;
                }
                if (next == null) {
                    next = reader.next();
                }
                if (next == null || !hasRoom()) {
                    if (next != null && windowEmpty()) {
                        oldestReceivedNanos = next.record().receivedNanos;
                    }
                    LockSupport.parkNanos(10_000_000L);
                    continue;
                }
                InFlight f = new InFlight(next);
                next = null;
                synchronized (window) {
                    if (window.isEmpty()) {
                        oldestReceivedNanos = f.entry.record().receivedNanos;
                    }
                    window.add(f);
                    windowBytes += f.weight;
                    outstanding++;
                }
                send(f);
            }
        } catch (IOException | RuntimeException e) {
            LOG.error(
                    "Kafka sender stopped reading spool {}; records stay there for the next start",
                    spool.settings().dir(),
                    e);
        } finally {
            senderDone = true;
        }
    }

    private boolean drained(DiskSpool.Entry next) {
        return writerDone && next == null && spool.records() == 0 && windowEmpty();
    }

    private boolean windowEmpty() {
        synchronized (window) {
            return window.isEmpty();
        }
    }

    private boolean hasRoom() {
        synchronized (window) {
            return windowBytes < WINDOW_BYTES;
        }
    }

    /** Resends failed records in spool order once nothing else is outstanding; true if busy. */
    private boolean resendFailed() {
        List<InFlight> resend;
        synchronized (window) {
            if (failed.isEmpty()) {
                return false;
            }
            if (outstanding > 0
                    || System.nanoTime() - lastFailureNanos < MIN_RETRY_INTERVAL_NANOS) {
                resend = null;
            } else {
                resend = new ArrayList<>(failed.values());
                failed.clear();
                for (InFlight f : resend) {
                    f.state = State.SENT;
                    outstanding++;
                }
            }
        }
        if (resend == null) {
            LockSupport.parkNanos(10_000_000L);
            return true;
        }
        for (InFlight f : resend) {
            metrics.kafkaRetry();
            send(f);
        }
        return true;
    }

    private void send(InFlight f) {
        try {
            producer.send(
                    KafkaRecords.toProducerRecord(topic, f.entry.record()),
                    (metadata, error) -> completed(f, error));
        } catch (RuntimeException e) {
            // send() reports most failures through the callback; what it throws (metadata
            // timeout, closed producer, interrupt) is handled the same way.
            completed(f, e);
        }
    }

    /** Runs on the producer's I/O thread (or the sender's for exceptions thrown by send). */
    private void completed(InFlight f, Exception error) {
        RawRecord record = f.entry.record();
        if (error == null) {
            metrics.published();
        } else {
            metrics.kafkaSendError();
        }
        boolean retry = error instanceof RetriableException && !senderDone;
        synchronized (window) {
            outstanding--;
            if (error == null || !(error instanceof RetriableException)) {
                // Acknowledged, or rejected for good (counted below): either way resolved.
                f.state = State.ACKED;
            } else {
                f.state = State.FAILED;
                lastFailureNanos = System.nanoTime();
                if (retry) {
                    failed.put(f.entry.position(), f);
                }
            }
        }
        if (error != null && !(error instanceof RetriableException)) {
            metrics.dropped(DropReason.KAFKA_REJECTED);
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
        } else if (retry) {
            long skipped = errorLog.tryAcquire();
            if (skipped >= 0) {
                LOG.warn(
                        "Kafka send to {} failed for record {} from {}; it stays in the spool and"
                                + " is sent again; {} similar messages suppressed: {}",
                        topic,
                        record.id,
                        record.peerAddress,
                        skipped,
                        error.toString());
            }
        }
        LockSupport.unpark(sender);
    }

    /** Commits the acknowledged prefix of the window in the spool. */
    private void commitAcknowledged() throws IOException {
        long position = -1;
        long count = 0;
        synchronized (window) {
            InFlight head;
            while ((head = window.peek()) != null && head.state == State.ACKED) {
                window.poll();
                windowBytes -= head.weight;
                position = head.entry.end();
                count++;
            }
            if (count > 0) {
                InFlight first = window.peek();
                oldestReceivedNanos =
                        first != null ? first.entry.record().receivedNanos : Long.MIN_VALUE;
            }
        }
        if (count > 0) {
            spool.commit(position, count);
            runWaitersIfDrained();
        }
    }

    /**
     * Stops taking records, spools what was accepted, and sends until the spool is empty or the
     * close timeout ran out. What Kafka has not acknowledged by then stays in the spool and is sent
     * first on the next start; only records that never reached the spool count as dropped.
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
            writer.join(Math.max(1, closeTimeout.toMillis()));
            long left = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
            sender.join(Math.max(1, left));
            if (sender.isAlive()) {
                sender.interrupt();
                sender.join(1000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long remaining = Math.max(0, deadlineNanos - System.nanoTime());
        senderDone = true;
        producer.close(Duration.ofNanos(remaining));
        try {
            // Acknowledgements that arrived while the producer closed.
            commitAcknowledged();
        } catch (IOException e) {
            LOG.warn("Could not commit the last acknowledgements in {}", spool.settings().dir(), e);
        }
        long left = spool.records();
        closeQuietly(spool);
        if (abandoned.get() > 0) {
            LOG.error(
                    "{} accepted records never reached the spool before shutdown", abandoned.get());
        }
        if (left > 0) {
            LOG.warn(
                    "Kafka publisher closed after {} ms with {} records not yet acknowledged;"
                            + " they stay in spool {} and are sent first on the next start",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start),
                    left,
                    spool.settings().dir());
        } else {
            LOG.info(
                    "Kafka publisher closed after {} ms, all records delivered to {}",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start),
                    topic);
        }
    }

    private static void closeQuietly(DiskSpool spool) {
        try {
            spool.close();
        } catch (IOException e) {
            LOG.error("Could not close spool {}", spool.settings().dir(), e);
        }
    }
}
