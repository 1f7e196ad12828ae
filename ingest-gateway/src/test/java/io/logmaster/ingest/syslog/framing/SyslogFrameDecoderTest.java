package io.logmaster.ingest.syslog.framing;

import io.logmaster.ingest.metrics.GatewayMetrics;
import io.logmaster.ingest.support.Transport;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

class SyslogFrameDecoderTest {
    private static final int MAX = 8;

    private final GatewayMetrics metrics = new GatewayMetrics();
    private final EmbeddedChannel channel =
            new EmbeddedChannel(new SyslogFrameDecoder(MAX, metrics));
    private final List<ByteBuf> written = new ArrayList<>();

    /** A decoded frame as plain values, its buffer already released. */
    private record Frame(String text, boolean truncated) {}

    @AfterEach
    void everyBufferIsReleased() {
        channel.finishAndReleaseAll();
        for (ByteBuf buf : written) {
            assertThat(buf.refCnt()).as("input buffer released").isZero();
        }
    }

    private void write(String latin1) {
        ByteBuf buf = Unpooled.copiedBuffer(latin1, ISO_8859_1);
        written.add(buf);
        channel.writeInbound(buf);
    }

    private List<Frame> frames() {
        List<Frame> frames = new ArrayList<>();
        SyslogFrame frame;
        while ((frame = channel.readInbound()) != null) {
            frames.add(new Frame(frame.content().toString(ISO_8859_1), frame.truncated()));
            // A frame is a slice sharing the cumulation's count: everyBufferIsReleased checks it.
            frame.release();
        }
        return frames;
    }

    private static Frame ok(String text) {
        return new Frame(text, false);
    }

    private static Frame cut(String text) {
        return new Frame(text, true);
    }

    @Test
    void splitsLfTerminatedLines() {
        write("<1>a\n<2>bb\n");

        assertThat(frames()).containsExactly(ok("<1>a"), ok("<2>bb"));
        assertThat(channel.isActive()).isTrue();
    }

    @Test
    void joinsLinesSplitAcrossReads() {
        for (char c : "<1>ab\r\n<2>c\n".toCharArray()) {
            write(String.valueOf(c));
        }

        assertThat(frames()).containsExactly(ok("<1>ab"), ok("<2>c"));
    }

    @Test
    void splitsMergedAndPartialLinesAcrossReads() {
        write("<1>a\n<2");
        assertThat(frames()).containsExactly(ok("<1>a"));

        write(">b\n<3>c\n<4");
        write(">d\n");

        assertThat(frames()).containsExactly(ok("<2>b"), ok("<3>c"), ok("<4>d"));
    }

    @Test
    void stripsCrOnlyDirectlyBeforeLf() {
        write("<1>a\rb\r\n<2>c\r\r\n");

        assertThat(frames()).containsExactly(ok("<1>a\rb"), ok("<2>c\r"));
    }

    @Test
    void acceptsNulAsTrailer() {
        write("<1>a\0<2>b\n<3>c\r\0");

        // CR is only stripped before LF; before NUL it is payload.
        assertThat(frames()).containsExactly(ok("<1>a"), ok("<2>b"), ok("<3>c\r"));
    }

    @Test
    void skipsAndCountsEmptyLines() {
        write("\n\r\n\0<1>x\n\n");

        assertThat(frames()).containsExactly(ok("<1>x"));
        assertThat(metrics.emptySkippedCount(Transport.TCP)).isEqualTo(4);
    }

    @Test
    void keepsLineOfExactlyMaxLength() {
        write("<1>45678\n");
        write("<1>45678\r");
        write("\n");

        assertThat(frames()).containsExactly(ok("<1>45678"), ok("<1>45678"));
        assertThat(metrics.discardedBytesCount()).isZero();
    }

    @Test
    void cutsLongLineInOneReadAndKeepsNextLine() {
        write("<1>456789abc\n<2>next\n");

        assertThat(frames()).containsExactly(cut("<1>45678"), ok("<2>next"));
        assertThat(metrics.discardedBytesCount()).isEqualTo(4);
        assertThat(channel.isActive()).isTrue();
    }

    @Test
    void cutsLongLineArrivingInPiecesAndDiscardsUntilNewline() {
        write("<1>4567");
        write("89ab");
        assertThat(frames()).containsExactly(cut("<1>45678"));

        write("cdefghijklmnop");
        write("qrs\r\n<2>next");
        write("\n");

        assertThat(frames()).containsExactly(ok("<2>next"));
        assertThat(metrics.discardedBytesCount()).isEqualTo(3 + 14 + 4);
    }

    @Test
    void deliversUnterminatedLastLineAtClose() {
        write("<1>a\n<2>tail");

        assertThat(channel.finish()).isTrue();

        assertThat(frames()).containsExactly(ok("<1>a"), ok("<2>tail"));
        assertThat(metrics.incompleteAtCloseCount()).isEqualTo(1);
    }

    @Test
    void deliversTailWithoutHalfWrittenCrlfAtClose() {
        write("<1>tail\r");

        channel.finish();

        assertThat(frames()).containsExactly(ok("<1>tail"));
        assertThat(metrics.incompleteAtCloseCount()).isEqualTo(1);
    }

    @Test
    void dropsRestOfCutLineAtClose() {
        write("<1>456789abcdef");

        channel.finish();

        assertThat(frames()).containsExactly(cut("<1>45678"));
        assertThat(metrics.incompleteAtCloseCount()).isZero();
        assertThat(metrics.discardedBytesCount()).isEqualTo(7);
    }

    @Test
    void decodesOctetCountedFrames() {
        write("4 <1>a5 <2>\nb");

        // Octet counting is transparent: LF and NUL inside a frame are payload.
        assertThat(frames()).containsExactly(ok("<1>a"), ok("<2>\nb"));
    }

    @Test
    void decodesOctetCountedFramesSplitByteByByte() {
        for (char c : "6 <1>a\0b8 <2>45678".toCharArray()) {
            write(String.valueOf(c));
        }

        assertThat(frames()).containsExactly(ok("<1>a\0b"), ok("<2>45678"));
        assertThat(channel.isActive()).isTrue();
    }

    @Test
    void closesConnectionOnOctetCountAboveMax() {
        write("9 <1>456789");

        assertThat(frames()).isEmpty();
        assertThat(channel.isOpen()).isFalse();
        assertThat(metrics.framingErrors()).isEqualTo(1);
    }

    @Test
    void closesConnectionOnHugeOctetCountWithoutWaitingForSpace() {
        write("99999999999999999999");

        assertThat(channel.isOpen()).isFalse();
        assertThat(metrics.framingErrors()).isEqualTo(1);
    }

    @Test
    void closesConnectionOnNonDigitInOctetCount() {
        write("1x <1>a");

        assertThat(frames()).isEmpty();
        assertThat(channel.isOpen()).isFalse();
        assertThat(metrics.framingErrors()).isEqualTo(1);
    }

    @Test
    void closesConnectionOnLeadingZeroOctetCount() {
        write("04 <1>a");

        assertThat(channel.isOpen()).isFalse();
        assertThat(metrics.framingErrors()).isEqualTo(1);
    }

    @Test
    void keepsFramesBeforeABadOctetCount() {
        write("4 <1>a\n4 <2>b");

        assertThat(frames()).containsExactly(ok("<1>a"));
        assertThat(channel.isOpen()).isFalse();
        assertThat(metrics.framingErrors()).isEqualTo(1);
    }

    @Test
    void deliversUnfinishedOctetCountedFrameAsTruncatedAtClose() {
        write("8 <1>4");

        channel.finish();

        assertThat(frames()).containsExactly(cut("<1>4"));
        assertThat(metrics.incompleteAtCloseCount()).isEqualTo(1);
        assertThat(metrics.framingErrors()).isZero();
    }

    @Test
    void countsBareOctetCountAtCloseAsFramingError() {
        write("4 <1>a1");

        channel.finish();

        assertThat(frames()).containsExactly(ok("<1>a"));
        assertThat(metrics.framingErrors()).isEqualTo(1);
    }

    @Test
    void countsNothingForCleanClose() {
        write("<1>a\n");

        channel.finish();

        assertThat(frames()).containsExactly(ok("<1>a"));
        assertThat(metrics.incompleteAtCloseCount()).isZero();
        assertThat(metrics.framingErrors()).isZero();
        assertThat(metrics.emptySkippedCount(Transport.TCP)).isZero();
    }
}
