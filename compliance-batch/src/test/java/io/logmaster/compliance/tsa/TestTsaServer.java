package io.logmaster.compliance.tsa;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A deliberately configurable HTTP endpoint for client tests: records every request (headers and
 * body) and answers with whatever the handler returns.
 */
final class TestTsaServer implements AutoCloseable {
    record Received(Headers headers, byte[] body) {}

    record Reply(int status, byte[] body) {}

    @FunctionalInterface
    interface Handler {
        Reply answer(Received request) throws Exception;
    }

    private final HttpServer server;
    final List<Received> received = new CopyOnWriteArrayList<>();

    TestTsaServer(Handler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.createContext(
                "/",
                exchange -> {
                    try (exchange) {
                        Received r =
                                new Received(
                                        exchange.getRequestHeaders(),
                                        exchange.getRequestBody().readAllBytes());
                        received.add(r);
                        Reply reply;
                        try {
                            reply = handler.answer(r);
                        } catch (Exception e) {
                            reply = new Reply(599, new byte[0]);
                        }
                        exchange.getResponseHeaders()
                                .set("Content-Type", "application/timestamp-reply");
                        exchange.sendResponseHeaders(
                                reply.status(),
                                reply.body().length == 0 ? -1 : reply.body().length);
                        if (reply.body().length > 0) {
                            try (OutputStream out = exchange.getResponseBody()) {
                                out.write(reply.body());
                            }
                        }
                    }
                });
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
