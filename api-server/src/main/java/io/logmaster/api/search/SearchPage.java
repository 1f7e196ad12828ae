package io.logmaster.api.search;

import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.JsonNode;

import java.util.List;

/**
 * One page of search results.
 *
 * @param total exact number of events matching the search (all pages)
 * @param events each hit's {@code _source} as stored, newest first
 * @param nextCursor cursor of the next page, or {@code null} on the last page
 */
record SearchPage(
        long total, List<JsonNode> events, @JsonProperty("next_cursor") String nextCursor) {

    SearchPage {
        events = List.copyOf(events);
    }

    /** Reads an Elasticsearch {@code _search} response made by {@link EventQueryBuilder}. */
    static SearchPage fromResponse(JsonNode response, int size) {
        JsonNode hitsNode = response.path("hits");
        long total = hitsNode.path("total").path("value").asLong(0);
        JsonNode hits = hitsNode.path("hits");
        int shown = Math.min(size, hits.size());
        List<JsonNode> events = new java.util.ArrayList<>(shown);
        for (int i = 0; i < shown; i++) {
            events.add(hits.get(i).path("_source"));
        }
        String next = null;
        if (hits.size() > size && shown > 0) {
            next = SearchCursor.encode(hits.get(shown - 1).path("sort"));
        }
        return new SearchPage(total, events, next);
    }
}
