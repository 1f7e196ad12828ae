package io.logmaster.api.elastic;

import io.logmaster.api.auth.MutableClock;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IndexTemplateInstallerTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:00:00Z"));
    private final List<Duration> pauses = new ArrayList<>();
    private final IndexTemplateInstaller.Pauser pauser =
            d -> {
                pauses.add(d);
                clock.advance(d);
            };
    private FakeElasticsearch es;
    private RestClient client;

    @AfterEach
    void tearDown() throws IOException {
        if (client != null) {
            client.close();
        }
        if (es != null) {
            es.close();
        }
    }

    @Test
    void putsTheTemplateBodyUnderItsName() throws Exception {
        es = new FakeElasticsearch().answer(200, "{\"acknowledged\":true}");
        client = es.client();

        new IndexTemplateInstaller(client, es.properties(Duration.ofSeconds(30)), clock, pauser)
                .installWithRetry();

        assertThat(es.requests).hasSize(1);
        assertThat(es.requests.get(0).method()).isEqualTo("PUT");
        assertThat(es.requests.get(0).pathAndQuery())
                .isEqualTo("/_index_template/logmaster-events");
        assertThat(es.requests.get(0).body()).isEqualTo(IndexTemplateInstaller.templateBody());
        assertThat(pauses).isEmpty();
    }

    @Test
    void retriesServerErrorsWithGrowingPauses() throws Exception {
        es =
                new FakeElasticsearch()
                        .answer(503, "{\"error\":\"not ready\"}")
                        .answer(503, "{\"error\":\"not ready\"}")
                        .answer(200, "{\"acknowledged\":true}");
        client = es.client();

        new IndexTemplateInstaller(client, es.properties(Duration.ofSeconds(30)), clock, pauser)
                .installWithRetry();

        assertThat(es.requests).hasSize(3);
        assertThat(pauses).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
    }

    @Test
    void rejectedTemplateFailsAtOnceWithElasticsearchsReason() throws Exception {
        es = new FakeElasticsearch().answer(400, "{\"error\":\"mapper_parsing_exception\"}");
        client = es.client();
        var installer =
                new IndexTemplateInstaller(
                        client, es.properties(Duration.ofSeconds(30)), clock, pauser);

        assertThatThrownBy(installer::installWithRetry)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("rejected index template 'logmaster-events' with HTTP 400")
                .hasMessageContaining("mapper_parsing_exception");
        assertThat(es.requests).hasSize(1);
    }

    @Test
    void unreachableClusterFailsAfterTheStartupTimeout() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        var props =
                new ElasticsearchProperties(
                        URI.create("http://127.0.0.1:" + port),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(20));
        client = new ElasticsearchClientConfig().elasticsearchRestClient(props);
        var installer = new IndexTemplateInstaller(client, props, clock, pauser);

        assertThatThrownBy(installer::installWithRetry)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("was not reachable within PT20S")
                .hasMessageContaining("LOGMASTER_ES_STARTUP_TIMEOUT");
        // 0.5 + 1 + 2 + 4 + 8 = 15.5 s, then the 4.5 s left; never past the deadline.
        assertThat(pauses)
                .containsExactly(
                        Duration.ofMillis(500),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(4),
                        Duration.ofSeconds(8),
                        Duration.ofMillis(4500));
    }

    @Test
    void templateMapsTheEventContract() {
        JsonNode t = JsonMapper.builder().build().readTree(IndexTemplateInstaller.templateBody());

        assertThat(t.at("/index_patterns/0").asString()).isEqualTo(EventIndices.PATTERN);
        JsonNode settings = t.at("/template/settings/index");
        assertThat(settings.path("number_of_shards").asInt()).isEqualTo(1);
        assertThat(settings.path("number_of_replicas").asInt()).isZero();
        assertThat(settings.path("refresh_interval").asString()).isEqualTo("1s");
        JsonNode m = t.at("/template/mappings");
        assertThat(m.path("dynamic").asBoolean(true)).isFalse();
        JsonNode p = m.path("properties");
        assertThat(type(p, "@timestamp")).isEqualTo("date");
        assertThat(type(p, "event/properties/id")).isEqualTo("keyword");
        assertThat(type(p, "event/properties/created")).isEqualTo("date_nanos");
        assertThat(type(p, "event/properties/original")).isEqualTo("text");
        assertThat(type(p, "message")).isEqualTo("text");
        assertThat(type(p, "observer/properties/ip")).isEqualTo("ip");
        assertThat(type(p, "source/properties/ip")).isEqualTo("ip");
        assertThat(type(p, "host/properties/hostname")).isEqualTo("keyword");
        assertThat(type(p, "log/properties/syslog/properties/severity/properties/code"))
                .isEqualTo("short");
        assertThat(type(p, "log/properties/syslog/properties/appname")).isEqualTo("keyword");
        assertThat(type(p, "log/properties/syslog/properties/structured_data"))
                .isEqualTo("flattened");
        assertThat(type(p, "network/properties/transport")).isEqualTo("keyword");
        assertThat(type(p, "logmaster/properties/received/properties/listener_port"))
                .isEqualTo("integer");
    }

    private static String type(JsonNode properties, String path) {
        return properties.at("/" + path + "/type").asString();
    }
}
