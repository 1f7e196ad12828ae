package io.logmaster.flink;

import io.logmaster.event.DailyFileLine;
import io.logmaster.event.LogEvent;
import io.logmaster.event.RawRecordHeaders;
import io.logmaster.flink.archive.DailyFileSink;
import io.logmaster.flink.source.DeadLetter;
import io.logmaster.flink.source.IncomingRecord;
import io.logmaster.flink.source.RawRecordDeserializer;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the real topology, with the real daily-file sink, on a MiniCluster at parallelism 2. */
class IngestPipelineTest {
    static final ZoneId ISTANBUL = ZoneId.of("Europe/Istanbul");

    @RegisterExtension
    static final MiniClusterExtension CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    @TempDir Path archive;

    @Test
    void splitsDeadLettersWritesDailyFilesAndParsesEvents() throws Exception {
        List<IncomingRecord> input = new ArrayList<>();
        input.add(
                kafka(
                        "id-1",
                        "2026-12-02T20:59:59Z",
                        "10.1.2.3",
                        "<34>1 2026-12-02T20:59:58Z fw1 sshd 1 - - before midnight"));
        input.add(
                kafka(
                        "id-2",
                        "2026-12-02T21:00:01Z",
                        "10.1.2.3",
                        "<34>1 2026-12-02T21:00:00Z fw1 sshd 1 - - after\nmidnight"));
        input.add(
                kafka(
                        "id-3",
                        "2026-12-03T08:00:00Z",
                        "2001:db8::1",
                        "<13>Dec  3 11:00:00 ap1 hostapd: nul\u0000here"));
        input.add(kafka(null, "2026-12-03T08:00:00Z", "10.9.9.9", "no id header"));

        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        env.enableCheckpointing(100);
        CollectingSink<DeadLetter> dlq = new CollectingSink<>();
        CollectingSink<LogEvent> es = new CollectingSink<>();
        CollectingSink<LogEvent> pg = new CollectingSink<>();
        CollectingSink<LogEvent> events = new CollectingSink<>();
        new IngestPipeline(
                        ISTANBUL,
                        new IngestPipeline.Sinks(
                                dlq,
                                DailyFileSink.create(archive.toUri(), ISTANBUL),
                                es,
                                pg,
                                events))
                .attach(
                        env.fromData(
                                        TypeInformation.of(IncomingRecord.class),
                                        input.toArray(new IncomingRecord[0]))
                                .uid("test-source"));

        env.execute("ingest pipeline test");

        assertThat(dlq.received())
                .singleElement()
                .satisfies(
                        d -> {
                            assertThat(d.reason).isEqualTo("missing header lm.id");
                            assertThat(new String(d.value, StandardCharsets.UTF_8))
                                    .isEqualTo("no id header");
                        });
        for (CollectingSink<LogEvent> sink : List.of(es, pg, events)) {
            assertThat(sink.received())
                    .extracting(e -> e.id + " " + e.day + " " + e.peerAddress)
                    .containsExactlyInAnyOrder(
                            "id-1 2026-12-02 10.1.2.3",
                            "id-2 2026-12-03 10.1.2.3",
                            "id-3 2026-12-03 2001:db8::1");
        }
        LogEvent withNul =
                es.received().stream().filter(e -> e.id.equals("id-3")).findFirst().orElseThrow();
        assertThat(withNul.original).contains("nul\u0000here");

        assertThat(lines("2026-12-02/10.1.2.3")).containsExactly(line(input.get(0)));
        assertThat(lines("2026-12-03/10.1.2.3")).containsExactly(line(input.get(1)));
        assertThat(lines("2026-12-03/2001_db8__1")).containsExactly(line(input.get(2)));
        try (Stream<Path> all = Files.walk(archive)) {
            assertThat(all.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                    .hasSize(3)
                    .allMatch(n -> n.startsWith("part-") && n.endsWith(".jsonl"));
        }
    }

    private static String line(IncomingRecord in) {
        return DailyFileLine.write(in.raw);
    }

    /** All lines of the finished part files of one bucket, in file order. */
    private List<String> lines(String bucket) throws Exception {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(archive.resolve(bucket))) {
            for (Path f : files.sorted(Comparator.naturalOrder()).toList()) {
                assertThat(f.getFileName().toString()).doesNotStartWith(".");
                String text = Files.readString(f, StandardCharsets.UTF_8);
                assertThat(text).endsWith("\n");
                out.addAll(List.of(text.split("\n")));
            }
        }
        return out;
    }

    /** Builds the incoming record the way the Kafka source does, from value and headers. */
    private static IncomingRecord kafka(String id, String received, String peer, String payload)
            throws Exception {
        Instant t = Instant.parse(received);
        RecordHeaders h = new RecordHeaders();
        if (id != null) {
            h.add(RawRecordHeaders.ID, RawRecordHeaders.value(id));
        }
        h.add(
                RawRecordHeaders.RECEIVED,
                RawRecordHeaders.value(
                        Long.toString(t.getEpochSecond() * 1_000_000_000L + t.getNano())));
        h.add(RawRecordHeaders.PEER_ADDRESS, RawRecordHeaders.value(peer));
        h.add(RawRecordHeaders.PEER_PORT, RawRecordHeaders.value("514"));
        h.add(RawRecordHeaders.TRANSPORT, RawRecordHeaders.value("udp"));
        h.add(RawRecordHeaders.LISTENER_PORT, RawRecordHeaders.value("5514"));
        h.add(RawRecordHeaders.GATEWAY, RawRecordHeaders.value("gw1"));
        byte[] value = payload.getBytes(StandardCharsets.UTF_8);
        ConsumerRecord<byte[], byte[]> record =
                new ConsumerRecord<>(
                        "logmaster.raw",
                        0,
                        0,
                        0L,
                        TimestampType.CREATE_TIME,
                        0,
                        value.length,
                        null,
                        value,
                        h,
                        Optional.empty());
        List<IncomingRecord> out = new ArrayList<>();
        new RawRecordDeserializer()
                .deserialize(
                        record,
                        new Collector<>() {
                            @Override
                            public void collect(IncomingRecord r) {
                                out.add(r);
                            }

                            @Override
                            public void close() {}
                        });
        return out.get(0);
    }
}
