package io.logmaster.ingest.syslog;

import io.logmaster.ingest.GatewayConfig;
import io.logmaster.ingest.metrics.GatewayMetrics;
import io.logmaster.ingest.publish.RawRecordPublisher;
import io.logmaster.ingest.syslog.framing.SyslogFrameDecoder;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The syslog listeners: one UDP socket and one TCP server socket on the configured address, with
 * native epoll when available and NIO otherwise. The constructor binds both (or fails and releases
 * everything); {@link #close()} stops accepting, closes open connections (delivering their
 * unfinished frames) and stops the event loops.
 */
public final class SyslogServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SyslogServer.class);

    /** Requested UDP receive buffer; the kernel caps it at net.core.rmem_max. */
    static final int UDP_RECEIVE_BUFFER = 8 * 1024 * 1024;

    /** Largest UDP payload is 65,507 bytes (IPv4); one buffer of 64 KiB holds any datagram. */
    static final int UDP_READ_BUFFER = 64 * 1024;

    private final EventLoopGroup bossGroup;
    private final EventLoopGroup workerGroup;
    private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final Channel udpChannel;
    private final Channel tcpChannel;
    private final boolean epoll;

    public SyslogServer(
            GatewayConfig config,
            RawRecordFactory records,
            RawRecordPublisher publisher,
            GatewayMetrics metrics) {
        epoll = Epoll.isAvailable();
        if (!epoll) {
            LOG.info(
                    "Native epoll unavailable ({}), using NIO",
                    String.valueOf(Epoll.unavailabilityCause()));
        }
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        bossGroup = new MultiThreadIoEventLoopGroup(1, io);
        workerGroup = new MultiThreadIoEventLoopGroup(0, io);
        try {
            udpChannel = bindUdp(config, records, publisher, metrics);
            tcpChannel = bindTcp(config, records, publisher, metrics);
        } catch (RuntimeException e) {
            shutdownGroups();
            throw e;
        }
        int rcvbuf = udpChannel.config().getOption(ChannelOption.SO_RCVBUF);
        metrics.udpReceiveBufferBytes(rcvbuf);
        LOG.info(
                "Syslog listening on {} udp={} tcp={} ({}, max frame {} bytes, UDP SO_RCVBUF"
                        + " {} bytes of {} requested)",
                config.syslogBind(),
                udpPort(),
                tcpPort(),
                epoll ? "epoll" : "nio",
                config.maxFrame(),
                rcvbuf,
                UDP_RECEIVE_BUFFER);
    }

    private Channel bindUdp(
            GatewayConfig config,
            RawRecordFactory records,
            RawRecordPublisher publisher,
            GatewayMetrics metrics) {
        Class<? extends DatagramChannel> type =
                epoll ? EpollDatagramChannel.class : NioDatagramChannel.class;
        Bootstrap bootstrap =
                new Bootstrap()
                        .group(workerGroup)
                        .channel(type)
                        .option(ChannelOption.SO_RCVBUF, UDP_RECEIVE_BUFFER)
                        .option(
                                ChannelOption.RECVBUF_ALLOCATOR,
                                new FixedRecvByteBufAllocator(UDP_READ_BUFFER))
                        .handler(
                                new UdpSyslogHandler(
                                        records, publisher, metrics, config.maxFrame()));
        InetSocketAddress address = new InetSocketAddress(config.syslogBind(), config.udpPort());
        return bind(bootstrap.bind(address), "UDP", address);
    }

    private Channel bindTcp(
            GatewayConfig config,
            RawRecordFactory records,
            RawRecordPublisher publisher,
            GatewayMetrics metrics) {
        Class<? extends ServerSocketChannel> type =
                epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        ServerBootstrap bootstrap =
                new ServerBootstrap()
                        .group(bossGroup, workerGroup)
                        .channel(type)
                        .option(ChannelOption.SO_BACKLOG, 1024)
                        .childOption(ChannelOption.SO_KEEPALIVE, true)
                        .childHandler(
                                new ChannelInitializer<SocketChannel>() {
                                    @Override
                                    protected void initChannel(SocketChannel ch) {
                                        connections.add(ch);
                                        ch.pipeline()
                                                .addLast(
                                                        "framing",
                                                        new SyslogFrameDecoder(
                                                                config.maxFrame(), metrics))
                                                .addLast(
                                                        "publish",
                                                        new TcpSyslogHandler(
                                                                records, publisher, metrics));
                                    }
                                });
        InetSocketAddress address = new InetSocketAddress(config.syslogBind(), config.tcpPort());
        return bind(bootstrap.bind(address), "TCP", address);
    }

    private static Channel bind(
            io.netty.channel.ChannelFuture future, String what, InetSocketAddress address) {
        future.awaitUninterruptibly();
        if (!future.isSuccess()) {
            throw new IllegalStateException(
                    "cannot bind syslog " + what + " listener on " + address, future.cause());
        }
        return future.channel();
    }

    /** The bound UDP port (useful when configured as 0). */
    public int udpPort() {
        return ((InetSocketAddress) udpChannel.localAddress()).getPort();
    }

    /** The bound TCP port (useful when configured as 0). */
    public int tcpPort() {
        return ((InetSocketAddress) tcpChannel.localAddress()).getPort();
    }

    /** Open TCP connections right now. */
    public int connectionCount() {
        return connections.size();
    }

    /** Stops accepting datagrams and connections; open connections keep going. */
    public void stopAccepting() {
        udpChannel.close().awaitUninterruptibly();
        tcpChannel.close().awaitUninterruptibly();
    }

    @Override
    public void close() {
        stopAccepting();
        // Closing a connection makes its decoder deliver the unfinished frame, if any.
        connections.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        shutdownGroups();
    }

    private void shutdownGroups() {
        bossGroup.shutdownGracefully(0, 5, TimeUnit.SECONDS).awaitUninterruptibly();
        workerGroup.shutdownGracefully(0, 5, TimeUnit.SECONDS).awaitUninterruptibly();
    }
}
