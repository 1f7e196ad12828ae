package io.logmaster.infra.support;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** POSIX signals we send to service processes, each by PID only. */
public enum Signal {
    /** PostgreSQL: fast shutdown. */
    INT,
    /** Graceful shutdown for Kafka and Elasticsearch; smart shutdown for PostgreSQL. */
    TERM,
    /** PostgreSQL: immediate shutdown (crash recovery on the next start). */
    QUIT,
    /** Last resort, only for processes we started. */
    KILL;

    /** Sends this signal to one process; false when it is already gone. */
    public boolean send(ProcessHandle process) {
        switch (this) {
            case TERM:
                return process.destroy() || !process.isAlive();
            case KILL:
                return process.destroyForcibly() || !process.isAlive();
            default:
                return sendWithKill(process.pid());
        }
    }

    private boolean sendWithKill(long pid) {
        // Java can only send TERM and KILL itself; kill(1) from procps/util-linux does the rest.
        ProcessBuilder pb = new ProcessBuilder("kill", "-s", name(), Long.toString(pid));
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        try {
            Process kill = pb.start();
            if (!kill.waitFor(10, TimeUnit.SECONDS)) {
                kill.destroyForcibly();
                return false;
            }
            return kill.exitValue() == 0;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run kill -s " + name() + " " + pid, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
