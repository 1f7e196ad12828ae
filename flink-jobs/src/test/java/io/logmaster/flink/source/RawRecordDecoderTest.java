package io.logmaster.flink.source;

import io.logmaster.event.RawRecord;
import io.logmaster.event.RawRecordHeaders;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RawRecordDecoderTest {
    static final byte[] PAYLOAD =
            "<34>1 2026-12-03T10:15:30.123Z fw1 sshd 123 ID47 - hello\n"
                    .getBytes(StandardCharsets.UTF_8);

    static RecordHeaders fullHeaders() {
        RecordHeaders h = new RecordHeaders();
        h.add(RawRecordHeaders.ID, bytes("0193a1b2-0000-7000-8000-000000000001"));
        h.add(RawRecordHeaders.RECEIVED, bytes("1796292930456789012"));
        h.add(RawRecordHeaders.PEER_ADDRESS, bytes("10.1.2.3"));
        h.add(RawRecordHeaders.PEER_PORT, bytes("514"));
        h.add(RawRecordHeaders.TRANSPORT, bytes("udp"));
        h.add(RawRecordHeaders.LISTENER_PORT, bytes("5514"));
        h.add(RawRecordHeaders.GATEWAY, bytes("gw1"));
        return h;
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static IncomingRecord decode(byte[] value, Headers headers) {
        return RawRecordDecoder.decode("logmaster.raw", 2, 41, bytes("10.1.2.3"), value, headers);
    }

    @Test
    void decodesHeadersAndKeepsPayloadBytes() {
        IncomingRecord in = decode(PAYLOAD, fullHeaders());

        assertThat(in.dead).isNull();
        RawRecord raw = in.raw;
        assertThat(raw.id).isEqualTo("0193a1b2-0000-7000-8000-000000000001");
        assertThat(raw.receivedNanos).isEqualTo(1796292930456789012L);
        assertThat(raw.peerAddress).isEqualTo("10.1.2.3");
        assertThat(raw.peerPort).isEqualTo(514);
        assertThat(raw.transport).isEqualTo("udp");
        assertThat(raw.listenerPort).isEqualTo(5514);
        assertThat(raw.gateway).isEqualTo("gw1");
        assertThat(raw.truncated).isFalse();
        assertThat(raw.payload).isEqualTo(PAYLOAD);
    }

    @Test
    void readsTruncatedFlag() {
        RecordHeaders h = fullHeaders();
        h.add(RawRecordHeaders.TRUNCATED, bytes("true"));

        assertThat(decode(PAYLOAD, h).raw.truncated).isTrue();
    }

    @Test
    void keepsInvalidUtf8PayloadExactly() {
        byte[] binary = {(byte) 0xff, 0, (byte) 0xc3, '\n'};

        assertThat(decode(binary, fullHeaders()).raw.payload).isEqualTo(binary);
    }

    @Test
    void missingIdHeaderBecomesDeadLetterWithEverythingAsRead() {
        RecordHeaders h = fullHeaders();
        h.remove(RawRecordHeaders.ID);

        IncomingRecord in = decode(PAYLOAD, h);

        assertThat(in.raw).isNull();
        DeadLetter d = in.dead;
        assertThat(d.reason).isEqualTo("missing header lm.id");
        assertThat(d.topic).isEqualTo("logmaster.raw");
        assertThat(d.partition).isEqualTo(2);
        assertThat(d.offset).isEqualTo(41);
        assertThat(d.origin()).isEqualTo("logmaster.raw-2@41");
        assertThat(d.key).isEqualTo(bytes("10.1.2.3"));
        assertThat(d.value).isEqualTo(PAYLOAD);
        assertThat(d.headerKeys)
                .containsExactly(
                        RawRecordHeaders.RECEIVED,
                        RawRecordHeaders.PEER_ADDRESS,
                        RawRecordHeaders.PEER_PORT,
                        RawRecordHeaders.TRANSPORT,
                        RawRecordHeaders.LISTENER_PORT,
                        RawRecordHeaders.GATEWAY);
        assertThat(d.headerValues[2]).isEqualTo(bytes("514"));
    }

    @Test
    void namesEachMissingHeader() {
        for (String name :
                List.of(
                        RawRecordHeaders.RECEIVED,
                        RawRecordHeaders.PEER_ADDRESS,
                        RawRecordHeaders.PEER_PORT,
                        RawRecordHeaders.TRANSPORT,
                        RawRecordHeaders.LISTENER_PORT,
                        RawRecordHeaders.GATEWAY)) {
            RecordHeaders h = fullHeaders();
            h.remove(name);

            assertThat(decode(PAYLOAD, h).dead.reason).isEqualTo("missing header " + name);
        }
    }

    @Test
    void rejectsMalformedNumbersAndHostileValues() {
        assertThat(reasonWith(RawRecordHeaders.RECEIVED, "12x"))
                .isEqualTo("bad header lm.received: '12x'");
        assertThat(reasonWith(RawRecordHeaders.RECEIVED, "-5"))
                .isEqualTo("bad header lm.received: '-5'");
        assertThat(reasonWith(RawRecordHeaders.RECEIVED, "99999999999999999999"))
                .startsWith("bad header lm.received");
        assertThat(reasonWith(RawRecordHeaders.PEER_PORT, "70000"))
                .isEqualTo("bad header lm.peer.port: '70000'");
        assertThat(reasonWith(RawRecordHeaders.LISTENER_PORT, ""))
                .isEqualTo("bad header lm.listener.port: ''");
        assertThat(reasonWith(RawRecordHeaders.ID, "a b")).startsWith("bad header lm.id");
        assertThat(reasonWith(RawRecordHeaders.ID, "x".repeat(129))).startsWith("bad header lm.id");
        assertThat(reasonWith(RawRecordHeaders.PEER_ADDRESS, "10.0.0.1\n"))
                .startsWith("bad header lm.peer.addr");
        assertThat(reasonWith(RawRecordHeaders.PEER_ADDRESS, "y".repeat(300))).hasSizeLessThan(120);
    }

    private static String reasonWith(String header, String value) {
        RecordHeaders h = fullHeaders();
        h.remove(header);
        h.add(header, bytes(value));
        IncomingRecord in = decode(PAYLOAD, h);
        assertThat(in.raw).isNull();
        return in.dead.reason;
    }

    @Test
    void nullValueIsDeadLetter() {
        IncomingRecord in = decode(null, fullHeaders());

        assertThat(in.raw).isNull();
        assertThat(in.dead.reason).isEqualTo("no payload (null value)");
        assertThat(in.dead.headerKeys).hasSize(7);
    }

    @Test
    void noHeadersAtAllIsDeadLetter() {
        IncomingRecord in = decode(PAYLOAD, new RecordHeaders());

        assertThat(in.dead.reason).isEqualTo("missing header lm.id");
        assertThat(in.dead.headerKeys).isEmpty();
    }

    @Test
    void deserializerEmitsExactlyOneRecordPerKafkaRecord() throws Exception {
        RecordHeaders bad = fullHeaders();
        bad.remove(RawRecordHeaders.ID);
        List<IncomingRecord> out = new ArrayList<>();
        Collector<IncomingRecord> collector =
                new Collector<>() {
                    @Override
                    public void collect(IncomingRecord record) {
                        out.add(record);
                    }

                    @Override
                    public void close() {}
                };
        RawRecordDeserializer deserializer = new RawRecordDeserializer();

        deserializer.deserialize(kafkaRecord(fullHeaders()), collector);
        deserializer.deserialize(kafkaRecord(bad), collector);

        assertThat(out).hasSize(2);
        assertThat(out.get(0).raw.id).isEqualTo("0193a1b2-0000-7000-8000-000000000001");
        assertThat(out.get(1).dead.offset).isEqualTo(7);
        assertThat(deserializer.getProducedType().getTypeClass()).isEqualTo(IncomingRecord.class);
    }

    private static ConsumerRecord<byte[], byte[]> kafkaRecord(Headers headers) {
        return new ConsumerRecord<>(
                "logmaster.raw",
                0,
                7,
                0L,
                TimestampType.CREATE_TIME,
                8,
                PAYLOAD.length,
                bytes("10.1.2.3"),
                PAYLOAD,
                headers,
                Optional.empty());
    }
}
