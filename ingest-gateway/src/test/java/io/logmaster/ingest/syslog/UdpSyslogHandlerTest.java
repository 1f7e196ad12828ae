package io.logmaster.ingest.syslog;

import io.logmaster.event.RawRecord;
import io.logmaster.ingest.metrics.DropReason;
import io.logmaster.ingest.metrics.GatewayMetrics;
import io.logmaster.ingest.publish.RecordingPublisher;
import io.logmaster.ingest.support.Transport;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

import static io.logmaster.ingest.syslog.Fixtures.assertEnvelope;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

class UdpSyslogHandlerTest {
    private static final int MAX = 256;
    private static final InetSocketAddress SENDER = new InetSocketAddress("10.9.8.7", 514);

    private final GatewayMetrics metrics = new GatewayMetrics();
    private final RecordingPublisher publisher = new RecordingPublisher();
    private final EmbeddedChannel channel =
            new EmbeddedChannel(new UdpSyslogHandler(Fixtures.records(), publisher, metrics, MAX));
    private final List<ByteBuf> written = new ArrayList<>();

    @AfterEach
    void releasesEverything() {
        assertThat(channel.finishAndReleaseAll()).isFalse();
        for (ByteBuf buf : written) {
            // Unpooled.EMPTY_BUFFER (an empty datagram) is never freed.
            if (buf.capacity() > 0) {
                assertThat(buf.refCnt()).isZero();
            }
        }
    }

    private void receive(byte[] payload, InetSocketAddress sender) {
        ByteBuf buf = Unpooled.wrappedBuffer(payload);
        written.add(buf);
        channel.writeInbound(new DatagramPacket(buf, Fixtures.LISTENER, sender));
    }

    private void receive(String text) {
        receive(text.getBytes(UTF_8), SENDER);
    }

    private List<RawRecord> published() {
        List<RawRecord> out = new ArrayList<>();
        publisher.records.drainTo(out);
        return out;
    }

    @Test
    void publishesDatagramWithFullEnvelope() {
        receive("<34>Oct 11 22:14:15 mymachine su: 'su root' failed");

        List<RawRecord> records = published();
        assertThat(records).hasSize(1);
        RawRecord record = records.get(0);
        assertThat(record.payload)
                .isEqualTo("<34>Oct 11 22:14:15 mymachine su: 'su root' failed".getBytes(UTF_8));
        assertThat(record.peerAddress).isEqualTo("10.9.8.7");
        assertThat(record.peerPort).isEqualTo(514);
        assertEnvelope(record, "udp", false);
        assertThat(metrics.messages(Transport.UDP)).isEqualTo(1);
        assertThat(metrics.bytes(Transport.UDP)).isEqualTo(50);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "lf|<13>msg\\n|<13>msg",
                "crlf|<13>msg\\r\\n|<13>msg",
                "nul|<13>msg\\0|<13>msg",
                "only one lf|<13>msg\\n\\n|<13>msg\\n",
                "bare cr kept|<13>msg\\r|<13>msg\\r",
                "inner newline kept|<13>a\\nb|<13>a\\nb",
                "nul before lf|<13>msg\\0\\n|<13>msg\\0"
            })
    void stripsOneTrailingTerminatorAndNothingElse(String name, String sent, String kept) {
        receive(unescape(sent));

        assertThat(published())
                .singleElement()
                .satisfies(r -> assertThat(new String(r.payload, UTF_8)).isEqualTo(unescape(kept)));
    }

    private static String unescape(String s) {
        return s.replace("\\n", "\n").replace("\\r", "\r").replace("\\0", "\0");
    }

    @Test
    void skipsAndCountsEmptyDatagrams() {
        receive("");
        receive("\n");
        receive("\r\n");

        assertThat(published()).isEmpty();
        assertThat(metrics.emptySkippedCount(Transport.UDP)).isEqualTo(3);
        assertThat(metrics.messages(Transport.UDP)).isZero();
    }

    @Test
    void cutsDatagramLongerThanMaxFrame() {
        receive("<13>" + "y".repeat(400));

        RawRecord record = published().get(0);
        assertThat(record.payload).hasSize(MAX);
        assertThat(new String(record.payload, UTF_8)).startsWith("<13>yyy");
        assertEnvelope(record, "udp", true);
        assertThat(metrics.truncatedCount(Transport.UDP)).isEqualTo(1);
    }

    @Test
    void dropsAndCountsDatagramWhilePublisherBackedUp() {
        publisher.backedUp(true);

        receive("<13>lost");

        assertThat(published()).isEmpty();
        assertThat(metrics.drops(DropReason.BACKPRESSURE)).isEqualTo(1);
        assertThat(metrics.messages(Transport.UDP)).isEqualTo(1);
    }

    @Test
    void countsDropWithReasonSpoolFullWhenTheSpoolHasNoRoom() {
        publisher.spoolFull(true);

        receive("<13>lost");

        assertThat(published()).isEmpty();
        assertThat(metrics.drops(DropReason.SPOOL_FULL)).isEqualTo(1);
        assertThat(metrics.drops(DropReason.BACKPRESSURE)).isZero();
    }

    @Test
    void writesIpv6PeerInCompressedFormWithoutBrackets() {
        receive("<13>v6".getBytes(UTF_8), new InetSocketAddress("2001:db8:0:0:0:0:0:1", 6000));

        RawRecord record = published().get(0);
        assertThat(record.peerAddress).isEqualTo("2001:db8::1");
        assertThat(record.peerPort).isEqualTo(6000);
    }
}
