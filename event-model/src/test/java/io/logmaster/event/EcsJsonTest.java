package io.logmaster.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EcsJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static LogEvent sample() {
        LogEvent e = new LogEvent();
        e.id = "0193a5b2-0000-7000-8000-000000000001";
        e.receivedNanos = 1_796_292_930_456_789_012L;
        e.timestampMillis = 1_796_292_930_123L;
        e.original = "<34>1 2026-12-03T10:15:30.123Z fw1 sshd 123 ID47 - hello";
        e.peerAddress = "10.1.2.3";
        e.peerPort = 514;
        e.transport = "udp";
        e.listenerPort = 5514;
        e.gateway = "gw1";
        e.day = "2026-12-03";
        e.facility = 4;
        e.severity = 2;
        e.hostname = "fw1";
        e.appname = "sshd";
        e.procid = "123";
        e.msgid = "ID47";
        e.syslogVersion = 1;
        e.message = "hello";
        e.parser = "rfc5424";
        return e;
    }

    @Test
    void writesEcsFieldsWithNanosecondReceiveTime() throws Exception {
        JsonNode doc = MAPPER.readTree(EcsJson.write(sample()));

        assertThat(doc.get("@timestamp").asText()).isEqualTo("2026-12-03T10:15:30.123Z");
        assertThat(doc.at("/event/created").asText()).isEqualTo("2026-12-03T10:15:30.456789012Z");
        assertThat(doc.at("/event/id").asText()).isEqualTo("0193a5b2-0000-7000-8000-000000000001");
        assertThat(doc.at("/log/syslog/severity/code").asInt()).isEqualTo(2);
        assertThat(doc.at("/log/syslog/severity/name").asText()).isEqualTo("critical");
        assertThat(doc.at("/log/syslog/facility/code").asInt()).isEqualTo(4);
        assertThat(doc.at("/log/syslog/appname").asText()).isEqualTo("sshd");
        assertThat(doc.at("/observer/ip").asText()).isEqualTo("10.1.2.3");
        assertThat(doc.at("/logmaster/received/listener_port").asInt()).isEqualTo(5514);
        assertThat(doc.at("/logmaster/day").asText()).isEqualTo("2026-12-03");
        assertThat(doc.at("/logmaster/parse/warnings").size()).isZero();
    }

    @Test
    void omitsAbsentValuesInsteadOfWritingNull() throws Exception {
        LogEvent e = sample();
        e.hostname = null;
        e.severity = null;
        e.structuredDataJson = null;

        String json = EcsJson.write(e);

        assertThat(json).doesNotContain("null");
        JsonNode doc = MAPPER.readTree(json);
        assertThat(doc.has("host")).isFalse();
        assertThat(doc.at("/log/syslog").has("severity")).isFalse();
    }

    @Test
    void escapesHostileMessageAndEmbedsStructuredData() throws Exception {
        LogEvent e = sample();
        e.message = "line1\n{\"forged\":true}\u0000<script>";
        e.structuredDataJson = "{\"origin@1\":{\"ip\":\"1.2.3.4\",\"q\":\"a\\\"b\"}}";
        e.warn("no PRI");

        JsonNode doc = MAPPER.readTree(EcsJson.write(e));

        assertThat(doc.get("message").asText()).isEqualTo("line1\n{\"forged\":true}\u0000<script>");
        assertThat(doc.at("/log/syslog/structured_data/origin@1/q").asText()).isEqualTo("a\"b");
        assertThat(doc.at("/logmaster/parse/warnings/0").asText()).isEqualTo("no PRI");
    }
}
