package io.logmaster.flink.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logmaster.event.LogEvent;
import io.logmaster.event.RawRecord;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs influxdata/go-syslog's RFC 5424 and RFC 3164 test tables (shared corpus,
 * syslog-rfc-edge-cases/go-syslog-cases.jsonl) through the parser.
 *
 * <p>Valid cases: every field go-syslog expects must match, with these deliberate deviations:
 *
 * <ul>
 *   <li>a UTF-8 BOM at the start of MSG is stripped (go-syslog keeps it);
 *   <li>SD PARAM-VALUE escapes \" \\ \] are decoded (go-syslog keeps the backslashes), RFC 5424
 *       section 6.3.3: they are escapes, not content;
 *   <li>a NILVALUE timestamp and non-UTF-8 bytes give a warning (go-syslog has no warnings).
 * </ul>
 *
 * Invalid cases must still give an event, with at least one warning, never an exception.
 */
class GoSyslogCasesTest {

    static final Instant RECEIVED = Instant.parse("2026-12-03T10:20:00Z");
    static final Set<String> WARNINGS_ALLOWED_ON_VALID =
            Set.of(
                    "no timestamp (NILVALUE): using receive time",
                    "payload is not valid UTF-8: invalid bytes replaced");

    final ObjectMapper json = new ObjectMapper();
    final SyslogParser parser = new SyslogParser(SyslogParserTest.ISTANBUL);

    @Test
    void matchesGoSyslogTables() throws IOException {
        Path file = CorpusFiles.root().resolve("syslog-rfc-edge-cases/go-syslog-cases.jsonl");
        assertThat(file).isRegularFile();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        SoftAssertions soft = new SoftAssertions();
        int valid = 0;
        int invalid = 0;
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode c = json.readTree(line);
            String id = c.get("id").asText();
            byte[] input = bytes(c.get("input"));
            LogEvent e = parser.parse(record(input));
            assertThat(e).as(id).isNotNull();
            if (!c.get("valid").asBoolean()) {
                invalid++;
                soft.assertThat(e.warnings).as(id + " warnings").isNotEmpty();
                continue;
            }
            valid++;
            JsonNode x = c.get("expected");
            String rfc = c.get("rfc").asText();
            soft.assertThat(e.parser)
                    .as(id + " parser")
                    .isEqualTo("5424".equals(rfc) ? "rfc5424" : "rfc3164");
            int priority = x.get("priority").asInt();
            soft.assertThat(e.facility).as(id + " facility").isEqualTo(priority / 8);
            soft.assertThat(e.severity).as(id + " severity").isEqualTo(priority % 8);
            soft.assertThat(e.syslogVersion)
                    .as(id + " version")
                    .isEqualTo(x.has("version") ? x.get("version").asInt() : null);
            soft.assertThat(e.hostname).as(id + " hostname").isEqualTo(text(x, "hostname"));
            soft.assertThat(e.appname).as(id + " appname").isEqualTo(text(x, "appname"));
            soft.assertThat(e.procid).as(id + " procid").isEqualTo(text(x, "procID"));
            soft.assertThat(e.msgid).as(id + " msgid").isEqualTo(text(x, "msgID"));
            soft.assertThat(e.message).as(id + " message").isEqualTo(message(x.get("message")));
            soft.assertThat(e.warnings).as(id + " warnings").isSubsetOf(WARNINGS_ALLOWED_ON_VALID);
            if ("5424".equals(rfc)) {
                soft.assertThat(e.timestampMillis)
                        .as(id + " timestamp")
                        .isEqualTo(
                                x.has("timestamp")
                                        ? rfc3339Millis(x.get("timestamp").asText())
                                        : RECEIVED.toEpochMilli());
                soft.assertThat(sd(e.structuredDataJson))
                        .as(id + " structured data")
                        .isEqualTo(expectedSd(x.get("structuredData")));
            } else {
                ZonedDateTime t =
                        Instant.ofEpochMilli(e.timestampMillis).atZone(SyslogParserTest.ISTANBUL);
                soft.assertThat(
                                String.format(
                                        "%s %2d %02d:%02d:%02d",
                                        t.getMonth()
                                                .getDisplayName(
                                                        java.time.format.TextStyle.SHORT,
                                                        java.util.Locale.ENGLISH),
                                        t.getDayOfMonth(),
                                        t.getHour(),
                                        t.getMinute(),
                                        t.getSecond()))
                        .as(id + " timestamp")
                        .isEqualTo(x.get("timestamp").asText());
            }
        }
        System.out.printf("go-syslog cases: %d valid, %d invalid%n", valid, invalid);
        soft.assertAll();
        assertThat(valid).isEqualTo(48);
        assertThat(invalid).isEqualTo(76);
    }

    private static RawRecord record(byte[] payload) {
        return SyslogParserTest.raw(payload, RECEIVED);
    }

    private static byte[] bytes(JsonNode input) {
        return input.isTextual()
                ? input.asText().getBytes(StandardCharsets.UTF_8)
                : Base64.getDecoder().decode(input.get("base64").asText());
    }

    private static String text(JsonNode node, String field) {
        return node.has(field) ? node.get(field).asText() : null;
    }

    private static String message(JsonNode m) {
        if (m == null) {
            return null;
        }
        String s = new String(bytes(m), StandardCharsets.UTF_8);
        return Rfc5424Parser.stripBom(s);
    }

    /** RFC 3339 with offsets up to 23:59, beyond java.time's ZoneOffset range. */
    private static long rfc3339Millis(String ts) {
        Matcher m = Pattern.compile("^(.*?)(Z|([+-])(\\d\\d):(\\d\\d))$").matcher(ts);
        assertThat(m.matches()).as(ts).isTrue();
        long local = LocalDateTime.parse(m.group(1)).toInstant(ZoneOffset.UTC).toEpochMilli();
        if ("Z".equals(m.group(2))) {
            return local;
        }
        long offset = (Long.parseLong(m.group(4)) * 60 + Long.parseLong(m.group(5))) * 60_000L;
        return "-".equals(m.group(3)) ? local + offset : local - offset;
    }

    private Map<String, Object> sd(String structuredDataJson) throws IOException {
        if (structuredDataJson == null) {
            return null;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = json.readValue(structuredDataJson, LinkedHashMap.class);
        return map;
    }

    /** go-syslog keeps SD escapes; the RFC decodes them (class comment). */
    private static Map<String, Object> expectedSd(JsonNode sd) {
        if (sd == null) {
            return null;
        }
        Map<String, Object> elements = new LinkedHashMap<>();
        sd.fields()
                .forEachRemaining(
                        element -> {
                            Map<String, Object> params = new LinkedHashMap<>();
                            element.getValue()
                                    .fields()
                                    .forEachRemaining(
                                            p ->
                                                    params.put(
                                                            p.getKey(),
                                                            p.getValue()
                                                                    .asText()
                                                                    .replaceAll(
                                                                            "\\\\([\"\\\\\\]])",
                                                                            "$1")));
                            elements.put(element.getKey(), params);
                        });
        return elements;
    }
}
