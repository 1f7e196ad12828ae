package io.logmaster.flink;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A test sink that keeps what it receives in memory (the MiniCluster runs in this JVM). */
final class CollectingSink<T> implements Sink<T> {
    private static final long serialVersionUID = 1L;
    private static final Map<String, List<Object>> RESULTS = new ConcurrentHashMap<>();

    private final String key = UUID.randomUUID().toString();

    CollectingSink() {
        RESULTS.put(key, new CopyOnWriteArrayList<>());
    }

    @SuppressWarnings("unchecked")
    List<T> received() {
        return (List<T>) (List<?>) RESULTS.get(key);
    }

    // Sink in Flink 1.20 still declares the InitContext variant abstract.
    @SuppressWarnings("deprecation")
    @Override
    public SinkWriter<T> createWriter(InitContext context) {
        List<Object> target = RESULTS.get(key);
        return new SinkWriter<>() {
            @Override
            public void write(T element, Context ctx) {
                target.add(element);
            }

            @Override
            public void flush(boolean endOfInput) {}

            @Override
            public void close() {}
        };
    }
}
