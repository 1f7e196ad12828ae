package io.logmaster.ingest.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Serves {@code /metrics} (Prometheus text) and {@code /health} on 127.0.0.1 with the JDK's
 * built-in HTTP server; a scrape is rare and tiny, so one thread is plenty.
 */
public final class MetricsHttpServer implements AutoCloseable {
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer server;
    private final ExecutorService executor;

    /**
     * Binds {@code 127.0.0.1:port} (0 = any free port) and starts serving; {@code downReason}
     * returns null when {@code /health} answers 200 UP, otherwise the reason given with 503 DOWN.
     */
    public MetricsHttpServer(int port, GatewayMetrics metrics, Supplier<String> downReason) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("metrics port must be 0-65535, got " + port);
        }
        try {
            server =
                    HttpServer.create(
                            new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind metrics endpoint on 127.0.0.1:" + port, e);
        }
        server.createContext(
                "/metrics",
                exchange -> respond(exchange, 200, PROMETHEUS_TEXT, metrics.renderPrometheus()));
        server.createContext(
                "/health",
                exchange -> {
                    String reason = downReason.get();
                    respond(
                            exchange,
                            reason == null ? 200 : 503,
                            "application/json",
                            reason == null
                                    ? "{\"status\":\"UP\"}\n"
                                    : "{\"status\":\"DOWN\",\"reason\":\""
                                            + jsonEscape(reason)
                                            + "\"}\n");
                });
        executor =
                Executors.newSingleThreadExecutor(
                        r -> {
                            Thread t = new Thread(r, "gateway-metrics-http");
                            t.setDaemon(true);
                            return t;
                        });
        server.setExecutor(executor);
        server.start();
    }

    private static String jsonEscape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The port actually bound. */
    public int port() {
        return server.getAddress().getPort();
    }

    private static void respond(HttpExchange exchange, int status, String type, String body)
            throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())
                    && !"HEAD".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            // The contexts match by prefix; only the exact paths exist.
            String path = exchange.getRequestURI().getPath();
            if (!path.equals(exchange.getHttpContext().getPath())) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", type);
            if ("HEAD".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(status, -1);
                return;
            }
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
