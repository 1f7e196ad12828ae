package io.logmaster.api.elastic;

import org.apache.http.util.EntityUtils;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Installs (PUT, idempotent) the composable index template {@code logmaster-events} at start-up.
 * While Elasticsearch is unreachable or not ready it retries with growing pauses until {@link
 * ElasticsearchProperties#startupTimeout()}; then start-up fails with a clear message. A 4xx answer
 * (a template Elasticsearch rejects) fails at once: retrying would not help.
 */
@Component
@Order(30)
class IndexTemplateInstaller implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(IndexTemplateInstaller.class);
    private static final Duration FIRST_PAUSE = Duration.ofMillis(500);
    private static final Duration MAX_PAUSE = Duration.ofSeconds(10);

    /** Pauses between attempts; a seam so tests need not wait. */
    interface Pauser {
        void pause(Duration duration) throws InterruptedException;
    }

    private final RestClient client;
    private final ElasticsearchProperties properties;
    private final Clock clock;
    private final Pauser pauser;

    @Autowired
    IndexTemplateInstaller(RestClient client, ElasticsearchProperties properties, Clock clock) {
        this(client, properties, clock, d -> Thread.sleep(d.toMillis()));
    }

    IndexTemplateInstaller(
            RestClient client, ElasticsearchProperties properties, Clock clock, Pauser pauser) {
        this.client = client;
        this.properties = properties;
        this.clock = clock;
        this.pauser = pauser;
    }

    @Override
    public void run(ApplicationArguments args) throws InterruptedException {
        installWithRetry();
    }

    static String templateBody() {
        try (InputStream in =
                new ClassPathResource(EventIndices.TEMPLATE_RESOURCE).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Reading index template resource " + EventIndices.TEMPLATE_RESOURCE, e);
        }
    }

    void installWithRetry() throws InterruptedException {
        String body = templateBody();
        Instant deadline = clock.instant().plus(properties.startupTimeout());
        Duration pause = FIRST_PAUSE;
        int attempt = 0;
        while (true) {
            attempt++;
            try {
                install(body);
                LOG.info(
                        "Index template '{}' installed on {} for {}",
                        EventIndices.TEMPLATE,
                        properties.url(),
                        EventIndices.PATTERN);
                return;
            } catch (ResponseException e) {
                int status = e.getResponse().getStatusLine().getStatusCode();
                if (status < 500) {
                    throw new IllegalStateException(
                            "Elasticsearch at "
                                    + properties.url()
                                    + " rejected index template '"
                                    + EventIndices.TEMPLATE
                                    + "' with HTTP "
                                    + status
                                    + ": "
                                    + responseBody(e.getResponse()),
                            e);
                }
                pause = retryOrFail(attempt, deadline, pause, "HTTP " + status, e);
            } catch (IOException e) {
                pause = retryOrFail(attempt, deadline, pause, e.toString(), e);
            }
        }
    }

    private Duration retryOrFail(
            int attempt, Instant deadline, Duration pause, String reason, IOException cause)
            throws InterruptedException {
        Duration left = Duration.between(clock.instant(), deadline);
        if (left.isNegative() || left.isZero()) {
            throw new IllegalStateException(
                    "Elasticsearch at "
                            + properties.url()
                            + " was not reachable within "
                            + properties.startupTimeout()
                            + " (LOGMASTER_ES_STARTUP_TIMEOUT); could not install index template '"
                            + EventIndices.TEMPLATE
                            + "' after "
                            + attempt
                            + " attempts",
                    cause);
        }
        Duration wait = pause.compareTo(left) < 0 ? pause : left;
        LOG.warn(
                "Elasticsearch at {} not ready (attempt {}: {}); retrying in {} ms",
                properties.url(),
                attempt,
                reason,
                wait.toMillis());
        pauser.pause(wait);
        Duration next = pause.multipliedBy(2);
        return next.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : next;
    }

    private void install(String body) throws IOException {
        Request request = new Request("PUT", "/_index_template/" + EventIndices.TEMPLATE);
        request.setJsonEntity(body);
        client.performRequest(request);
    }

    private static String responseBody(Response response) {
        try {
            String text =
                    response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity());
            return text.length() > 2000 ? text.substring(0, 2000) + "..." : text;
        } catch (IOException e) {
            return "(unreadable body: " + e + ")";
        }
    }
}
