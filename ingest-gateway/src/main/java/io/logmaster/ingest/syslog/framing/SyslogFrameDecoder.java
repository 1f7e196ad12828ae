package io.logmaster.ingest.syslog.framing;

import io.logmaster.ingest.metrics.GatewayMetrics;
import io.logmaster.ingest.support.LogThrottle;
import io.logmaster.ingest.support.Transport;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.util.ByteProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Splits a syslog TCP stream into {@link SyslogFrame}s. The framing is chosen once per connection
 * from its first byte (RFC 6587 section 3.4): a digit means octet counting ({@code MSG-LEN SP
 * SYSLOG-MSG}, section 3.4.1), anything else non-transparent framing (section 3.4.2) with LF as
 * trailer (a CR before it is dropped) and NUL accepted as a trailer too.
 *
 * <p>Every byte gets a counted outcome. Empty lines are skipped. A line longer than the limit is
 * delivered cut to the limit and flagged truncated, the rest of it is discarded up to the next
 * trailer. A bad or too large octet count cannot be resynchronised, so the connection is closed as
 * a framing error. An unfinished frame when the peer closes is still delivered. One instance per
 * connection.
 */
public final class SyslogFrameDecoder extends ByteToMessageDecoder {
    private static final Logger LOG = LoggerFactory.getLogger(SyslogFrameDecoder.class);
    private static final LogThrottle FRAMING_LOG = new LogThrottle(10_000);

    /** Stops at LF or NUL, the trailers of non-transparent framing. */
    private static final ByteProcessor FIND_TRAILER = b -> b != '\n' && b != 0;

    private enum Mode {
        DETECT,
        OCTET_COUNTING,
        NON_TRANSPARENT,
        FAILED
    }

    private final int maxFrame;
    private final GatewayMetrics metrics;
    private Mode mode = Mode.DETECT;

    /** Non-transparent framing: the rest of a cut line is being thrown away. */
    private boolean discarding;

    /** Non-transparent framing: bytes after the reader index already searched for a trailer. */
    private int scanned;

    public SyslogFrameDecoder(int maxFrame, GatewayMetrics metrics) {
        if (maxFrame <= 0) {
            throw new IllegalArgumentException("max frame must be > 0, got " + maxFrame);
        }
        this.maxFrame = maxFrame;
        this.metrics = metrics;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (mode == Mode.DETECT) {
            if (!in.isReadable()) {
                return;
            }
            mode =
                    isDigit(in.getByte(in.readerIndex()))
                            ? Mode.OCTET_COUNTING
                            : Mode.NON_TRANSPARENT;
        }
        switch (mode) {
            case OCTET_COUNTING -> decodeOctetCounted(ctx, in, out);
            case NON_TRANSPARENT -> decodeLine(in, out);
            default -> in.skipBytes(in.readableBytes());
        }
    }

    @Override
    protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        // The caller has already decoded every complete frame; what is left is unfinished.
        if (!in.isReadable()) {
            return;
        }
        switch (mode) {
            case NON_TRANSPARENT -> lastLine(in, out);
            case OCTET_COUNTING -> lastOctetCounted(ctx, in, out);
            default -> in.skipBytes(in.readableBytes());
        }
    }

    /** RFC 6587 section 3.4.1: {@code MSG-LEN = NONZERO-DIGIT *DIGIT}, then one space. */
    private void decodeOctetCounted(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        int start = in.readerIndex();
        int end = in.writerIndex();
        long length = 0;
        int i = start;
        for (; i < end; i++) {
            byte b = in.getByte(i);
            if (b == ' ') {
                break;
            }
            if (!isDigit(b) || (i == start && b == '0')) {
                fail(ctx, in, "bad octet count: byte 0x%02x at offset %d", b & 0xff, i - start);
                return;
            }
            length = length * 10 + (b - '0');
            if (length > maxFrame) {
                fail(ctx, in, "octet count exceeds the %d byte limit", maxFrame);
                return;
            }
        }
        if (i == end) {
            return;
        }
        if (i == start) {
            fail(ctx, in, "missing octet count before the space");
            return;
        }
        int header = i - start + 1;
        if (in.readableBytes() < header + length) {
            return;
        }
        in.skipBytes(header);
        out.add(new SyslogFrame(in.readRetainedSlice((int) length), false));
    }

    private void lastOctetCounted(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        int space = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) ' ');
        if (space < 0) {
            // Only (part of) a length arrived: there is no message to keep.
            fail(ctx, in, "connection closed inside an octet count (%d bytes)", in.readableBytes());
            return;
        }
        in.skipBytes(space + 1 - in.readerIndex());
        if (!in.isReadable()) {
            fail(ctx, in, "connection closed after an octet count, before the message");
            return;
        }
        metrics.incompleteAtClose();
        // Fewer bytes than the count announced: the message was cut.
        out.add(new SyslogFrame(in.readRetainedSlice(in.readableBytes()), true));
    }

    private void decodeLine(ByteBuf in, List<Object> out) {
        int start = in.readerIndex();
        int readable = in.readableBytes();
        int trailer = in.forEachByte(start + scanned, readable - scanned, FIND_TRAILER);
        if (trailer < 0) {
            if (discarding) {
                metrics.discardedBytes(readable);
                in.skipBytes(readable);
                scanned = 0;
            } else if (readable > maxFrame
                    && !(readable == maxFrame + 1 && in.getByte(start + maxFrame) == '\r')) {
                // Too long and no end in sight: deliver the start, drop the rest of this line.
                out.add(new SyslogFrame(in.readRetainedSlice(maxFrame), true));
                metrics.discardedBytes(readable - maxFrame);
                in.skipBytes(readable - maxFrame);
                discarding = true;
                scanned = 0;
            } else {
                scanned = readable;
            }
            return;
        }
        scanned = 0;
        int lineLength = trailer - start;
        if (discarding) {
            metrics.discardedBytes(lineLength);
            in.skipBytes(lineLength + 1);
            discarding = false;
            return;
        }
        int length = lineLength;
        if (in.getByte(trailer) == '\n' && length > 0 && in.getByte(trailer - 1) == '\r') {
            length--;
        }
        if (length == 0) {
            metrics.emptySkipped(Transport.TCP);
        } else if (length > maxFrame) {
            out.add(new SyslogFrame(in.retainedSlice(start, maxFrame), true));
            metrics.discardedBytes(length - maxFrame);
        } else {
            out.add(new SyslogFrame(in.retainedSlice(start, length), false));
        }
        in.skipBytes(lineLength + 1);
    }

    private void lastLine(ByteBuf in, List<Object> out) {
        int readable = in.readableBytes();
        if (discarding) {
            metrics.discardedBytes(readable);
            in.skipBytes(readable);
            return;
        }
        int length = readable;
        // A CR at the very end is the first half of a CRLF trailer that never completed.
        if (in.getByte(in.writerIndex() - 1) == '\r') {
            length--;
        }
        if (length == 0) {
            metrics.emptySkipped(Transport.TCP);
        } else {
            metrics.incompleteAtClose();
            out.add(new SyslogFrame(in.retainedSlice(in.readerIndex(), length), false));
        }
        in.skipBytes(readable);
    }

    private void fail(ChannelHandlerContext ctx, ByteBuf in, String reason, Object... args) {
        mode = Mode.FAILED;
        metrics.framingError();
        int dropped = in.readableBytes();
        in.skipBytes(dropped);
        long skipped = FRAMING_LOG.tryAcquire();
        if (skipped >= 0) {
            LOG.warn(
                    "Closing syslog connection from {}: {} ({} buffered bytes dropped);"
                            + " {} similar messages suppressed",
                    ctx.channel().remoteAddress(),
                    String.format(reason, args),
                    dropped,
                    skipped);
        }
        ctx.close();
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }
}
