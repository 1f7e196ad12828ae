package io.logmaster.flink.elastic;

import io.logmaster.event.EcsJson;
import io.logmaster.event.LogEvent;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.connector.elasticsearch.sink.ElasticsearchEmitter;
import org.apache.flink.connector.elasticsearch.sink.RequestIndexer;
import org.elasticsearch.action.index.IndexRequest;
import org.elasticsearch.common.xcontent.XContentType;

/**
 * Turns each event into an index request: daily index, {@code _id} = event id (a replay overwrites
 * instead of duplicating), source = the ECS JSON document.
 */
final class EventIndexEmitter implements ElasticsearchEmitter<LogEvent> {
    private static final long serialVersionUID = 1L;

    @Override
    public void emit(LogEvent event, SinkWriter.Context context, RequestIndexer indexer) {
        indexer.add(request(event));
    }

    static IndexRequest request(LogEvent event) {
        return new IndexRequest(EventIndexNames.forReceived(event.receivedNanos))
                .id(event.id)
                .source(EcsJson.write(event), XContentType.JSON);
    }
}
