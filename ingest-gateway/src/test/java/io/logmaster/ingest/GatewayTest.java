package io.logmaster.ingest;

import io.logmaster.event.RawRecord;
import io.logmaster.ingest.publish.RecordingPublisher;
import io.logmaster.ingest.support.Await;
import io.logmaster.ingest.support.Transport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/** The real listeners on loopback, with a recording publisher in place of Kafka. */
class GatewayTest {
    private final RecordingPublisher publisher = new RecordingPublisher();
    private Gateway gateway;

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private void start(int metricsPort) {
        GatewayConfig config =
                new GatewayConfig("127.0.0.1:1", "127.0.0.1", 0, 0, "gw-it", 1024, metricsPort);
        gateway = new Gateway(config, metrics -> publisher, Clock.systemUTC());
    }

    private RawRecord next() throws InterruptedException {
        RawRecord record = publisher.records.poll(10, TimeUnit.SECONDS);
        assertThat(record).as("record published").isNotNull();
        return record;
    }

    @Test
    void receivesUdpDatagram() throws Exception {
        start(0);
        byte[] payload = "<13>over udp\n".getBytes(UTF_8);

        try (DatagramSocket socket = new DatagramSocket()) {
            socket.send(
                    new DatagramPacket(
                            payload,
                            payload.length,
                            InetAddress.getLoopbackAddress(),
                            gateway.udpPort()));

            RawRecord record = next();
            assertThat(record.payload).isEqualTo("<13>over udp".getBytes(UTF_8));
            assertThat(record.transport).isEqualTo("udp");
            assertThat(record.peerAddress).isEqualTo("127.0.0.1");
            assertThat(record.peerPort).isEqualTo(socket.getLocalPort());
            assertThat(record.listenerPort).isEqualTo(gateway.udpPort());
            assertThat(record.gateway).isEqualTo("gw-it");
        }
    }

    @Test
    void receivesTcpFramesIncludingUnterminatedTail() throws Exception {
        start(0);

        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), gateway.tcpPort())) {
            OutputStream out = socket.getOutputStream();
            out.write("<13>one\n<13>two\r\n<13>tail".getBytes(UTF_8));
            out.flush();
            assertThat(new String(next().payload, UTF_8)).isEqualTo("<13>one");
            RawRecord two = next();
            assertThat(new String(two.payload, UTF_8)).isEqualTo("<13>two");
            assertThat(two.transport).isEqualTo("tcp");
            assertThat(two.peerPort).isEqualTo(socket.getLocalPort());
            assertThat(two.listenerPort).isEqualTo(gateway.tcpPort());
        }
        assertThat(new String(next().payload, UTF_8)).isEqualTo("<13>tail");
        Await.until("connection closed", () -> gateway.metrics().openConnections() == 0);
        assertThat(gateway.metrics().messages(Transport.TCP)).isEqualTo(3);
        assertThat(gateway.metrics().incompleteAtCloseCount()).isEqualTo(1);
    }

    @Test
    void servesMetricsWhenEnabled() throws Exception {
        start(freePort());
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), gateway.tcpPort())) {
            socket.getOutputStream().write("<13>x\n".getBytes(UTF_8));
            next();
        }

        HttpResponse<String> response =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(
                                                URI.create(
                                                        "http://127.0.0.1:"
                                                                + gateway.metricsPort()
                                                                + "/metrics"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("logmaster_gateway_messages_received_total{transport=\"tcp\"} 1\n");
    }

    @Test
    void drainAfterStopDoesNotTouchTheStoppedEventLoop() throws Exception {
        start(0);
        publisher.backedUp(true);
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), gateway.tcpPort())) {
            socket.getOutputStream().write("<13>paused\n".getBytes(UTF_8));
            next();
            Await.until("connection paused", () -> publisher.waiting() == 1);
            gateway.close();
        }

        assertThatNoException().isThrownBy(() -> publisher.backedUp(false));
        assertThat(gateway.metrics().backpressurePauses()).isEqualTo(1);
    }

    @Test
    void closeStopsListenersAndClosesPublisher() throws Exception {
        start(0);
        int tcpPort = gateway.tcpPort();

        gateway.close();

        assertThat(publisher.closed()).isTrue();
        // The port is free again: nothing listens on it any more.
        try (ServerSocket again =
                new ServerSocket(tcpPort, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThat(again.getLocalPort()).isEqualTo(tcpPort);
        }
    }
}
