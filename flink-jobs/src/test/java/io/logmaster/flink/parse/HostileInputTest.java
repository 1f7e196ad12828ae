package io.logmaster.flink.parse;

import io.logmaster.event.LogEvent;
import io.logmaster.event.RawRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Huge, pathological and random inputs: linear time, never an exception, always an event. */
class HostileInputTest {

    static final int MB = 1 << 20;

    final SyslogParser parser = new SyslogParser(SyslogParserTest.ISTANBUL);

    LogEvent parse(byte[] payload) {
        RawRecord raw = SyslogParserTest.raw(payload, SyslogParserTest.RECEIVED);
        return parser.parse(raw);
    }

    LogEvent parse(String payload) {
        return parse(payload.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void megabyteLinesParseInLinearTime() {
        List<String> lines =
                List.of(
                        "<13>Dec  3 10:15:30 host app[1]: " + "x".repeat(MB),
                        "<14>1 2026-12-03T10:15:30Z h a - - - " + "y ".repeat(MB / 2),
                        "<14>1 - h a - - [m v=\"" + "\\\"".repeat(MB / 2),
                        "<14>1 - h a - - [m" + " a=\"b\"".repeat(MB / 6) + "]",
                        "<14>1 - h a - - " + "[".repeat(MB),
                        "a".repeat(MB),
                        " ".repeat(MB),
                        ":".repeat(MB),
                        "1: ".repeat(MB / 3),
                        "<13>" + "Dec  3 10:15:30 ".repeat(MB / 16),
                        "<13>Dec  3 10:15:30 h " + "Word ".repeat(MB / 5),
                        "<13>" + "%A-1-B".repeat(MB / 6),
                        "<13>Dec  3 10:15:30 h a" + "[".repeat(MB),
                        "<1>" + "9".repeat(MB));
        for (String line : lines) {
            parse(line); // warm-up
        }
        for (String line : lines) {
            long start = System.nanoTime();
            LogEvent e = parse(line);
            long millis = (System.nanoTime() - start) / 1_000_000;

            assertThat(e.original).hasSize(line.length());
            assertThat(e.parser).isNotNull();
            // A quadratic scan of 1 MB would take minutes; linear takes a few ms.
            assertThat(millis).as("parse time of %s...", line.substring(0, 20)).isLessThan(1_000);
        }
    }

    @Test
    void megabyteMessageIsKeptWhole() {
        String body = "x".repeat(MB);

        LogEvent e = parse("<13>Dec  3 10:15:30 host app[1]: " + body);

        assertThat(e.message).isEqualTo(body);
        assertThat(e.appname).isEqualTo("app");
    }

    @Test
    void randomBytesNeverThrow() {
        Random random = new Random(42);
        byte[] alphabet =
                "<>[]\"\\=:%*. -0123456789TZabcDecJul\n\r\u00ff"
                        .getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < 20_000; i++) {
            byte[] payload = new byte[random.nextInt(80)];
            for (int j = 0; j < payload.length; j++) {
                payload[j] =
                        random.nextInt(4) == 0
                                ? (byte) random.nextInt(256)
                                : alphabet[random.nextInt(alphabet.length)];
            }
            if (payload.length > 4 && random.nextBoolean()) {
                byte[] pri = "<13>".getBytes(StandardCharsets.US_ASCII);
                System.arraycopy(pri, 0, payload, 0, 4);
            }

            LogEvent e = parse(payload);

            assertThat(e).isNotNull();
            assertThat(e.parser).isNotNull();
            assertThat(e.original).isNotNull();
            assertThat(
                            e.message == null
                                    || e.original.contains(
                                            e.message.substring(
                                                    0, Math.min(8, e.message.length()))))
                    .isTrue();
        }
    }

    @Test
    void timestampDoesNotDependOnInstanceState() {
        LogEvent first = parse("<13>Dec  3 10:15:30 host app: x");
        LogEvent second = parse("<13>Dec  3 10:15:30 host app: x");

        assertThat(second.timestampMillis).isEqualTo(first.timestampMillis);
        assertThat(first.timestampMillis)
                .isEqualTo(Instant.parse("2026-12-03T07:15:30Z").toEpochMilli());
    }
}
