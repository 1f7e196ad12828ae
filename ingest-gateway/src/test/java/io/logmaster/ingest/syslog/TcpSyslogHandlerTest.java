package io.logmaster.ingest.syslog;

import io.logmaster.event.RawRecord;
import io.logmaster.ingest.metrics.GatewayMetrics;
import io.logmaster.ingest.publish.RecordingPublisher;
import io.logmaster.ingest.support.Transport;
import io.logmaster.ingest.syslog.framing.SyslogFrameDecoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.logmaster.ingest.syslog.Fixtures.assertEnvelope;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

class TcpSyslogHandlerTest {
    private static final int MAX = 256;

    private final GatewayMetrics metrics = new GatewayMetrics();
    private final RecordingPublisher publisher = new RecordingPublisher();
    private final EmbeddedChannel channel =
            Fixtures.tcpChannel(
                    new SyslogFrameDecoder(MAX, metrics),
                    new TcpSyslogHandler(Fixtures.records(), publisher, metrics));
    private final List<ByteBuf> written = new ArrayList<>();

    @AfterEach
    void releasesEverything() {
        channel.finishAndReleaseAll();
        for (ByteBuf buf : written) {
            assertThat(buf.refCnt()).isZero();
        }
    }

    private void write(byte[] bytes) {
        ByteBuf buf = Unpooled.wrappedBuffer(bytes);
        written.add(buf);
        channel.writeInbound(buf);
    }

    private void write(String text) {
        write(text.getBytes(UTF_8));
    }

    private List<RawRecord> published() {
        List<RawRecord> out = new ArrayList<>();
        publisher.records.drainTo(out);
        return out;
    }

    @Test
    void publishesEachLineWithFullEnvelope() {
        write("<34>1 2026-12-03T10:15:30Z fw1 sshd 123 ID47 - hello\n<13>bye\r\n");

        List<RawRecord> records = published();
        assertThat(records).hasSize(2);
        RawRecord first = records.get(0);
        assertThat(first.payload)
                .isEqualTo("<34>1 2026-12-03T10:15:30Z fw1 sshd 123 ID47 - hello".getBytes(UTF_8));
        assertThat(first.peerAddress).isEqualTo("10.1.2.3");
        assertThat(first.peerPort).isEqualTo(40_000);
        assertEnvelope(first, "tcp", false);
        assertThat(records.get(1).payload).isEqualTo("<13>bye".getBytes(UTF_8));
        assertThat(records.get(1).id).isNotEqualTo(first.id);
        assertThat(metrics.messages(Transport.TCP)).isEqualTo(2);
        assertThat(metrics.bytes(Transport.TCP)).isEqualTo(52 + 7);
    }

    @Test
    void publishesOctetCountedFramesWithEmbeddedNewlines() {
        write("12 <13>line1\nl212 <13>line3\nl4");

        List<RawRecord> records = published();
        assertThat(records)
                .extracting(r -> new String(r.payload, UTF_8))
                .containsExactly("<13>line1\nl2", "<13>line3\nl4");
    }

    @Test
    void flagsTruncatedFrame() {
        write("<13>" + "x".repeat(300) + "\n<13>ok\n");

        List<RawRecord> records = published();
        assertThat(records).hasSize(2);
        assertThat(records.get(0).payload).hasSize(MAX);
        assertEnvelope(records.get(0), "tcp", true);
        assertEnvelope(records.get(1), "tcp", false);
        assertThat(metrics.truncatedCount(Transport.TCP)).isEqualTo(1);
    }

    @Test
    void countsOpenConnections() {
        assertThat(metrics.openConnections()).isEqualTo(1);

        channel.close();

        assertThat(metrics.openConnections()).isZero();
    }

    @Test
    void deliversUnterminatedTailWhenPeerCloses() {
        write("<13>a\n<13>tail");

        channel.close();

        assertThat(published())
                .extracting(r -> new String(r.payload, UTF_8))
                .containsExactly("<13>a", "<13>tail");
        assertThat(metrics.incompleteAtCloseCount()).isEqualTo(1);
    }

    @Test
    void stopsReadingWhileBackedUpAndKeepsEveryDecodedFrame() {
        publisher.backedUp(true);

        write("<13>a\n<13>b\n<13>c\n");

        // Frames already read are published, never dropped; then reading stops.
        assertThat(published()).hasSize(3);
        assertThat(channel.config().isAutoRead()).isFalse();
        assertThat(metrics.backpressurePauses()).isEqualTo(1);
        assertThat(publisher.waiting()).isEqualTo(1);

        publisher.backedUp(false);
        channel.runPendingTasks();

        assertThat(channel.config().isAutoRead()).isTrue();
        write("<13>d\n");
        assertThat(published()).hasSize(1);
    }

    @Test
    void pausesOncePerBackupEpisode() {
        publisher.backedUp(true);
        write("<13>a\n");
        write("<13>b\n");

        assertThat(metrics.backpressurePauses()).isEqualTo(1);
        assertThat(publisher.waiting()).isEqualTo(1);

        publisher.backedUp(false);
        channel.runPendingTasks();
        publisher.backedUp(true);
        write("<13>c\n");

        assertThat(metrics.backpressurePauses()).isEqualTo(2);
        assertThat(published()).hasSize(3);
    }

    @Test
    void closesOnFramingErrorWithoutPublishing() {
        write("5x <13>a");

        assertThat(published()).isEmpty();
        assertThat(channel.isOpen()).isFalse();
        assertThat(metrics.framingErrors()).isEqualTo(1);
        assertThat(metrics.openConnections()).isZero();
    }
}
