package io.logmaster.infra.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** The api-server's REST API as a script would use it: log in, then search. */
final class ApiClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String token;

    ApiClient(String baseUrl, String username, String password) throws Exception {
        this.baseUrl = baseUrl;
        ObjectNode body =
                JSON.createObjectNode().put("username", username).put("password", password);
        HttpResponse<String> response =
                http.send(
                        HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/auth/login"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "login failed: " + response.statusCode() + " " + response.body());
        }
        this.token = JSON.readTree(response.body()).get("token").asText();
    }

    /** One page of {@code GET /api/v1/events}. */
    JsonNode search(Map<String, String> params) throws IOException, InterruptedException {
        StringJoiner query = new StringJoiner("&");
        params.forEach(
                (k, v) ->
                        query.add(
                                URLEncoder.encode(k, StandardCharsets.UTF_8)
                                        + "="
                                        + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return get("/api/v1/events?" + query);
    }

    /**
     * {@code GET path} (with its query string) with the bearer token; returns the JSON body.
     *
     * @throws IllegalStateException naming the status and body unless the answer is 200
     */
    JsonNode get(String pathAndQuery) throws IOException, InterruptedException {
        return JSON.readTree(getBytes(pathAndQuery));
    }

    /**
     * {@code GET path} (with its query string) with the bearer token; returns the raw body, e.g. a
     * zip.
     *
     * @throws IllegalStateException naming the status and body unless the answer is 200
     */
    byte[] getBytes(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<byte[]> response =
                http.send(
                        HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                                .header("Authorization", "Bearer " + token)
                                .timeout(Duration.ofSeconds(120))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "GET "
                            + pathAndQuery
                            + " failed: "
                            + response.statusCode()
                            + " "
                            + new String(response.body(), StandardCharsets.UTF_8));
        }
        return response.body();
    }

    /** The exact total of a query. */
    long total(Map<String, String> params) throws IOException, InterruptedException {
        Map<String, String> one = new java.util.HashMap<>(params);
        one.put("size", "1");
        return search(one).get("total").asLong();
    }

    /** Every event of a query, following the cursor page by page. */
    List<JsonNode> all(Map<String, String> params) throws IOException, InterruptedException {
        List<JsonNode> events = new ArrayList<>();
        String cursor = null;
        do {
            Map<String, String> page = new java.util.HashMap<>(params);
            page.put("size", "1000");
            if (cursor != null) {
                page.put("cursor", cursor);
            }
            JsonNode result = search(page);
            result.get("events").forEach(events::add);
            JsonNode next = result.get("next_cursor");
            cursor = next == null || next.isNull() ? null : next.asText();
        } while (cursor != null);
        return events;
    }
}
