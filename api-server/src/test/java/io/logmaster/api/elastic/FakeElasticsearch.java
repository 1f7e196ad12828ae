package io.logmaster.api.elastic;

import com.sun.net.httpserver.HttpServer;
import org.elasticsearch.client.RestClient;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tiny HTTP server on 127.0.0.1 that records requests and plays back canned answers, so the real
 * low-level REST client can be tested without Elasticsearch.
 */
public final class FakeElasticsearch implements AutoCloseable {

    /** One recorded request. */
    public record Recorded(String method, String pathAndQuery, String body) {}

    private record Answer(int status, String body) {}

    private final HttpServer server;
    private final Deque<Answer> answers = new ArrayDeque<>();
    public final List<Recorded> requests = new CopyOnWriteArrayList<>();

    public FakeElasticsearch() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(
                "/",
                exchange -> {
                    byte[] in = exchange.getRequestBody().readAllBytes();
                    requests.add(
                            new Recorded(
                                    exchange.getRequestMethod(),
                                    exchange.getRequestURI().toString(),
                                    new String(in, StandardCharsets.UTF_8)));
                    Answer a;
                    synchronized (answers) {
                        a = answers.isEmpty() ? new Answer(200, "{}") : answers.poll();
                    }
                    byte[] out = a.body().getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(a.status(), out.length);
                    try (OutputStream os = exchange.getResponseBody()) {
                        os.write(out);
                    }
                });
        server.start();
    }

    public FakeElasticsearch answer(int status, String body) {
        synchronized (answers) {
            answers.add(new Answer(status, body));
        }
        return this;
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public ElasticsearchProperties properties(Duration startupTimeout) {
        return new ElasticsearchProperties(
                url(), Duration.ofSeconds(2), Duration.ofSeconds(5), startupTimeout);
    }

    public RestClient client() {
        return new ElasticsearchClientConfig()
                .elasticsearchRestClient(properties(Duration.ofSeconds(1)));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
