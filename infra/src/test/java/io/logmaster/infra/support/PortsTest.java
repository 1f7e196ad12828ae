package io.logmaster.infra.support;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PortsTest {

    @Test
    void freePortsAreDistinctAndBindable() {
        List<Integer> ports = Ports.free(5);

        assertThat(ports).hasSize(5).doesNotHaveDuplicates();
        assertThat(ports).allSatisfy(p -> assertThat(Ports.isFree("127.0.0.1", p)).isTrue());
    }

    @Test
    void detectsPortInUse() throws Exception {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = socket.getLocalPort();

            assertThat(Ports.isFree("127.0.0.1", port)).isFalse();
            assertThatThrownBy(() -> Ports.requireFree("kafka", "127.0.0.1", port))
                    .isInstanceOf(ServiceStartException.class)
                    .hasMessageContaining("kafka: port 127.0.0.1:" + port + " is already in use");
        }
    }
}
