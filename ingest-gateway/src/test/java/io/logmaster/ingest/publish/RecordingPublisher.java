package io.logmaster.ingest.publish;

import io.logmaster.event.RawRecord;

import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** A hand-written fake publisher: keeps what it gets; "backed up" is switched by the test. */
public final class RecordingPublisher implements RawRecordPublisher {
    public final BlockingQueue<RawRecord> records = new LinkedBlockingQueue<>();
    private final Queue<Runnable> waiters = new ConcurrentLinkedQueue<>();
    private volatile boolean backedUp;
    private volatile boolean spoolFull;
    private volatile boolean closed;

    @Override
    public void publish(RawRecord record) {
        if (closed) {
            throw new IllegalStateException("publish after close: " + record.id);
        }
        records.add(record);
    }

    @Override
    public boolean isBackedUp() {
        return backedUp;
    }

    @Override
    public void whenDrained(Runnable task) {
        if (backedUp) {
            waiters.add(task);
        } else {
            task.run();
        }
    }

    @Override
    public boolean isSpoolFull() {
        return spoolFull;
    }

    /** Backed up because the spool is full (or not). */
    public void spoolFull(boolean value) {
        spoolFull = value;
        backedUp(value);
    }

    /** Switches the backed-up state; switching it off runs the waiting tasks. */
    public void backedUp(boolean value) {
        backedUp = value;
        if (!value) {
            Runnable task;
            while ((task = waiters.poll()) != null) {
                task.run();
            }
        }
    }

    public int waiting() {
        return waiters.size();
    }

    public boolean closed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
    }
}
