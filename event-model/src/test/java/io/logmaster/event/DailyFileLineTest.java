package io.logmaster.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class DailyFileLineTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static RawRecord record(byte[] payload) {
        return new RawRecord(
                "id-1",
                1_796_292_930_456_789_012L,
                "::1",
                40000,
                "tcp",
                5514,
                "gw1",
                false,
                payload);
    }

    @Test
    void newlineInPayloadCannotForgeASecondRecord() throws Exception {
        byte[] payload = "a\n{\"id\":\"forged\"}\r\nb".getBytes(StandardCharsets.UTF_8);

        String line = DailyFileLine.write(record(payload));

        assertThat(line).doesNotContain("\n").doesNotContain("\r");
        JsonNode doc = MAPPER.readTree(line);
        assertThat(doc.get("raw").asText().getBytes(StandardCharsets.UTF_8)).isEqualTo(payload);
        assertThat(doc.get("id").asText()).isEqualTo("id-1");
        assertThat(doc.get("received").asText()).isEqualTo("2026-12-03T10:15:30.456789012Z");
        assertThat(doc.get("received_nanos").asLong()).isEqualTo(1_796_292_930_456_789_012L);
        assertThat(doc.get("peer").asText()).isEqualTo("::1");
    }

    @Test
    void invalidUtf8IsKeptExactlyInBase64() throws Exception {
        byte[] payload = {'<', '1', '3', '>', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, 0};

        JsonNode doc = MAPPER.readTree(DailyFileLine.write(record(payload)));

        assertThat(doc.has("raw")).isFalse();
        assertThat(Base64.getDecoder().decode(doc.get("raw_b64").asText())).isEqualTo(payload);
    }
}
