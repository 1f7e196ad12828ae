package io.logmaster.api.search;

import io.logmaster.api.elastic.FakeElasticsearch;
import io.logmaster.api.error.ServiceUnavailableException;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ElasticsearchEventSearcherTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    private FakeElasticsearch es;
    private RestClient client;

    @BeforeEach
    void setUp() throws IOException {
        es = new FakeElasticsearch();
        client = es.client();
    }

    @AfterEach
    void tearDown() throws IOException {
        client.close();
        es.close();
    }

    private EventSearchRequest request(String q) {
        return EventSearchRequest.parse(
                new EventSearchRequest.Params(q, null, null, null, null, null, null, "1", null),
                NOW);
    }

    @Test
    void postsTheBuiltQueryToTheEventIndicesAndReadsThePage() {
        es.answer(
                200,
                "{\"took\":2,\"timed_out\":false,\"_shards\":{\"total\":2,\"failed\":0},"
                        + "\"hits\":{\"total\":{\"value\":42,\"relation\":\"eq\"},\"hits\":["
                        + "{\"_id\":\"b\",\"_source\":{\"event\":{\"id\":\"b\"}},\"sort\":[2,\"b\"]},"
                        + "{\"_id\":\"a\",\"_source\":{\"event\":{\"id\":\"a\"}},\"sort\":[1,\"a\"]}"
                        + "]}}");
        var searcher = new ElasticsearchEventSearcher(client, JSON);

        SearchPage page = searcher.search(request("disk full"));

        assertThat(page.total()).isEqualTo(42);
        assertThat(page.events()).containsExactly(JSON.readTree("{\"event\":{\"id\":\"b\"}}"));
        assertThat(SearchCursor.decode(page.nextCursor())).isEqualTo(JSON.readTree("[2,\"b\"]"));
        var sent = es.requests.get(0);
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.pathAndQuery())
                .startsWith("/logmaster-events-*/_search?")
                .contains("ignore_unavailable=true")
                .contains("allow_no_indices=true");
        assertThat(JSON.readTree(sent.body()))
                .isEqualTo(EventQueryBuilder.build(request("disk full")));
    }

    @Test
    void serverErrorIsServiceUnavailable() {
        es.answer(503, "{\"error\":{\"type\":\"search_phase_execution_exception\"}}");
        var searcher = new ElasticsearchEventSearcher(client, JSON);

        assertThatThrownBy(() -> searcher.search(request(null)))
                .isInstanceOf(ServiceUnavailableException.class)
                .hasMessage("Search is unavailable right now.");
    }

    @Test
    void rejectedQueryIsAnInternalError() {
        es.answer(400, "{\"error\":{\"type\":\"parsing_exception\"}}");
        var searcher = new ElasticsearchEventSearcher(client, JSON);

        assertThatThrownBy(() -> searcher.search(request(null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("HTTP 400");
    }

    @Test
    void unreachableClusterIsServiceUnavailable() throws IOException {
        es.close();
        var searcher = new ElasticsearchEventSearcher(client, JSON);

        assertThatThrownBy(() -> searcher.search(request(null)))
                .isInstanceOf(ServiceUnavailableException.class);
    }
}
