package io.logmaster.ingest.metrics;

import io.logmaster.ingest.support.Transport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class MetricsHttpServerTest {
    private final GatewayMetrics metrics = new GatewayMetrics();
    private final AtomicReference<String> downReason = new AtomicReference<>();
    private final MetricsHttpServer server = new MetricsHttpServer(0, metrics, downReason::get);
    private final HttpClient client = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesCountersInPrometheusText() throws Exception {
        metrics.received(Transport.UDP, 10);
        metrics.received(Transport.UDP, 5);
        metrics.received(Transport.TCP, 7);
        metrics.dropped(DropReason.BACKPRESSURE);
        metrics.framingError();
        metrics.connectionOpened();

        HttpResponse<String> response = get("/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValue("text/plain; version=0.0.4; charset=utf-8");
        assertThat(response.body())
                .contains(
                        "# TYPE logmaster_gateway_messages_received_total counter\n",
                        "logmaster_gateway_messages_received_total{transport=\"udp\"} 2\n",
                        "logmaster_gateway_messages_received_total{transport=\"tcp\"} 1\n",
                        "logmaster_gateway_bytes_received_total{transport=\"udp\"} 15\n",
                        "logmaster_gateway_drops_total{reason=\"backpressure\"} 1\n",
                        "logmaster_gateway_drops_total{reason=\"kafka_rejected\"} 0\n",
                        "logmaster_gateway_framing_errors_total 1\n",
                        "# TYPE logmaster_gateway_open_connections gauge\n",
                        "logmaster_gateway_open_connections 1\n");
    }

    @Test
    void reportsHealth() throws Exception {
        assertThat(get("/health").statusCode()).isEqualTo(200);
        assertThat(get("/health").body()).isEqualTo("{\"status\":\"UP\"}\n");

        downReason.set("spool full: 9 of 9 bytes in \"/x\"");

        assertThat(get("/health").statusCode()).isEqualTo(503);
        assertThat(get("/health").body())
                .isEqualTo(
                        "{\"status\":\"DOWN\",\"reason\":\"spool full: 9 of 9 bytes in"
                                + " \\\"/x\\\"\"}\n");
    }

    @Test
    void answersUnknownPathsWith404() throws Exception {
        assertThat(get("/metrics/extra").statusCode()).isEqualTo(404);
        assertThat(get("/").statusCode()).isEqualTo(404);
    }
}
