package io.logmaster.flink.parse;

import io.logmaster.event.LogEvent;
import org.assertj.core.api.SoftAssertions;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Expected parse result of one line: every field the parser sets is compared, and a field that is
 * not given is expected to be null (timestamp: the receive time; warnings: none).
 */
final class ParseExpectation {
    private final LogEvent event;
    private final long receivedMillis;
    private Integer facility;
    private Integer severity;
    private Integer version;
    private String hostname;
    private String appname;
    private String procid;
    private String msgid;
    private String structuredData;
    private String message;
    private String parser;
    private Long timestamp;
    private String[] warnings = new String[0];

    private ParseExpectation(LogEvent event, long receivedMillis) {
        this.event = event;
        this.receivedMillis = receivedMillis;
    }

    static ParseExpectation expect(LogEvent event, Instant received) {
        return new ParseExpectation(event, received.toEpochMilli());
    }

    ParseExpectation pri(int facility, int severity) {
        this.facility = facility;
        this.severity = severity;
        return this;
    }

    ParseExpectation version(int version) {
        this.version = version;
        return this;
    }

    ParseExpectation host(String hostname) {
        this.hostname = hostname;
        return this;
    }

    ParseExpectation app(String appname) {
        this.appname = appname;
        return this;
    }

    ParseExpectation procid(String procid) {
        this.procid = procid;
        return this;
    }

    ParseExpectation msgid(String msgid) {
        this.msgid = msgid;
        return this;
    }

    ParseExpectation sd(String json) {
        this.structuredData = json;
        return this;
    }

    ParseExpectation message(String message) {
        this.message = message;
        return this;
    }

    ParseExpectation parser(String parser) {
        this.parser = parser;
        return this;
    }

    /** Device time as an ISO instant, e.g. "2026-12-03T07:15:30.123Z". */
    ParseExpectation time(String instant) {
        this.timestamp = Instant.parse(instant).toEpochMilli();
        return this;
    }

    ParseExpectation warnings(String... warnings) {
        this.warnings = warnings;
        return this;
    }

    void verify() {
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(event.facility).as("facility").isEqualTo(facility);
        soft.assertThat(event.severity).as("severity").isEqualTo(severity);
        soft.assertThat(event.syslogVersion).as("version").isEqualTo(version);
        soft.assertThat(event.hostname).as("hostname").isEqualTo(hostname);
        soft.assertThat(event.appname).as("appname").isEqualTo(appname);
        soft.assertThat(event.procid).as("procid").isEqualTo(procid);
        soft.assertThat(event.msgid).as("msgid").isEqualTo(msgid);
        soft.assertThat(event.structuredDataJson).as("structured data").isEqualTo(structuredData);
        soft.assertThat(event.message).as("message").isEqualTo(message);
        soft.assertThat(event.parser).as("parser").isEqualTo(parser);
        soft.assertThat(Instant.ofEpochMilli(event.timestampMillis))
                .as("timestamp")
                .isEqualTo(Instant.ofEpochMilli(timestamp == null ? receivedMillis : timestamp));
        soft.assertThat(event.warnings).as("warnings").containsExactly(warnings);
        soft.assertThat(event.day).as("day is the job's").isNull();
        soft.assertAll();
        assertThat(event.original).as("original").isNotNull();
    }
}
