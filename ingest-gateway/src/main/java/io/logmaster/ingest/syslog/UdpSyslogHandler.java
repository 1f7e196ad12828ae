package io.logmaster.ingest.syslog;

import io.logmaster.ingest.metrics.DropReason;
import io.logmaster.ingest.metrics.GatewayMetrics;
import io.logmaster.ingest.publish.RawRecordPublisher;
import io.logmaster.ingest.support.LogThrottle;
import io.logmaster.ingest.support.Transport;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes each UDP datagram as one message (RFC 5426 section 3.1). UDP cannot push back, so a
 * datagram that arrives while the publisher is backed up is dropped and counted by reason ({@code
 * spool_full} when the disk spool has no room, else {@code backpressure}).
 */
public final class UdpSyslogHandler extends SimpleChannelInboundHandler<DatagramPacket> {
    private static final Logger LOG = LoggerFactory.getLogger(UdpSyslogHandler.class);
    private static final LogThrottle DROP_LOG = new LogThrottle(10_000);

    private final RawRecordFactory records;
    private final RawRecordPublisher publisher;
    private final GatewayMetrics metrics;
    private final int maxFrame;

    public UdpSyslogHandler(
            RawRecordFactory records,
            RawRecordPublisher publisher,
            GatewayMetrics metrics,
            int maxFrame) {
        if (maxFrame <= 0) {
            throw new IllegalArgumentException("max frame must be > 0, got " + maxFrame);
        }
        this.records = records;
        this.publisher = publisher;
        this.metrics = metrics;
        this.maxFrame = maxFrame;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
        ByteBuf content = packet.content();
        int length = payloadLength(content);
        if (length == 0) {
            metrics.emptySkipped(Transport.UDP);
            return;
        }
        boolean truncated = length > maxFrame;
        if (truncated) {
            length = maxFrame;
        }
        metrics.received(Transport.UDP, length);
        if (truncated) {
            metrics.truncated(Transport.UDP);
        }
        if (publisher.isBackedUp()) {
            DropReason reason =
                    publisher.isSpoolFull() ? DropReason.SPOOL_FULL : DropReason.BACKPRESSURE;
            metrics.dropped(reason);
            long skipped = DROP_LOG.tryAcquire();
            if (skipped >= 0) {
                LOG.warn(
                        "Dropping UDP datagram from {} ({}): publisher backed up;"
                                + " {} similar messages suppressed",
                        packet.sender(),
                        reason.label(),
                        skipped);
            }
            return;
        }
        byte[] payload = ByteBufUtil.getBytes(content, content.readerIndex(), length);
        publisher.publish(
                records.create(
                        payload,
                        packet.sender(),
                        Transport.UDP,
                        RawRecordFactory.port(
                                packet.recipient() != null
                                        ? packet.recipient()
                                        : ctx.channel().localAddress()),
                        truncated));
    }

    /**
     * The datagram's length without one trailing LF, CRLF or NUL. Each datagram is exactly one
     * message, so such a trailer is not a delimiter but something many senders (BSD syslog, rsyslog
     * templates, network appliances) append out of habit. Dropping exactly one keeps a message
     * byte-identical whether it came over UDP or newline-framed TCP, where the trailer is framing;
     * every other byte, including a bare CR or further trailers, is kept.
     */
    static int payloadLength(ByteBuf content) {
        int length = content.readableBytes();
        int end = content.writerIndex();
        if (length >= 2 && content.getByte(end - 2) == '\r' && content.getByte(end - 1) == '\n') {
            return length - 2;
        }
        if (length >= 1 && (content.getByte(end - 1) == '\n' || content.getByte(end - 1) == 0)) {
            return length - 1;
        }
        return length;
    }
}
