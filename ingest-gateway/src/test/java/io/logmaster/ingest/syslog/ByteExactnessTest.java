package io.logmaster.ingest.syslog;

import io.logmaster.event.RawRecord;
import io.logmaster.event.Topics;
import io.logmaster.ingest.metrics.GatewayMetrics;
import io.logmaster.ingest.publish.KafkaRecords;
import io.logmaster.ingest.publish.RecordingPublisher;
import io.logmaster.ingest.syslog.framing.SyslogFrameDecoder;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

/** Hostile payloads reach the Kafka value byte for byte: nothing decodes, escapes or cleans. */
class ByteExactnessTest {
    /**
     * Invalid UTF-8 (a lone continuation byte, a truncated sequence, 0xFF, an overlong NUL), an
     * embedded NUL, markup and a bare CR.
     */
    private static final byte[] HOSTILE =
            concat(
                    "<13>1 - host app - - - ".getBytes(US_ASCII),
                    new byte[] {
                        (byte) 0x80, (byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xC0, (byte) 0x80
                    },
                    " a\0b ".getBytes(US_ASCII),
                    "<script>alert('x')</script>".getBytes(US_ASCII),
                    " \r end".getBytes(US_ASCII));

    /** The same without NUL, which newline framing treats as a trailer. */
    private static final byte[] HOSTILE_NO_NUL =
            concat(
                    "<13>".getBytes(US_ASCII),
                    new byte[] {(byte) 0x80, (byte) 0xC3, (byte) 0x28, (byte) 0xFF},
                    "<script>alert(1)</script>\r x".getBytes(US_ASCII));

    private final GatewayMetrics metrics = new GatewayMetrics();
    private final RecordingPublisher publisher = new RecordingPublisher();

    @Test
    void udpPayloadReachesKafkaValueUnchanged() {
        EmbeddedChannel channel =
                new EmbeddedChannel(
                        new UdpSyslogHandler(Fixtures.records(), publisher, metrics, 65_536));

        channel.writeInbound(
                new DatagramPacket(
                        Unpooled.wrappedBuffer(HOSTILE),
                        Fixtures.LISTENER,
                        new InetSocketAddress("10.0.0.1", 514)));

        assertKafkaValueIs(HOSTILE);
        assertThat(channel.finishAndReleaseAll()).isFalse();
    }

    @Test
    void octetCountedTcpPayloadReachesKafkaValueUnchanged() {
        EmbeddedChannel channel = tcpChannel();

        channel.writeInbound(
                Unpooled.wrappedBuffer(concat((HOSTILE.length + " ").getBytes(US_ASCII), HOSTILE)));

        assertKafkaValueIs(HOSTILE);
        channel.finishAndReleaseAll();
    }

    @Test
    void newlineFramedTcpPayloadReachesKafkaValueUnchanged() {
        EmbeddedChannel channel = tcpChannel();

        channel.writeInbound(Unpooled.wrappedBuffer(concat(HOSTILE_NO_NUL, new byte[] {'\n'})));

        assertKafkaValueIs(HOSTILE_NO_NUL);
        channel.finishAndReleaseAll();
    }

    private EmbeddedChannel tcpChannel() {
        return Fixtures.tcpChannel(
                new SyslogFrameDecoder(65_536, metrics),
                new TcpSyslogHandler(Fixtures.records(), publisher, metrics));
    }

    private void assertKafkaValueIs(byte[] expected) {
        RawRecord record = publisher.records.poll();
        assertThat(record).isNotNull();
        assertThat(record.payload).isEqualTo(expected);
        assertThat(KafkaRecords.toProducerRecord(Topics.RAW, record).value()).isEqualTo(expected);
        assertThat(publisher.records).isEmpty();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
