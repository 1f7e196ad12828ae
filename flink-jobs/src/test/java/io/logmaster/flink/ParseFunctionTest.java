package io.logmaster.flink;

import io.logmaster.event.EcsJson;
import io.logmaster.event.LogEvent;
import io.logmaster.event.RawRecord;
import org.apache.flink.api.common.functions.DefaultOpenContext;
import org.apache.flink.streaming.util.MockStreamingRuntimeContext;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class ParseFunctionTest {
    static RawRecord raw(String received, String payload) {
        Instant t = Instant.parse(received);
        return new RawRecord(
                "id-1",
                t.getEpochSecond() * 1_000_000_000L + t.getNano(),
                "10.1.2.3",
                514,
                "udp",
                5514,
                "gw1",
                false,
                payload.getBytes(StandardCharsets.UTF_8));
    }

    private static ParseFunction opened() {
        ParseFunction parse = new ParseFunction(ZoneId.of("Europe/Istanbul"));
        parse.setRuntimeContext(new MockStreamingRuntimeContext(false, 1, 0));
        parse.open(DefaultOpenContext.INSTANCE);
        return parse;
    }

    @Test
    void countsParsedUnparsedAndWarnedEvents() {
        ParseFunction parse = opened();

        parse.map(raw("2026-12-02T21:00:00Z", "<13>Dec  2 23:59:59 h app: x"));
        parse.map(raw("2026-12-02T21:00:00Z", "just some text without any header"));
        parse.map(raw("2026-12-02T21:00:00Z", ""));

        assertThat(parse.parsed.getCount()).isEqualTo(1);
        assertThat(parse.unparsed.getCount()).isEqualTo(2);
        assertThat(parse.withWarnings.getCount()).isEqualTo(2);
    }

    @Test
    void stampsReceiveDayInConfiguredZone() {
        ParseFunction parse = opened();

        LogEvent late = parse.map(raw("2026-12-02T21:00:00Z", "<13>Dec  2 23:59:59 h app: x"));
        LogEvent early = parse.map(raw("2026-12-02T20:59:59Z", "<13>Dec  2 23:59:58 h app: x"));

        assertThat(late.day).isEqualTo("2026-12-03");
        assertThat(early.day).isEqualTo("2026-12-02");
        assertThat(late.id).isEqualTo("id-1");
    }

    @Test
    void unparsedFallbackKeepsTheRecord() {
        RawRecord raw = raw("2026-12-03T10:15:30.456789012Z", "<13>hello");

        LogEvent event = ParseFunction.unparsed(raw, new IllegalStateException("boom"));

        assertThat(event.id).isEqualTo("id-1");
        assertThat(event.original).isEqualTo("<13>hello");
        assertThat(event.timestampMillis)
                .isEqualTo(Instant.parse("2026-12-03T10:15:30.456Z").toEpochMilli());
        assertThat(event.parser).isEqualTo("none");
        assertThat(event.warnings)
                .containsExactly("parser failed: java.lang.IllegalStateException: boom");
        event.day = "2026-12-03";
        assertThat(EcsJson.write(event)).contains("\"peer_port\":514");
    }
}
