package io.logmaster.compliance.manifest;

import io.logmaster.event.DailyFileLine;
import io.logmaster.event.RawRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class RecordKeyTest {
    private final RecordKey key = new RecordKey();

    private boolean parse(String line) {
        byte[] b = ("xx" + line + "yy").getBytes(StandardCharsets.UTF_8);
        return key.parse(b, 2, b.length - 4);
    }

    @Test
    void readsTheKeyOfADailyFileLine() {
        String line =
                DailyFileLine.write(
                        new RawRecord(
                                "018f-id",
                                1796292930456789012L,
                                "10.1.2.3",
                                514,
                                "udp",
                                5514,
                                "gw1",
                                false,
                                "x\",\"received_nanos\":5,".getBytes(StandardCharsets.UTF_8)));
        assertThat(parse(line)).isTrue();
        assertThat(key.id()).isEqualTo("018f-id");
        assertThat(key.nanos()).isEqualTo(1796292930456789012L);
    }

    @Test
    void fallsBackToTheParserForOtherKeyOrders() {
        assertThat(parse("{\"received_nanos\":-7,\"raw\":\"a\",\"id\":\"\\u0041b\"}")).isTrue();
        assertThat(key.id()).isEqualTo("Ab");
        assertThat(key.nanos()).isEqualTo(-7);
    }

    @Test
    void reportsLinesWithoutAKey() {
        assertThat(parse("[1,2]")).isFalse();
        assertThat(key.error()).isEqualTo("not a JSON object");
        assertThat(key.nanos()).isEqualTo(Long.MIN_VALUE);
        assertThat(parse("{\"id\":\"a\",\"received_nanos\":\"12\"}")).isFalse();
        assertThat(key.error()).isEqualTo("no integer 'received_nanos'");
        assertThat(parse("{\"id\":\"a\",")).isFalse();
        assertThat(key.error()).startsWith("not valid JSON");
    }
}
