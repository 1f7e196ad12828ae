package io.logmaster.flink.elastic;

import io.logmaster.event.LogEvent;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.elasticsearch.sink.Elasticsearch7SinkBuilder;
import org.apache.flink.connector.elasticsearch.sink.FlushBackoffType;
import org.apache.http.HttpHost;

import java.net.URI;
import java.util.List;

/**
 * The Elasticsearch sink of IngestJob: at-least-once bulk writes that are idempotent by {@code
 * _id}, so each event id is stored exactly once. Bulks flush every 1000 actions or every second, so
 * events are searchable quickly.
 */
public final class ElasticsearchEventSink {
    static final int BULK_MAX_ACTIONS = 1000;
    static final long BULK_INTERVAL_MS = 1000;

    private ElasticsearchEventSink() {}

    /** A sink writing to the cluster at {@code urls} (http or https, same path prefix). */
    public static Sink<LogEvent> create(List<URI> urls) {
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("Elasticsearch sink needs at least one URL");
        }
        HttpHost[] hosts =
                urls.stream()
                        .map(u -> new HttpHost(u.getHost(), u.getPort(), u.getScheme()))
                        .toArray(HttpHost[]::new);
        Elasticsearch7SinkBuilder<LogEvent> builder =
                new Elasticsearch7SinkBuilder<LogEvent>()
                        .setHosts(hosts)
                        .setEmitter(new EventIndexEmitter())
                        .setBulkFlushMaxActions(BULK_MAX_ACTIONS)
                        .setBulkFlushInterval(BULK_INTERVAL_MS)
                        .setBulkFlushBackoffStrategy(FlushBackoffType.EXPONENTIAL, 8, 500)
                        .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE);
        String prefix = urls.get(0).getPath();
        if (prefix != null && !prefix.isEmpty() && !"/".equals(prefix)) {
            builder.setConnectionPathPrefix(prefix);
        }
        return builder.build();
    }
}
