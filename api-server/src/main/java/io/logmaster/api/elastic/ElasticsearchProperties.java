package io.logmaster.api.elastic;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.net.URI;
import java.time.Duration;

/**
 * Elasticsearch connection settings ({@code logmaster.elasticsearch.*}).
 *
 * @param url base URL of the cluster (LOGMASTER_ES_URL)
 * @param connectTimeout TCP connect timeout
 * @param socketTimeout read timeout of one request
 * @param startupTimeout how long start-up waits for Elasticsearch to install the index template
 *     before it gives up (LOGMASTER_ES_STARTUP_TIMEOUT)
 */
@Validated
@ConfigurationProperties("logmaster.elasticsearch")
public record ElasticsearchProperties(
        @NotNull URI url,
        @NotNull Duration connectTimeout,
        @NotNull Duration socketTimeout,
        @NotNull Duration startupTimeout) {

    public ElasticsearchProperties {
        if (url != null
                && (url.getHost() == null
                        || !("http".equals(url.getScheme()) || "https".equals(url.getScheme())))) {
            throw new IllegalArgumentException(
                    "logmaster.elasticsearch.url (LOGMASTER_ES_URL) must be an http(s) URL with a host: "
                            + url);
        }
    }
}
