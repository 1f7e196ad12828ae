package io.logmaster.api.search;

import io.logmaster.api.error.QueryRejectedException;
import io.logmaster.api.error.ServiceUnavailableException;
import io.logmaster.api.support.LogSafe;
import org.apache.http.HttpEntity;
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
 * client. Missing indices count as empty; an unreachable, overloaded or failing cluster is a 503. A
 * search Elasticsearch refuses with 400 (e.g. a query expanding to more than {@code
 * indices.query.bool.max_clause_count} clauses) is the client's 400, naming Elasticsearch's error.
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
            if (status == 400) {
                throw new QueryRejectedException(
                        "The query could not be run: " + errorSummary(e.getResponse()), e);
            }
            if (status >= 500 || status == 429) {
                throw new ServiceUnavailableException("Search is unavailable right now.", e);
            }
            // Any other 4xx (401, 403, 404, ...) is a deployment problem on our side: a 500.
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

    /**
     * {@code <type>: <reason>} of the first root cause of an Elasticsearch error response (the
     * top-level error of a failed search only says "all shards failed"), escaped and capped: the
     * reason may quote the client's query.
     */
    private String errorSummary(Response response) {
        JsonNode error;
        try {
            HttpEntity entity = response.getEntity();
            if (entity == null) {
                return "HTTP 400";
            }
            try (InputStream in = entity.getContent()) {
                error = json.readTree(in).path("error");
            }
        } catch (IOException | RuntimeException e) {
            return "HTTP 400";
        }
        JsonNode cause = error.path("root_cause").path(0);
        if (!cause.isObject()) {
            cause = error;
        }
        if (error.isString()) {
            return LogSafe.text(error.asString());
        }
        String type = cause.path("type").asString("");
        String reason = cause.path("reason").asString("");
        String summary = type.isEmpty() ? reason : reason.isEmpty() ? type : type + ": " + reason;
        return summary.isEmpty() ? "HTTP 400" : LogSafe.text(summary);
    }
}
