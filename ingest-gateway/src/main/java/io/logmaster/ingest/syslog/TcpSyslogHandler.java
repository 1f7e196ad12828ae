package io.logmaster.ingest.syslog;

import io.logmaster.event.RawRecord;
import io.logmaster.ingest.metrics.GatewayMetrics;
import io.logmaster.ingest.publish.RawRecordPublisher;
import io.logmaster.ingest.support.LogThrottle;
import io.logmaster.ingest.support.Transport;
import io.logmaster.ingest.syslog.framing.SyslogFrame;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.SocketAddress;
import java.util.concurrent.RejectedExecutionException;

/**
 * Publishes each decoded frame of one TCP connection. When the publisher is backed up the
 * connection stops reading (autoRead off) until it drains, so TCP flow control pushes back on the
 * sender and accepted data is never dropped. One instance per connection.
 */
public final class TcpSyslogHandler extends SimpleChannelInboundHandler<SyslogFrame> {
    private static final Logger LOG = LoggerFactory.getLogger(TcpSyslogHandler.class);
    private static final LogThrottle ERROR_LOG = new LogThrottle(10_000);

    private final RawRecordFactory records;
    private final RawRecordPublisher publisher;
    private final GatewayMetrics metrics;
    private SocketAddress peer;
    private int listenerPort;
    private boolean paused;

    public TcpSyslogHandler(
            RawRecordFactory records, RawRecordPublisher publisher, GatewayMetrics metrics) {
        this.records = records;
        this.publisher = publisher;
        this.metrics = metrics;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        metrics.connectionOpened();
        peer = ctx.channel().remoteAddress();
        listenerPort = RawRecordFactory.port(ctx.channel().localAddress());
        LOG.debug("Syslog TCP connection from {} on port {}", peer, listenerPort);
        super.channelActive(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        metrics.connectionClosed();
        LOG.debug("Syslog TCP connection from {} closed", peer);
        super.channelInactive(ctx);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, SyslogFrame frame) {
        byte[] payload = ByteBufUtil.getBytes(frame.content());
        RawRecord record =
                records.create(payload, peer, Transport.TCP, listenerPort, frame.truncated());
        metrics.received(Transport.TCP, payload.length);
        if (frame.truncated()) {
            metrics.truncated(Transport.TCP);
        }
        publisher.publish(record);
        if (!paused && publisher.isBackedUp()) {
            pause(ctx.channel());
        }
    }

    private void pause(Channel channel) {
        paused = true;
        channel.config().setAutoRead(false);
        metrics.backpressurePause();
        LOG.debug("Pausing reads from {}: Kafka publisher backed up", peer);
        publisher.whenDrained(() -> scheduleResume(channel));
    }

    /** Runs on the publisher's thread; the event loop may already be gone during shutdown. */
    private void scheduleResume(Channel channel) {
        EventLoop loop = channel.eventLoop();
        if (loop.isShuttingDown()) {
            return;
        }
        try {
            loop.execute(() -> resume(channel));
        } catch (RejectedExecutionException e) {
            LOG.debug("Not resuming {}: event loop stopped", peer);
        }
    }

    private void resume(Channel channel) {
        paused = false;
        if (channel.isActive()) {
            LOG.debug("Resuming reads from {}", peer);
            channel.config().setAutoRead(true);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException) {
            // Peer resets and the like are expected network noise.
            LOG.debug("Syslog TCP connection from {} failed: {}", peer, cause.toString());
        } else {
            long skipped = ERROR_LOG.tryAcquire();
            if (skipped >= 0) {
                LOG.warn(
                        "Closing syslog TCP connection from {} after an error;"
                                + " {} similar messages suppressed",
                        peer,
                        skipped,
                        cause);
            }
        }
        ctx.close();
    }
}
