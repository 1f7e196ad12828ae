package io.logmaster.flink;

import io.logmaster.event.LogEvent;
import io.logmaster.event.RawRecord;
import io.logmaster.flink.source.DeadLetter;
import io.logmaster.flink.source.DeadLetterSplitFunction;
import io.logmaster.flink.source.IncomingRecord;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

import java.time.ZoneId;
import java.util.Objects;

/**
 * The topology of IngestJob behind its source: split off dead letters, write the raw records to the
 * daily files, parse them and write the events to Elasticsearch, PostgreSQL and {@code
 * logmaster.events}. Sinks come in through {@link Sinks}, so tests run the same topology with their
 * own. Operator uids are stable: changing one orphans its checkpointed state.
 */
final class IngestPipeline {
    /** The sinks of the pipeline. */
    record Sinks(
            Sink<DeadLetter> deadLetters,
            Sink<RawRecord> dailyFiles,
            Sink<LogEvent> elasticsearch,
            Sink<LogEvent> postgres,
            Sink<LogEvent> events) {
        Sinks {
            Objects.requireNonNull(deadLetters, "deadLetters sink");
            Objects.requireNonNull(dailyFiles, "dailyFiles sink");
            Objects.requireNonNull(elasticsearch, "elasticsearch sink");
            Objects.requireNonNull(postgres, "postgres sink");
            Objects.requireNonNull(events, "events sink");
        }
    }

    private final ZoneId zone;
    private final Sinks sinks;

    IngestPipeline(ZoneId zone, Sinks sinks) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.sinks = Objects.requireNonNull(sinks, "sinks");
    }

    /** Attaches the pipeline to the records read from {@code logmaster.raw}. */
    void attach(DataStream<IncomingRecord> incoming) {
        SingleOutputStreamOperator<RawRecord> raw =
                incoming.process(new DeadLetterSplitFunction())
                        .name("split dead letters")
                        .uid("split-dead-letters");

        raw.getSideOutput(DeadLetterSplitFunction.DEAD_LETTERS)
                .sinkTo(sinks.deadLetters())
                .name("dead letters: logmaster.dlq")
                .uid("dlq-sink");

        raw.sinkTo(sinks.dailyFiles()).name("daily files").uid("daily-files-sink");

        SingleOutputStreamOperator<LogEvent> events =
                raw.map(new ParseFunction(zone)).name("parse syslog").uid("parse-syslog");

        events.sinkTo(sinks.elasticsearch()).name("elasticsearch").uid("elasticsearch-sink");
        events.sinkTo(sinks.postgres()).name("postgresql: events").uid("postgres-sink");
        events.sinkTo(sinks.events()).name("kafka: logmaster.events").uid("events-kafka-sink");
    }
}
