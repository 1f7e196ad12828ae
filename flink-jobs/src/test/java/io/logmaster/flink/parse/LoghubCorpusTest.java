package io.logmaster.flink.parse;

import io.logmaster.event.LogEvent;
import io.logmaster.event.RawRecord;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parses every line of the 16 loghub 2k samples. Lines that start with a BSD syslog header are
 * recognised by an independent regex here, and the parser must agree with it on the timestamp
 * (month, day, time; year from the receive time) and host name for each of them, and on appname and
 * procid whenever the tag is a plain {@code name[pid]:} or a spaced {@code Some Name[pid]:}.
 */
class LoghubCorpusTest {

    /** Receive time after every month in the samples, so every year-less timestamp is 2026. */
    static final Instant RECEIVED = Instant.parse("2026-12-31T12:00:00Z");

    static final Pattern HEADER =
            Pattern.compile(
                    "^([A-Z][a-z]{2}) {1,2}(\\d{1,2}) (\\d\\d):(\\d\\d):(\\d\\d) (\\S+) +(.*)$");

    static final Pattern TAG =
            Pattern.compile("^(?:([^\\s\\[\\]:]+)|([^\\[\\]:]+))(?:\\[(\\d+)\\])?: ");

    static final List<String> MONTHS =
            List.of(
                    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                    "Dec");

    final SyslogParser parser = new SyslogParser(SyslogParserTest.ISTANBUL);

    @Test
    void parsesEveryLoghubLineAndAgreesWithIndependentHeaderRegex() throws IOException {
        Path loghub = CorpusFiles.root().resolve("loghub");
        List<Path> files;
        try (Stream<Path> dirs = Files.list(loghub)) {
            files =
                    dirs.filter(Files::isDirectory)
                            .map(d -> d.resolve(d.getFileName() + "_2k.log"))
                            .filter(Files::isRegularFile)
                            .sorted()
                            .toList();
        }
        assertThat(files).hasSize(16);

        Map<String, int[]> counts = new TreeMap<>();
        SoftAssertions soft = new SoftAssertions();
        for (Path file : files) {
            String system = file.getParent().getFileName().toString();
            List<String> lines = lines(file);
            int events = 0;
            int headers = 0;
            int tags = 0;
            int withWarnings = 0;
            for (String line : lines) {
                LogEvent e = parser.parse(record(line));
                assertThat(e).isNotNull();
                events++;
                if (e.warnings.length > 0) {
                    withWarnings++;
                }
                Matcher h = HEADER.matcher(line);
                if (!h.matches()) {
                    continue;
                }
                headers++;
                ZonedDateTime t =
                        Instant.ofEpochMilli(e.timestampMillis).atZone(SyslogParserTest.ISTANBUL);
                String where = system + ": " + line;
                soft.assertThat(t.getYear()).as("year of " + where).isEqualTo(2026);
                soft.assertThat(t.getMonthValue())
                        .as("month of " + where)
                        .isEqualTo(MONTHS.indexOf(h.group(1)) + 1);
                soft.assertThat(t.getDayOfMonth())
                        .as("day of " + where)
                        .isEqualTo(Integer.parseInt(h.group(2)));
                soft.assertThat(t.getHour())
                        .as("hour of " + where)
                        .isEqualTo(Integer.parseInt(h.group(3)));
                soft.assertThat(t.getMinute())
                        .as("minute of " + where)
                        .isEqualTo(Integer.parseInt(h.group(4)));
                soft.assertThat(t.getSecond())
                        .as("second of " + where)
                        .isEqualTo(Integer.parseInt(h.group(5)));
                soft.assertThat(e.hostname).as("hostname of " + where).isEqualTo(h.group(6));
                soft.assertThat(e.parser).as("parser of " + where).isEqualTo("rfc3164");
                soft.assertThat(e.warnings).as("warnings of " + where).containsExactly("no PRI");
                Matcher tag = TAG.matcher(h.group(7));
                boolean plainTag = tag.find() && (tag.group(1) != null || tag.group(3) != null);
                if (plainTag) {
                    tags++;
                    String app = tag.group(1) != null ? tag.group(1) : tag.group(2);
                    soft.assertThat(e.appname).as("appname of " + where).isEqualTo(app);
                    soft.assertThat(e.procid).as("procid of " + where).isEqualTo(tag.group(3));
                    soft.assertThat(e.message)
                            .as("message of " + where)
                            .isEqualTo(h.group(7).substring(tag.end()));
                } else {
                    // Odd tags (sshd(pam_unix)[1]:, sandboxd[129] ([31211]):) still name the app.
                    soft.assertThat(e.appname).as("appname of " + where).isNotBlank();
                    soft.assertThat(h.group(7))
                            .as("tag of " + where)
                            .startsWith(String.valueOf(e.appname));
                    soft.assertThat(e.message).as("message of " + where).isNotNull();
                }
            }
            assertThat(events).as("one event per line of " + file).isEqualTo(lines.size());
            counts.put(system, new int[] {lines.size(), headers, tags, withWarnings});
        }
        System.out.printf("%-12s %6s %8s %8s %9s%n", "file", "lines", "header", "tag", "warnings");
        counts.forEach(
                (system, c) ->
                        System.out.printf(
                                "%-12s %6d %8d %8d %9d%n", system, c[0], c[1], c[2], c[3]));
        soft.assertAll();
        // The three samples that are plain syslog files: every line has a header.
        assertThat(counts.get("OpenSSH")[1]).isEqualTo(2000);
        assertThat(counts.get("Linux")[1]).isEqualTo(2000);
        assertThat(counts.get("Mac")[1]).isEqualTo(2000);
        assertThat(counts.get("OpenSSH")[2]).isEqualTo(2000);
        assertThat(counts.get("Linux")[2]).isGreaterThan(1990);
        assertThat(counts.get("Mac")[2]).isGreaterThan(1900);
    }

    private static List<String> lines(Path file) throws IOException {
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(List.of(text.split("\r\n|\n|\r", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    private static RawRecord record(String line) {
        return SyslogParserTest.raw(line.getBytes(StandardCharsets.UTF_8), RECEIVED);
    }
}
