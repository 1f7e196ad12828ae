package io.logmaster.api.search;

import io.logmaster.api.elastic.FakeElasticsearch;
import io.logmaster.api.error.QueryRejectedException;
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
    void queryElasticsearchRejectsIsTheClientsBadRequestNamingTheRootCause() {
        // What Elasticsearch 7.17 answers for a q expanding to more than 1024 clauses.
        es.answer(
                400,
                "{\"error\":{\"root_cause\":[{\"type\":\"query_shard_exception\","
                        + "\"reason\":\"failed to create query: maxClauseCount is set to 1024\","
                        + "\"index\":\"logmaster-events-2026.12.03\"}],"
                        + "\"type\":\"search_phase_execution_exception\","
                        + "\"reason\":\"all shards failed\",\"phase\":\"query\"},\"status\":400}");
        var searcher = new ElasticsearchEventSearcher(client, JSON);

        assertThatThrownBy(() -> searcher.search(request("a,b,c")))
                .isInstanceOf(QueryRejectedException.class)
                .hasMessage(
                        "The query could not be run: query_shard_exception: failed to create"
                                + " query: maxClauseCount is set to 1024");
    }

    @Test
    void rejectionReasonIsEscapedAndShortened() {
        es.answer(
                400,
                "{\"error\":{\"type\":\"parsing_exception\",\"reason\":\"bad\\n"
                        + "FORGED \\u001b[31m"
                        + "x".repeat(5000)
                        + "\"},\"status\":400}");
        var searcher = new ElasticsearchEventSearcher(client, JSON);

        assertThatThrownBy(() -> searcher.search(request(null)))
                .isInstanceOf(QueryRejectedException.class)
                .hasMessageStartingWith(
                        "The query could not be run: parsing_exception: bad\\nFORGED \\u001b[31mxxx")
                .hasMessageEndingWith("...(5035 chars)")
                .hasMessageNotContaining("\n")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(330));
    }

    @Test
    void rejectionWithoutAJsonBodyStillSaysWhat() {
        es.answer(400, "not json");
        var searcher = new ElasticsearchEventSearcher(client, JSON);

        assertThatThrownBy(() -> searcher.search(request(null)))
                .isInstanceOf(QueryRejectedException.class)
                .hasMessage("The query could not be run: HTTP 400");
    }

    @Test
    void overloadedClusterIsServiceUnavailable() {
        es.answer(429, "{\"error\":{\"type\":\"es_rejected_execution_exception\"}}");
        var searcher = new ElasticsearchEventSearcher(client, JSON);

        assertThatThrownBy(() -> searcher.search(request(null)))
                .isInstanceOf(ServiceUnavailableException.class);
    }

    @Test
    void otherClientErrorsAreOurOwnInternalError() {
        es.answer(403, "{\"error\":{\"type\":\"security_exception\"}}");
        var searcher = new ElasticsearchEventSearcher(client, JSON);

        assertThatThrownBy(() -> searcher.search(request(null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("HTTP 403");
    }

    @Test
    void unreachableClusterIsServiceUnavailable() throws IOException {
        es.close();
        var searcher = new ElasticsearchEventSearcher(client, JSON);

        assertThatThrownBy(() -> searcher.search(request(null)))
                .isInstanceOf(ServiceUnavailableException.class);
    }
}
