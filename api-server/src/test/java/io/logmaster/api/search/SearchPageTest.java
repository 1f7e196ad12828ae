package io.logmaster.api.search;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class SearchPageTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode response(long total, int hits) {
        StringBuilder b = new StringBuilder();
        b.append("{\"took\":1,\"timed_out\":false,\"_shards\":{\"total\":1,\"failed\":0},");
        b.append("\"hits\":{\"total\":{\"value\":").append(total).append(",\"relation\":\"eq\"},");
        b.append("\"hits\":[");
        for (int i = 0; i < hits; i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append("{\"_index\":\"logmaster-events-2026.12.03\",\"_id\":\"e")
                    .append(i)
                    .append("\",\"_source\":{\"event\":{\"id\":\"e")
                    .append(i)
                    .append("\"},\"message\":\"m")
                    .append(i)
                    .append("\"},\"sort\":[")
                    .append(1000 - i)
                    .append(",\"e")
                    .append(i)
                    .append("\"]}");
        }
        b.append("]}}");
        return JSON.readTree(b.toString());
    }

    @Test
    void extraHitMeansANextPageFromTheLastShownHit() {
        SearchPage page = SearchPage.fromResponse(response(7, 3), 2);

        assertThat(page.total()).isEqualTo(7);
        assertThat(page.events())
                .containsExactly(
                        JSON.readTree("{\"event\":{\"id\":\"e0\"},\"message\":\"m0\"}"),
                        JSON.readTree("{\"event\":{\"id\":\"e1\"},\"message\":\"m1\"}"));
        assertThat(SearchCursor.decode(page.nextCursor())).isEqualTo(JSON.readTree("[999,\"e1\"]"));
    }

    @Test
    void lastPageHasNoCursor() {
        assertThat(SearchPage.fromResponse(response(2, 2), 2).nextCursor()).isNull();
        assertThat(SearchPage.fromResponse(response(1, 1), 2).events()).hasSize(1);
    }

    @Test
    void emptyResultHasZeroTotalAndNoEvents() {
        SearchPage page =
                SearchPage.fromResponse(
                        JSON.readTree("{\"hits\":{\"total\":{\"value\":0},\"hits\":[]}}"), 50);

        assertThat(page.total()).isZero();
        assertThat(page.events()).isEmpty();
        assertThat(page.nextCursor()).isNull();
    }
}
