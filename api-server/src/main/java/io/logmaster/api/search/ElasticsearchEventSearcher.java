package io.logmaster.api.search;

import io.logmaster.api.error.ServiceUnavailableException;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;

/**
 * {@link EventSearcher} on the daily {@code logmaster-events-*} indices, through the low-level REST
 * client. Missing indices count as empty; an unreachable or failing cluster is a 503.
 */
@Component
class ElasticsearchEventSearcher implements EventSearcher {

    private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchEventSearcher.class);

    private final RestClient client;
    private final JsonMapper json;

    ElasticsearchEventSearcher(RestClient client, JsonMapper json) {
        this.client = client;
        this.json = json;
    }

    @Override
    public SearchPage search(EventSearchRequest search) {
        Request request = new Request("POST", EventQueryBuilder.searchPath());
        request.addParameter("ignore_unavailable", "true");
        request.addParameter("allow_no_indices", "true");
        request.setJsonEntity(json.writeValueAsString(EventQueryBuilder.build(search)));
        JsonNode body;
        try {
            Response response = client.performRequest(request);
            try (InputStream in = response.getEntity().getContent()) {
                body = json.readTree(in);
            }
        } catch (ResponseException e) {
            int status = e.getResponse().getStatusLine().getStatusCode();
            if (status >= 500) {
                throw new ServiceUnavailableException("Search is unavailable right now.", e);
            }
            // A 4xx means we built a query Elasticsearch rejects: our bug, so a 500.
            throw new IllegalStateException(
                    "Elasticsearch rejected an event search with HTTP " + status, e);
        } catch (IOException e) {
            throw new ServiceUnavailableException("Search is unavailable right now.", e);
        }
        int failedShards = body.path("_shards").path("failed").asInt(0);
        if (failedShards > 0 || body.path("timed_out").asBoolean(false)) {
            LOG.warn(
                    "Event search answered partially: {} failed shards, timed_out={}",
                    failedShards,
                    body.path("timed_out").asBoolean(false));
        }
        return SearchPage.fromResponse(body, search.size());
    }
}
