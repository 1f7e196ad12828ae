package io.logmaster.infra.bench;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Measures the running stack end to end: sends {@code rate} syslog lines per second for {@code
 * seconds} to the gateway, and watches Elasticsearch until every line is searchable. Reports the
 * sustained rate (lines / (last searchable − first sent)), loss, and the receive-to-searchable
 * latency percentiles, derived per line from when the searchable count first covered it (lines of
 * one sender stay in order: one Kafka partition per peer). All three sinks run as usual.
 */
public final class EndToEndBenchmark {
    /** What one benchmark run measured. */
    public record Result(
            long sent,
            long searchable,
            double sendSeconds,
            double sustainedPerSecond,
            double p50Millis,
            double p95Millis,
            double maxMillis) {
        @Override
        public String toString() {
            return String.format(
                    "sent=%d searchable=%d lost=%d send_time=%.1fs sustained=%.0f events/s"
                            + " latency_p50=%.0fms p95=%.0fms max=%.0fms",
                    sent,
                    searchable,
                    sent - searchable,
                    sendSeconds,
                    sustainedPerSecond,
                    p50Millis,
                    p95Millis,
                    maxMillis);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final String host;
    private final int port;
    private final String protocol;
    private final String esUrl;
    private final HttpClient http = HttpClient.newHttpClient();

    public EndToEndBenchmark(String host, int port, String protocol, String esUrl) {
        if (!protocol.equals("udp") && !protocol.equals("tcp")) {
            throw new IllegalArgumentException(
                    "--proto must be udp or tcp, got '" + protocol + "'");
        }
        this.host = host;
        this.port = port;
        this.protocol = protocol;
        this.esUrl = esUrl;
    }

    /** Sends {@code rate × seconds} lines, then waits up to {@code settle} for them to arrive. */
    public Result run(int rate, int seconds, Duration settle) throws Exception {
        if (rate < 1 || seconds < 1) {
            throw new IllegalArgumentException("--rate and --seconds must be >= 1");
        }
        String run = "bench" + Long.toHexString(System.nanoTime());
        int total = rate * seconds;
        long[] sentAt = new long[total];
        List<long[]> samples = new ArrayList<>();
        Thread poller =
                new Thread(
                        () -> {
                            while (!Thread.currentThread().isInterrupted()) {
                                try {
                                    long count = count(run);
                                    synchronized (samples) {
                                        samples.add(new long[] {System.nanoTime(), count});
                                    }
                                    if (count >= total) {
                                        return;
                                    }
                                    Thread.sleep(100);
                                } catch (InterruptedException e) {
                                    return;
                                } catch (Exception e) {
                                    // index not there yet: keep polling
                                }
                            }
                        },
                        "bench-poller");
        poller.setDaemon(true);
        poller.start();
        long start = System.nanoTime();
        send(run, rate, total, sentAt);
        long sendEnd = System.nanoTime();
        poller.join(settle.toMillis());
        poller.interrupt();

        List<long[]> points;
        synchronized (samples) {
            points = new ArrayList<>(samples);
        }
        long searchable = points.isEmpty() ? 0 : points.get(points.size() - 1)[1];
        double[] latencies = new double[(int) Math.min(searchable, total)];
        int next = 0;
        long lastArrival = start;
        for (long[] point : points) {
            while (next < point[1] && next < latencies.length) {
                latencies[next] = (point[0] - sentAt[next]) / 1e6;
                lastArrival = point[0];
                next++;
            }
        }
        Arrays.sort(latencies);
        return new Result(
                total,
                searchable,
                (sendEnd - start) / 1e9,
                searchable / ((lastArrival - start) / 1e9),
                percentile(latencies, 0.50),
                percentile(latencies, 0.95),
                latencies.length == 0 ? Double.NaN : latencies[latencies.length - 1]);
    }

    private void send(String run, int rate, int total, long[] sentAt) throws IOException {
        long interval = 1_000_000_000L / rate;
        long next = System.nanoTime();
        InetSocketAddress target = new InetSocketAddress(host, port);
        if (protocol.equals("udp")) {
            try (DatagramSocket socket = new DatagramSocket()) {
                socket.connect(target);
                for (int i = 0; i < total; i++) {
                    next = pace(next, interval);
                    byte[] line = line(run, i);
                    sentAt[i] = System.nanoTime();
                    socket.send(new DatagramPacket(line, line.length));
                }
            }
        } else {
            try (Socket socket = new Socket()) {
                socket.connect(target, 5000);
                OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
                for (int i = 0; i < total; i++) {
                    next = pace(next, interval);
                    sentAt[i] = System.nanoTime();
                    out.write(line(run, i));
                    out.write('\n');
                    if ((i & 63) == 0) {
                        out.flush();
                    }
                }
                out.flush();
            }
        }
    }

    private static long pace(long next, long interval) {
        long wait;
        while ((wait = next - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
        return next + interval;
    }

    private static byte[] line(String run, int i) {
        return ("<86>1 "
                        + Instant.now()
                        + " bench-host sshd "
                        + (1000 + i % 5000)
                        + " - - Accepted publickey for user"
                        + (i % 100)
                        + " from 198.51.100."
                        + (i % 250 + 1)
                        + " port "
                        + (20000 + i % 40000)
                        + " ssh2 "
                        + run
                        + " "
                        + i)
                .getBytes(StandardCharsets.UTF_8);
    }

    private long count(String run) throws IOException, InterruptedException {
        String body =
                JSON.createObjectNode()
                        .set(
                                "query",
                                JSON.createObjectNode()
                                        .set("match", JSON.createObjectNode().put("message", run)))
                        .toString();
        HttpResponse<String> response =
                http.send(
                        HttpRequest.newBuilder(
                                        URI.create(
                                                esUrl
                                                        + "/logmaster-events-*/_count"
                                                        + "?ignore_unavailable=true&allow_no_indices=true"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("count failed: " + response.statusCode());
        }
        return JSON.readTree(response.body()).get("count").asLong();
    }

    private static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
    }
}
