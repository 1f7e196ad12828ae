package io.logmaster.compliance.retention;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Against a tiny HTTP server speaking the two Elasticsearch calls retention makes. */
class HttpSearchIndicesTest {
    private HttpServer server;
    private final Set<String> indices = ConcurrentHashMap.newKeySet();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private HttpSearchIndices es;

    @BeforeEach
    void start() throws Exception {
        indices.addAll(List.of("logmaster-events-2020.01.01", "logmaster-events-2020.01.02"));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(
                "/",
                ex -> {
                    requests.add(ex.getRequestMethod() + " " + ex.getRequestURI());
                    String path = ex.getRequestURI().getPath().substring(1);
                    int status;
                    String body;
                    if (ex.getRequestMethod().equals("GET")) {
                        status = 200;
                        StringBuilder sb = new StringBuilder("[");
                        for (String i : indices) {
                            sb.append(sb.length() > 1 ? "," : "")
                                    .append("{\"index\":\"")
                                    .append(i)
                                    .append("\"}");
                        }
                        body = sb.append("]").toString();
                    } else if (path.equals("logmaster-events-2020.01.09")) {
                        status = 503;
                        body = "{\"error\":\"unavailable\"}";
                    } else {
                        status = indices.remove(path) ? 200 : 404;
                        body = status == 200 ? "{\"acknowledged\":true}" : "{\"status\":404}";
                    }
                    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                    ex.sendResponseHeaders(status, bytes.length);
                    ex.getResponseBody().write(bytes);
                    ex.close();
                });
        server.start();
        es =
                new HttpSearchIndices(
                        URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void listsDeletesAndTreats404AsAlreadyGone() throws Exception {
        assertThat(es.list())
                .containsExactlyInAnyOrder(
                        "logmaster-events-2020.01.01", "logmaster-events-2020.01.02");
        assertThat(requests.get(0))
                .isEqualTo("GET /_cat/indices/logmaster-events-*?h=index&format=json");

        assertThat(es.delete("logmaster-events-2020.01.01")).isTrue();
        assertThat(es.delete("logmaster-events-2020.01.01")).isFalse();
        assertThat(indices).containsExactly("logmaster-events-2020.01.02");
        assertThat(requests).contains("DELETE /logmaster-events-2020.01.01");
    }

    @Test
    void otherStatusesFailWithTheStatusAndRefusesNonDailyNames() {
        assertThatThrownBy(() -> es.delete("logmaster-events-2020.01.09"))
                .hasMessageContaining("HTTP 503");
        assertThatThrownBy(() -> es.delete("logmaster-events-*"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(requests).noneMatch(r -> r.contains("*") && r.startsWith("DELETE"));
    }
}
