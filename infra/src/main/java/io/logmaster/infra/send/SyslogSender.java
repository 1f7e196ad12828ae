package io.logmaster.infra.send;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

/**
 * Replays files to the gateway, one message per line (LF or CRLF; the line ending is not sent),
 * over UDP (one datagram per line) or TCP (newline or RFC 6587 octet-counted framing), at a fixed
 * pace. Lines are sent byte for byte, never re-encoded. Empty lines are skipped.
 */
public final class SyslogSender {
    /** What a replay did. */
    public record Result(long lines, long bytes, long skippedEmpty, long nanos) {
        public double linesPerSecond() {
            return nanos == 0 ? 0 : lines * 1e9 / nanos;
        }
    }

    private final SendOptions options;

    public SyslogSender(SendOptions options) {
        this.options = options;
    }

    /** Sends every line of every file; {@code progress} is told the running line count. */
    public Result send(LongConsumer progress) throws IOException {
        InetSocketAddress target = new InetSocketAddress(options.host(), options.port());
        long start = System.nanoTime();
        Pacer pacer = new Pacer(options.ratePerSecond(), start);
        long[] counts = new long[3];
        if (options.protocol().equals("udp")) {
            try (DatagramSocket socket = new DatagramSocket()) {
                socket.connect(target);
                forEachLine(
                        line -> {
                            pacer.await();
                            socket.send(new DatagramPacket(line, line.length));
                        },
                        counts,
                        progress);
            }
        } else {
            try (Socket socket = new Socket()) {
                socket.connect(target, 5000);
                OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
                forEachLine(
                        line -> {
                            pacer.await();
                            if (options.octetCounting()) {
                                // RFC 6587 section 3.4.1: MSG-LEN SP SYSLOG-MSG
                                out.write((line.length + " ").getBytes(StandardCharsets.US_ASCII));
                                out.write(line);
                            } else {
                                out.write(line);
                                out.write('\n');
                            }
                            if (options.ratePerSecond() > 0) {
                                out.flush();
                            }
                        },
                        counts,
                        progress);
                out.flush();
                socket.shutdownOutput();
            }
        }
        return new Result(counts[0], counts[1], counts[2], System.nanoTime() - start);
    }

    private interface LineAction {
        void accept(byte[] line) throws IOException;
    }

    private void forEachLine(LineAction action, long[] counts, LongConsumer progress)
            throws IOException {
        for (Path file : options.files()) {
            try (InputStream in =
                    new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream(512);
                int b;
                while (true) {
                    b = in.read();
                    if (b == '\n' || b == -1) {
                        byte[] bytes = line.toByteArray();
                        int length = bytes.length;
                        if (length > 0 && bytes[length - 1] == '\r') {
                            length--;
                        }
                        if (length == 0) {
                            if (b != -1 || bytes.length > 0) {
                                counts[2]++;
                            }
                        } else {
                            byte[] message =
                                    length == bytes.length
                                            ? bytes
                                            : java.util.Arrays.copyOf(bytes, length);
                            action.accept(message);
                            counts[0]++;
                            counts[1] += length;
                            if (counts[0] % 1000 == 0) {
                                progress.accept(counts[0]);
                            }
                        }
                        line.reset();
                        if (b == -1) {
                            break;
                        }
                    } else {
                        line.write(b);
                    }
                }
            }
        }
    }

    /** Spaces sends evenly: line n is sent no earlier than start + n / rate. */
    private static final class Pacer {
        private final long intervalNanos;
        private long next;

        Pacer(int ratePerSecond, long start) {
            this.intervalNanos = ratePerSecond == 0 ? 0 : 1_000_000_000L / ratePerSecond;
            this.next = start;
        }

        void await() {
            if (intervalNanos == 0) {
                return;
            }
            long wait;
            while ((wait = next - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            next += intervalNanos;
        }
    }
}
