package io.logmaster.infra.send;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SyslogSenderTest {
    @TempDir Path dir;

    private Path file(byte[] content) throws Exception {
        Path f = dir.resolve("in.log");
        Files.write(f, content);
        return f;
    }

    @Test
    void sendsEachLineAsOneDatagramWithoutLineEnding() throws Exception {
        byte[] invalidUtf8 = {'<', '1', '3', '>', (byte) 0xFF, 'x'};
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        content.write("first\r\n\nsecond <script>\n".getBytes(StandardCharsets.UTF_8));
        content.write(invalidUtf8);
        Path f = file(content.toByteArray());
        try (DatagramSocket server = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            SendOptions options =
                    SendOptions.parse(
                            List.of(
                                    f.toString(),
                                    "--proto",
                                    "udp",
                                    "--port",
                                    String.valueOf(server.getLocalPort())),
                            5514);

            SyslogSender.Result result = new SyslogSender(options).send(n -> {});

            List<byte[]> received = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                DatagramPacket p = new DatagramPacket(new byte[1024], 1024);
                server.receive(p);
                received.add(Arrays.copyOf(p.getData(), p.getLength()));
            }
            assertThat(result.lines()).isEqualTo(3);
            assertThat(result.skippedEmpty()).isEqualTo(1);
            assertThat(new String(received.get(0), StandardCharsets.UTF_8)).isEqualTo("first");
            assertThat(new String(received.get(1), StandardCharsets.UTF_8))
                    .isEqualTo("second <script>");
            assertThat(received.get(2)).isEqualTo(invalidUtf8);
        }
    }

    @Test
    void tcpOctetCountingFramesEachLine() throws Exception {
        Path f = file("a b\nccc\n".getBytes(StandardCharsets.UTF_8));
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<byte[]> got =
                    CompletableFuture.supplyAsync(
                            () -> {
                                try (Socket s = server.accept();
                                        InputStream in = s.getInputStream()) {
                                    return in.readAllBytes();
                                } catch (Exception e) {
                                    throw new IllegalStateException(e);
                                }
                            });
            SendOptions options =
                    SendOptions.parse(
                            List.of(
                                    f.toString(),
                                    "--proto",
                                    "tcp",
                                    "--octet-counting",
                                    "--port",
                                    String.valueOf(server.getLocalPort())),
                            5514);

            new SyslogSender(options).send(n -> {});

            assertThat(new String(got.get(), StandardCharsets.US_ASCII)).isEqualTo("3 a b3 ccc");
        }
    }

    @Test
    void rejectsUnknownProtocolNamingIt() {
        assertThatThrownBy(() -> SendOptions.parse(List.of("x.log", "--proto", "sctp"), 5514))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'sctp'");
    }

    @Test
    void udpDefaultsToAPacedRateAndTcpToFullSpeed() {
        assertThat(SendOptions.parse(List.of("x.log"), 5514).ratePerSecond()).isEqualTo(1000);
        assertThat(SendOptions.parse(List.of("x.log", "--proto", "tcp"), 5514).ratePerSecond())
                .isZero();
    }
}
