package io.logmaster.api;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;

import static org.assertj.core.api.Assertions.assertThat;

class ReadyAnnouncerTest {

    @Test
    void printsBindAddressAndPort() throws Exception {
        assertThat(ReadyAnnouncer.readyLine(InetAddress.getByName("127.0.0.1"), 8080))
                .isEqualTo("api-server ready on http://127.0.0.1:8080");
        assertThat(ReadyAnnouncer.readyLine(InetAddress.getByName("::1"), 18080))
                .isEqualTo("api-server ready on http://[0:0:0:0:0:0:0:1]:18080");
        assertThat(ReadyAnnouncer.readyLine(null, 9000))
                .isEqualTo("api-server ready on http://0.0.0.0:9000");
    }
}
