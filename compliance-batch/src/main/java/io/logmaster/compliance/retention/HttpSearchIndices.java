package io.logmaster.compliance.retention;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** {@link SearchIndices} over Elasticsearch's REST API with {@code java.net.http}. */
public final class HttpSearchIndices implements SearchIndices {
    /** Daily index names, exactly. */
    static final Pattern DAILY = Pattern.compile("logmaster-events-\\d{4}\\.\\d{2}\\.\\d{2}");

    private static final ObjectMapper JSON = new ObjectMapper();
    private final URI base;
    private final HttpClient http;

    /**
     * {@code base} is the Elasticsearch URL ending in '/', e.g. {@code http://127.0.0.1:19200/}.
     */
    public HttpSearchIndices(URI base) {
        if (!base.toString().endsWith("/")) {
            throw new IllegalArgumentException("Elasticsearch URL must end with '/': " + base);
        }
        this.base = base;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    @Override
    public List<String> list() throws IOException {
        HttpResponse<String> r =
                send(
                        HttpRequest.newBuilder(
                                        base.resolve(
                                                "_cat/indices/logmaster-events-*"
                                                        + "?h=index&format=json"))
                                .GET());
        if (r.statusCode() != 200) {
            throw new IOException(
                    "listing indices at " + base + ": HTTP " + r.statusCode() + " " + snip(r));
        }
        List<String> names = new ArrayList<>();
        for (JsonNode n : JSON.readTree(r.body())) {
            names.add(n.path("index").asText());
        }
        return names;
    }

    @Override
    public boolean delete(String index) throws IOException {
        if (!DAILY.matcher(index).matches()) {
            throw new IllegalArgumentException("not a daily event index: '" + index + "'");
        }
        HttpResponse<String> r = send(HttpRequest.newBuilder(base.resolve(index)).DELETE());
        if (r.statusCode() == 200) {
            return true;
        }
        if (r.statusCode() == 404) {
            return false;
        }
        throw new IOException(
                "DELETE " + base.resolve(index) + ": HTTP " + r.statusCode() + " " + snip(r));
    }

    @Override
    public String describe() {
        return base.toString();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
        HttpRequest req = request.timeout(Duration.ofSeconds(60)).build();
        try {
            return http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + req.method() + " " + req.uri(), e);
        } catch (IOException e) {
            throw new IOException(req.method() + " " + req.uri() + ": " + e, e);
        }
    }

    private static String snip(HttpResponse<String> r) {
        String b = r.body() == null ? "" : r.body();
        return b.length() > 300 ? b.substring(0, 300) + "…" : b;
    }
}
