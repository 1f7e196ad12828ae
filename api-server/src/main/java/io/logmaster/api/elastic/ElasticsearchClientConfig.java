package io.logmaster.api.elastic;

import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.net.URI;

/** The Elasticsearch 7.17 low-level REST client, built from {@link ElasticsearchProperties}. */
@Configuration(proxyBeanMethods = false)
public class ElasticsearchClientConfig {

    @Bean(destroyMethod = "close")
    RestClient elasticsearchRestClient(ElasticsearchProperties properties) {
        URI url = properties.url();
        HttpHost host = new HttpHost(url.getHost(), url.getPort(), url.getScheme());
        var builder = RestClient.builder(host);
        String path = url.getPath();
        if (path != null && !path.isEmpty() && !"/".equals(path)) {
            builder.setPathPrefix(path);
        }
        return builder.setRequestConfigCallback(
                        config ->
                                config.setConnectTimeout(
                                                (int) properties.connectTimeout().toMillis())
                                        .setSocketTimeout(
                                                (int) properties.socketTimeout().toMillis()))
                .build();
    }
}
