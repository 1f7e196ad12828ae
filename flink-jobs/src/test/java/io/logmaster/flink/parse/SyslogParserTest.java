package io.logmaster.flink.parse;

import io.logmaster.event.LogEvent;
import io.logmaster.event.RawRecord;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;

import static io.logmaster.flink.parse.ParseExpectation.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SyslogParserTest {

    static final ZoneId ISTANBUL = ZoneId.of("Europe/Istanbul");

    /** 13:20 local time in Istanbul (UTC+3). */
    static final Instant RECEIVED = Instant.parse("2026-12-03T10:20:00Z");

    final SyslogParser parser = new SyslogParser(ISTANBUL);

    static RawRecord raw(byte[] payload, Instant received) {
        long nanos = received.getEpochSecond() * 1_000_000_000L + received.getNano();
        return new RawRecord(
                "0193a0b1-0000-7000-8000-000000000001",
                nanos,
                "10.1.2.3",
                51514,
                "udp",
                5514,
                "gw1",
                false,
                payload);
    }

    LogEvent parse(String payload) {
        return parser.parse(raw(payload.getBytes(StandardCharsets.UTF_8), RECEIVED));
    }

    LogEvent parse(String payload, Instant received) {
        return parser.parse(raw(payload.getBytes(StandardCharsets.UTF_8), received));
    }

    @Test
    void copiesReceiveMetadataAndOriginal() {
        String line = "<34>1 2026-12-03T10:15:30Z fw1 sshd 123 ID47 - hello\n";
        RawRecord raw = raw(line.getBytes(StandardCharsets.UTF_8), RECEIVED);
        raw.receivedNanos += 456_789;

        LogEvent e = parser.parse(raw);

        assertThat(e.id).isEqualTo("0193a0b1-0000-7000-8000-000000000001");
        assertThat(e.receivedNanos).isEqualTo(1_796_293_200_000_456_789L);
        assertThat(e.peerAddress).isEqualTo("10.1.2.3");
        assertThat(e.peerPort).isEqualTo(51514);
        assertThat(e.transport).isEqualTo("udp");
        assertThat(e.listenerPort).isEqualTo(5514);
        assertThat(e.gateway).isEqualTo("gw1");
        assertThat(e.original).isEqualTo(line);
        assertThat(e.day).isNull();
        assertThat(e.message).isEqualTo("hello");
    }

    @Test
    void rejectsMissingZone() {
        assertThatThrownBy(() -> new SyslogParser(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("default zone");
    }

    @Test
    void isSerializableAndStillWorksAfterwards() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(parser);
        }
        SyslogParser copy;
        try (ObjectInputStream in =
                new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (SyslogParser) in.readObject();
        }

        LogEvent e =
                copy.parse(
                        raw(
                                "<13>Dec  3 10:15:30 host app: x".getBytes(StandardCharsets.UTF_8),
                                RECEIVED));

        assertThat(e.timestampMillis)
                .isEqualTo(Instant.parse("2026-12-03T07:15:30Z").toEpochMilli());
    }

    @Test
    void nullRecordGivesAnEventWithWarning() {
        LogEvent e = parser.parse(null);

        assertThat(e.parser).isEqualTo("none");
        assertThat(e.warnings).containsExactly("no raw record");
    }

    @Nested
    class Rfc5424 {

        @Test
        void parsesAllHeaderFieldsStructuredDataAndStripsBom() {
            LogEvent e =
                    parse(
                            "<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47"
                                    + " [exampleSDID@32473 iut=\"3\" eventSource=\"Application\""
                                    + " eventID=\"1011\"][examplePriority@32473 class=\"high\"]"
                                    + " \uFEFFAn application event log entry...");

            expect(e, RECEIVED)
                    .pri(20, 5)
                    .version(1)
                    .time("2003-10-11T22:14:15.003Z")
                    .host("mymachine.example.com")
                    .app("evntslog")
                    .msgid("ID47")
                    .sd(
                            "{\"exampleSDID@32473\":{\"iut\":\"3\",\"eventSource\":\"Application\","
                                    + "\"eventID\":\"1011\"},\"examplePriority@32473\":{\"class\":\"high\"}}")
                    .message("An application event log entry...")
                    .parser("rfc5424")
                    .verify();
            assertThat(e.original).startsWith("<165>1 ").contains("\uFEFFAn application");
        }

        @Test
        void appliesMicrosecondsAndNumericOffset() {
            LogEvent e =
                    parse(
                            "<30>1 2023-09-28T12:10:12.175599+02:00 test.lab.com systemd 153589 - -"
                                    + " Stopped target Default.");

            expect(e, RECEIVED)
                    .pri(3, 6)
                    .version(1)
                    .time("2023-09-28T10:10:12.175Z")
                    .host("test.lab.com")
                    .app("systemd")
                    .procid("153589")
                    .message("Stopped target Default.")
                    .parser("rfc5424")
                    .verify();
        }

        @Test
        void acceptsOffsetsBeyondJavaTimeRange() {
            LogEvent e = parse("<191>999 2018-12-31T23:59:59.999999-23:59 h a p m -");

            expect(e, RECEIVED)
                    .pri(23, 7)
                    .version(999)
                    .time("2019-01-01T23:58:59.999Z")
                    .host("h")
                    .app("a")
                    .procid("p")
                    .msgid("m")
                    .parser("rfc5424")
                    .verify();
        }

        @Test
        void nilValuesEverywhere() {
            expect(parse("<14>1 - - - - - -"), RECEIVED)
                    .pri(1, 6)
                    .version(1)
                    .parser("rfc5424")
                    .warnings("no timestamp (NILVALUE): using receive time")
                    .verify();
        }

        @Test
        void decodesEscapesInParamValues() {
            LogEvent e =
                    parse(
                            "<14>1 2026-12-03T10:15:30Z h a - - [x@1 q=\"say \\\"hi\\\"\""
                                    + " b=\"C:\\\\dir\" r=\"[a\\]\" n=\"keep\\n\"] m");

            expect(e, RECEIVED)
                    .pri(1, 6)
                    .version(1)
                    .time("2026-12-03T10:15:30Z")
                    .host("h")
                    .app("a")
                    .sd(
                            "{\"x@1\":{\"q\":\"say \\\"hi\\\"\",\"b\":\"C:\\\\dir\",\"r\":\"[a]\","
                                    + "\"n\":\"keep\\\\n\"}}")
                    .message("m")
                    .parser("rfc5424")
                    .warnings("invalid escape in SD PARAM-VALUE kept as is")
                    .verify();
        }

        @Test
        void repeatedParamNameBecomesArray() {
            LogEvent e =
                    parse(
                            "<14>1 2026-12-03T10:15:30Z h a - - [origin ip=\"10.0.0.1\""
                                    + " ip=\"10.0.0.2\" software=\"x\"][meta sequenceId=\"7\"]");

            expect(e, RECEIVED)
                    .pri(1, 6)
                    .version(1)
                    .time("2026-12-03T10:15:30Z")
                    .host("h")
                    .app("a")
                    .sd(
                            "{\"origin\":{\"ip\":[\"10.0.0.1\",\"10.0.0.2\"],\"software\":\"x\"},"
                                    + "\"meta\":{\"sequenceId\":\"7\"}}")
                    .parser("rfc5424")
                    .verify();
        }

        @Test
        void duplicateSdIdIsMergedWithWarning() {
            LogEvent e = parse("<14>1 - h a - - [d e=\"1\"][id1][d c=\"l\"] m");

            expect(e, RECEIVED)
                    .pri(1, 6)
                    .version(1)
                    .host("h")
                    .app("a")
                    .sd("{\"d\":{\"e\":\"1\",\"c\":\"l\"},\"id1\":{}}")
                    .message("m")
                    .parser("rfc5424")
                    .warnings(
                            "no timestamp (NILVALUE): using receive time",
                            "duplicate SD-ID 'd' merged")
                    .verify();
        }

        @Test
        void invalidStructuredDataIsKeptInMessage() {
            LogEvent e = parse("<14>1 2026-12-03T10:15:30Z h a 77 - [meta x=\"1\" y=2] tail");

            expect(e, RECEIVED)
                    .pri(1, 6)
                    .version(1)
                    .time("2026-12-03T10:15:30Z")
                    .host("h")
                    .app("a")
                    .procid("77")
                    .message("[meta x=\"1\" y=2] tail")
                    .parser("rfc5424")
                    .warnings(
                            "invalid STRUCTURED-DATA at column 49: expected '=\"' after PARAM-NAME")
                    .verify();
        }

        @Test
        void unterminatedValueOverWholeLineIsKeptInMessage() {
            LogEvent e = parse("<14>1 - h a - - [m v=\"no end] and more");

            expect(e, RECEIVED)
                    .pri(1, 6)
                    .version(1)
                    .host("h")
                    .app("a")
                    .message("[m v=\"no end] and more")
                    .parser("rfc5424")
                    .warnings(
                            "no timestamp (NILVALUE): using receive time",
                            "invalid STRUCTURED-DATA at column 38: unterminated PARAM-VALUE")
                    .verify();
        }

        @Test
        void invalidTimestampFallsBackToReceiveTimeAndKeepsOtherFields() {
            LogEvent e = parse("<29>1 2006-01-02t15:04:05Z h a - - - m");

            expect(e, RECEIVED)
                    .pri(3, 5)
                    .version(1)
                    .host("h")
                    .app("a")
                    .message("m")
                    .parser("rfc5424")
                    .warnings(
                            "invalid RFC 5424 TIMESTAMP '2006-01-02t15:04:05Z': using receive time")
                    .verify();
        }

        @Test
        void nonExistingDateIsInvalid() {
            LogEvent e = parse("<101>1 2018-02-29T22:14:16+01:00 - - - - -");

            assertThat(e.timestampMillis).isEqualTo(RECEIVED.toEpochMilli());
            assertThat(e.warnings)
                    .containsExactly(
                            "invalid RFC 5424 TIMESTAMP '2018-02-29T22:14:16+01:00': using receive"
                                    + " time");
        }

        @Test
        void controlCharacterInHostnameEndsHeader() {
            expect(parse("<1>1 - host\nname - - - -"), RECEIVED)
                    .pri(0, 1)
                    .version(1)
                    .message("host\nname - - - -")
                    .parser("rfc5424")
                    .warnings(
                            "no timestamp (NILVALUE): using receive time",
                            "invalid RFC 5424 HOSTNAME at column 7")
                    .verify();
        }

        @Test
        void overlongAppNameIsKeptWithWarning() {
            String app = "a".repeat(49);
            expect(parse("<1>1 - - " + app + " - - - x"), RECEIVED)
                    .pri(0, 1)
                    .version(1)
                    .app(app)
                    .message("x")
                    .parser("rfc5424")
                    .warnings(
                            "no timestamp (NILVALUE): using receive time",
                            "RFC 5424 APP-NAME longer than 48 characters")
                    .verify();
        }

        @Test
        void truncatedAfterVersion() {
            expect(parse("<1>1"), RECEIVED)
                    .pri(0, 1)
                    .version(1)
                    .parser("rfc5424")
                    .warnings(
                            "truncated RFC 5424 header: no TIMESTAMP",
                            "no timestamp: using receive time")
                    .verify();
        }

        @Test
        void juniperFlowWithStructuredDataAndNoMessage() {
            LogEvent e =
                    parse(
                            "<14>1 2014-05-01T08:26:51.179Z fw01 RT_FLOW - RT_FLOW_SESSION_DENY"
                                    + " [junos@2636.1.1.1.2.39 source-address=\"192.0.2.1\""
                                    + " source-port=\"56639\" policy-name=\"log-all-else\"]");

            expect(e, RECEIVED)
                    .pri(1, 6)
                    .version(1)
                    .time("2014-05-01T08:26:51.179Z")
                    .host("fw01")
                    .app("RT_FLOW")
                    .msgid("RT_FLOW_SESSION_DENY")
                    .sd(
                            "{\"junos@2636.1.1.1.2.39\":{\"source-address\":\"192.0.2.1\","
                                    + "\"source-port\":\"56639\",\"policy-name\":\"log-all-else\"}}")
                    .parser("rfc5424")
                    .verify();
        }

        @Test
        void versionZeroAndDoubleSpaceBeforeMessage() {
            expect(
                            parse("<6>0 2017-02-15T16:01:07.000+01:00 hostname test - - -  test 4"),
                            RECEIVED)
                    .pri(0, 6)
                    .version(0)
                    .time("2017-02-15T15:01:07Z")
                    .host("hostname")
                    .app("test")
                    .message(" test 4")
                    .parser("rfc5424")
                    .warnings("invalid RFC 5424 VERSION 0")
                    .verify();
        }
    }

    @Nested
    class Rfc3164 {

        @Test
        void classicLineGetsYearFromReceiveTime() {
            expect(
                            parse("<34>Oct 11 22:14:15 mymachine su: 'su root' failed for lonvick"),
                            RECEIVED)
                    .pri(4, 2)
                    .time("2026-10-11T19:14:15Z")
                    .host("mymachine")
                    .app("su")
                    .message("'su root' failed for lonvick")
                    .parser("rfc3164")
                    .verify();
        }

        @Test
        void spacePaddedDayAndHostWithoutTag() {
            expect(parse("<13>Feb  5 17:32:18 10.0.0.99 Use the BFG!"), RECEIVED)
                    .pri(1, 5)
                    .time("2026-02-05T14:32:18Z")
                    .host("10.0.0.99")
                    .message("Use the BFG!")
                    .parser("rfc3164")
                    .verify();
        }

        @Test
        void missingHostnameWhenTagFollowsTimestamp() {
            expect(
                            parse(
                                    "<190>Jul  4 09:39:40 dhcpd[64305]: DHCPDISCOVER from"
                                            + " 4c:55:41:a0:fa:99 via eth0.60"),
                            RECEIVED)
                    .pri(23, 6)
                    .time("2026-07-04T06:39:40Z")
                    .app("dhcpd")
                    .procid("64305")
                    .message("DHCPDISCOVER from 4c:55:41:a0:fa:99 via eth0.60")
                    .parser("rfc3164")
                    .verify();
        }

        @Test
        void isoTimestampWithOffsetInBsdHeader() {
            expect(parse("<13>2026-12-03T10:15:30.123+03:00 host app: msg"), RECEIVED)
                    .pri(1, 5)
                    .time("2026-12-03T07:15:30.123Z")
                    .host("host")
                    .app("app")
                    .message("msg")
                    .parser("rfc3164")
                    .verify();
        }

        @Test
        void isoTimestampWithoutOffsetUsesDefaultZone() {
            expect(parse("<13>2026-12-03T10:15:30 host app[9]: msg"), RECEIVED)
                    .pri(1, 5)
                    .time("2026-12-03T07:15:30Z")
                    .host("host")
                    .app("app")
                    .procid("9")
                    .message("msg")
                    .parser("rfc3164")
                    .verify();
        }

        @Test
        void timestampWithYear() {
            expect(parse("<13>Dec  3 2025 10:15:30 host app: msg"), RECEIVED)
                    .pri(1, 5)
                    .time("2025-12-03T07:15:30Z")
                    .host("host")
                    .app("app")
                    .message("msg")
                    .parser("rfc3164")
                    .verify();
        }

        @Test
        void plainLineWithoutPri() {
            expect(
                            parse(
                                    "Dec 10 06:55:46 LabSZ sshd[24200]: Invalid user webmaster"
                                            + " from 192.0.2.186",
                                    Instant.parse("2026-12-11T00:00:00Z")),
                            Instant.parse("2026-12-11T00:00:00Z"))
                    .time("2026-12-10T03:55:46Z")
                    .host("LabSZ")
                    .app("sshd")
                    .procid("24200")
                    .message("Invalid user webmaster from 192.0.2.186")
                    .parser("rfc3164")
                    .warnings("no PRI")
                    .verify();
        }

        @Test
        void sysklogdTagWithProgramVersion() {
            expect(
                            parse(
                                    "Jun 19 04:09:11 combo syslogd 1.4.1: restart.",
                                    Instant.parse("2026-06-20T00:00:00Z")),
                            Instant.parse("2026-06-20T00:00:00Z"))
                    .time("2026-06-19T01:09:11Z")
                    .host("combo")
                    .app("syslogd")
                    .message("restart.")
                    .parser("rfc3164")
                    .warnings("no PRI")
                    .verify();
        }

        @Test
        void bomBeforePriAndBeforeMessage() {
            byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
            byte[] line = "<13>Dec  3 10:15:30 host app: ".getBytes(StandardCharsets.UTF_8);
            byte[] msg = "hé".getBytes(StandardCharsets.UTF_8);
            byte[] payload = new byte[3 + line.length + 3 + msg.length];
            System.arraycopy(bom, 0, payload, 0, 3);
            System.arraycopy(line, 0, payload, 3, line.length);
            System.arraycopy(bom, 0, payload, 3 + line.length, 3);
            System.arraycopy(msg, 0, payload, 6 + line.length, msg.length);

            LogEvent e = parser.parse(raw(payload, RECEIVED));

            expect(e, RECEIVED)
                    .pri(1, 5)
                    .time("2026-12-03T07:15:30Z")
                    .host("host")
                    .app("app")
                    .message("hé")
                    .parser("rfc3164")
                    .verify();
            assertThat(e.original).startsWith("\uFEFF<13>");
        }

        @Test
        void priOutOfRangeIsWarnedAndHeaderStillParsed() {
            expect(parse("<999>Dec  3 10:15:30 host app: msg"), RECEIVED)
                    .time("2026-12-03T07:15:30Z")
                    .host("host")
                    .app("app")
                    .message("msg")
                    .parser("rfc3164")
                    .warnings("invalid PRI '<999>': out of range 0-191")
                    .verify();
        }

        @Test
        void nonNumericPri() {
            expect(parse("<abc>Dec  3 10:15:30 host app: msg"), RECEIVED)
                    .time("2026-12-03T07:15:30Z")
                    .host("host")
                    .app("app")
                    .message("msg")
                    .parser("rfc3164")
                    .warnings("invalid PRI '<abc>'")
                    .verify();
        }

        @Test
        void priWithoutHeaderKeepsRestAsMessage() {
            expect(parse("<45>date=2017-03-06 time=12:53:10 devname=FW1 level=notice"), RECEIVED)
                    .pri(5, 5)
                    .message("date=2017-03-06 time=12:53:10 devname=FW1 level=notice")
                    .parser("rfc3164")
                    .warnings("no timestamp: using receive time")
                    .verify();
        }

        @Test
        void tagWithPidButNoTimestamp() {
            expect(parse("<14>sshd[123]: Accepted publickey"), RECEIVED)
                    .pri(1, 6)
                    .app("sshd")
                    .procid("123")
                    .message("Accepted publickey")
                    .parser("rfc3164")
                    .warnings("no timestamp: using receive time")
                    .verify();
        }

        @Test
        void macTagWithSpacesAndPid() {
            expect(
                            parse(
                                    "Jul  4 23:22:09 mbp Microsoft Word[14463]: .sdef warning for"
                                            + " argument"),
                            RECEIVED)
                    .time("2026-07-04T20:22:09Z")
                    .host("mbp")
                    .app("Microsoft Word")
                    .procid("14463")
                    .message(".sdef warning for argument")
                    .parser("rfc3164")
                    .warnings("no PRI")
                    .verify();
        }

        @Test
        void tagWithPidFollowedByMoreText() {
            expect(parse("Jul  1 09:29:02 mbp sandboxd[129] ([31211]): deny network"), RECEIVED)
                    .time("2026-07-01T06:29:02Z")
                    .host("mbp")
                    .app("sandboxd")
                    .procid("129")
                    .message("([31211]): deny network")
                    .parser("rfc3164")
                    .warnings("no PRI")
                    .verify();
        }

        @Test
        void linuxTagWithParentheses() {
            expect(parse("<86>Jun 14 15:16:01 combo sshd(pam_unix)[19939]: auth failure"), RECEIVED)
                    .pri(10, 6)
                    .time("2026-06-14T12:16:01Z")
                    .host("combo")
                    .app("sshd(pam_unix)")
                    .procid("19939")
                    .message("auth failure")
                    .parser("rfc3164")
                    .verify();
        }

        @Test
        void doubleSpaceBeforeHost() {
            expect(parse("<28>Jun 21 14:03:12  vmx01 rpd[2902]: BGP peer up"), RECEIVED)
                    .pri(3, 4)
                    .time("2026-06-21T11:03:12Z")
                    .host("vmx01")
                    .app("rpd")
                    .procid("2902")
                    .message("BGP peer up")
                    .parser("rfc3164")
                    .verify();
        }

        @Test
        void aristaIsoHeaderWithTagBeforeMnemonicKeepsTag() {
            expect(
                            parse(
                                    "<13>2020-03-31T08:41:59+00:00 some-switch Bgp:"
                                            + " %BGP-5-ADJCHANGE: peer 192.0.2.2 Idle"),
                            RECEIVED)
                    .pri(1, 5)
                    .time("2020-03-31T08:41:59Z")
                    .host("some-switch")
                    .app("Bgp")
                    .message("%BGP-5-ADJCHANGE: peer 192.0.2.2 Idle")
                    .parser("rfc3164")
                    .verify();
        }

        @Test
        void nonSyslogLineIsKeptWhole() {
            String line = "2015-07-29 17:41:44,747 - INFO  [QuorumPeer] - Notification time out";
            expect(parse(line), RECEIVED)
                    .message(line)
                    .parser("none")
                    .warnings("no PRI", "no timestamp: using receive time")
                    .verify();
        }

        @Test
        void emptyPayload() {
            expect(parse(""), RECEIVED)
                    .message("")
                    .parser("none")
                    .warnings("empty payload", "no timestamp: using receive time")
                    .verify();
        }

        @Test
        void onlyNewline() {
            LogEvent e = parse("\r\n");

            assertThat(e.original).isEqualTo("\r\n");
            assertThat(e.warnings).contains("empty payload");
        }

        @Test
        void invalidUtf8IsReplacedAndWarned() {
            byte[] head = "<13>Dec  3 10:15:30 host app: caf".getBytes(StandardCharsets.US_ASCII);
            byte[] payload = new byte[head.length + 2];
            System.arraycopy(head, 0, payload, 0, head.length);
            payload[head.length] = (byte) 0xE9; // Latin-1 'é'
            payload[head.length + 1] = (byte) 0xFF;

            LogEvent e = parser.parse(raw(payload, RECEIVED));

            expect(e, RECEIVED)
                    .pri(1, 5)
                    .time("2026-12-03T07:15:30Z")
                    .host("host")
                    .app("app")
                    .message("caf\uFFFD\uFFFD")
                    .parser("rfc3164")
                    .warnings("payload is not valid UTF-8: invalid bytes replaced")
                    .verify();
            assertThat(e.original).endsWith("caf\uFFFD\uFFFD");
        }

        @Test
        void truncatedRecordIsWarned() {
            RawRecord raw =
                    raw(
                            "<13>Dec  3 10:15:30 host app: x".getBytes(StandardCharsets.UTF_8),
                            RECEIVED);
            raw.truncated = true;

            assertThat(parser.parse(raw).warnings)
                    .containsExactly("payload truncated by the gateway");
        }
    }

    @Nested
    class YearInference {

        @Test
        void decemberMessageReceivedOnNewYearBelongsToPreviousYear() {
            Instant received = Instant.parse("2026-12-31T21:00:30Z"); // 00:00:30 Jan 1 local
            expect(parse("<13>Dec 31 23:59:59 h a: m", received), received)
                    .pri(1, 5)
                    .time("2026-12-31T20:59:59Z")
                    .host("h")
                    .app("a")
                    .message("m")
                    .parser("rfc3164")
                    .verify();
        }

        @Test
        void januaryMessageFromClockAheadBelongsToNextYear() {
            Instant received = Instant.parse("2026-12-31T20:59:50Z"); // 23:59:50 Dec 31 local
            expect(parse("<13>Jan  1 00:00:10 h a: m", received), received)
                    .pri(1, 5)
                    .time("2026-12-31T21:00:10Z")
                    .host("h")
                    .app("a")
                    .message("m")
                    .parser("rfc3164")
                    .verify();
        }

        @Test
        void upToOneMonthAheadStaysInReceiveYear() {
            expect(parse("<13>Dec 30 08:00:00 h a: m"), RECEIVED)
                    .pri(1, 5)
                    .time("2026-12-30T05:00:00Z")
                    .host("h")
                    .app("a")
                    .message("m")
                    .parser("rfc3164")
                    .verify();
        }

        @Test
        void moreThanOneMonthAheadIsLastYear() {
            Instant received = Instant.parse("2026-03-01T09:00:00Z");
            expect(parse("<13>Apr 15 08:00:00 h a: m", received), received)
                    .pri(1, 5)
                    .time("2025-04-15T05:00:00Z")
                    .host("h")
                    .app("a")
                    .message("m")
                    .parser("rfc3164")
                    .verify();
        }

        @Test
        void leapDayInLeapYear() {
            Instant received = Instant.parse("2028-03-01T09:00:00Z");
            expect(parse("<13>Feb 29 08:00:00 h a: m", received), received)
                    .pri(1, 5)
                    .time("2028-02-29T05:00:00Z")
                    .host("h")
                    .app("a")
                    .message("m")
                    .parser("rfc3164")
                    .verify();
        }

        @Test
        void leapDayInCommonYearIsNoTimestamp() {
            LogEvent e = parse("<13>Feb 29 08:00:00 h a: m");

            assertThat(e.timestampMillis).isEqualTo(RECEIVED.toEpochMilli());
            assertThat(e.warnings).containsExactly("no timestamp: using receive time");
        }
    }

    @Nested
    class Cisco {

        @Test
        void sequenceHostSequenceUnsynchronizedClock() {
            expect(
                            parse(
                                    "<189>123: rtr1: 000123: *Mar  1 00:00:00.123: %SYS-5-CONFIG_I:"
                                            + " Configured from console by vty0"),
                            RECEIVED)
                    .pri(23, 5)
                    .time("2026-02-28T21:00:00.123Z")
                    .host("rtr1")
                    .app("SYS-5-CONFIG_I")
                    .message("Configured from console by vty0")
                    .parser("cisco")
                    .warnings("clock not synchronized")
                    .verify();
        }

        @Test
        void sequenceAndUtcTimestampWithMillis() {
            expect(
                            parse(
                                    "<189>45: Dec  3 10:15:30.123 UTC: %LINK-3-UPDOWN: Interface"
                                            + " Gi0/1, changed state to down"),
                            RECEIVED)
                    .pri(23, 5)
                    .time("2026-12-03T10:15:30.123Z")
                    .app("LINK-3-UPDOWN")
                    .message("Interface Gi0/1, changed state to down")
                    .parser("cisco")
                    .verify();
        }

        @Test
        void dotPrefixMeansNotAuthoritative() {
            expect(parse("<187>9: .Dec  3 10:15:30.5: %LINK-3-UPDOWN: down"), RECEIVED)
                    .pri(23, 3)
                    .time("2026-12-03T07:15:30.500Z")
                    .app("LINK-3-UPDOWN")
                    .message("down")
                    .parser("cisco")
                    .warnings("clock not authoritative")
                    .verify();
        }

        @Test
        void relayHeaderBeforeDeviceHeader() {
            expect(
                            parse(
                                    "<190>Jul 13 08:23:43 192.0.2.2 sw01: 3132779: Jul 14 2023"
                                            + " 08:23:43.398 UTC: %FOO-6-BAR: Test header format"),
                            RECEIVED)
                    .pri(23, 6)
                    .time("2023-07-14T08:23:43.398Z")
                    .host("sw01")
                    .app("FOO-6-BAR")
                    .message("Test header format")
                    .parser("cisco")
                    .verify();
        }

        @Test
        void hostWithoutColonBetweenSequenceNumbers() {
            expect(
                            parse(
                                    "<190>3132517: 192.0.2.2 3132513: Jul 14 2023 08:23:43.398 UTC:"
                                            + " %FOO-6-BAR: x"),
                            RECEIVED)
                    .pri(23, 6)
                    .time("2023-07-14T08:23:43.398Z")
                    .host("192.0.2.2")
                    .app("FOO-6-BAR")
                    .message("x")
                    .parser("cisco")
                    .verify();
        }

        @Test
        void ipv6HostWithTrailingColon() {
            expect(
                            parse(
                                    "<190>3132783: 2001:db8::: 3132779: Jul 14 2023 08:23:43.398 UTC:"
                                            + " %FOO-6-BAR: x"),
                            RECEIVED)
                    .pri(23, 6)
                    .time("2023-07-14T08:23:43.398Z")
                    .host("2001:db8::")
                    .app("FOO-6-BAR")
                    .message("x")
                    .parser("cisco")
                    .verify();
        }

        @Test
        void nxosYearFirstWithZoneAbbreviation() {
            expect(
                            parse(
                                    "<46>: 2024 Aug 27 21:40:50 PDT: %SNMPD-6-INFO: SNMP log"
                                            + " informational : Processing packet"),
                            RECEIVED)
                    .pri(5, 6)
                    .time("2024-08-28T04:40:50Z")
                    .app("SNMPD-6-INFO")
                    .message("SNMP log informational : Processing packet")
                    .parser("cisco")
                    .verify();
        }

        @Test
        void nxosHostThenMnemonic() {
            expect(
                            parse(
                                    "<190>2018 Oct 31 08:12:52 sw01.test"
                                            + " %ETHPORT-5-IF_DOWN_ERROR_DISABLED: Interface"
                                            + " Ethernet1/3 is down"),
                            RECEIVED)
                    .pri(23, 6)
                    .time("2018-10-31T05:12:52Z")
                    .host("sw01.test")
                    .app("ETHPORT-5-IF_DOWN_ERROR_DISABLED")
                    .message("Interface Ethernet1/3 is down")
                    .parser("cisco")
                    .verify();
        }

        @Test
        void uptimeInsteadOfClock() {
            expect(parse("<190>3132517: sw01: 3132513: 2y10w: %FOO-6-BAR: Test"), RECEIVED)
                    .pri(23, 6)
                    .host("sw01")
                    .app("FOO-6-BAR")
                    .message("Test")
                    .parser("cisco")
                    .warnings("no timestamp: using receive time")
                    .verify();
        }

        @Test
        void unknownZoneAbbreviationUsesDefaultZone() {
            expect(
                            parse(
                                    "<189>1179: csr-03: May 31 15:25:53.743 XYZT: %LINK-5-CHANGED:"
                                            + " Interface Gi2, changed state"),
                            RECEIVED)
                    .pri(23, 5)
                    .time("2026-05-31T12:25:53.743Z")
                    .host("csr-03")
                    .app("LINK-5-CHANGED")
                    .message("Interface Gi2, changed state")
                    .parser("cisco")
                    .warnings("unknown time zone 'XYZT': using default zone")
                    .verify();
        }

        @Test
        void iosXrNodeIdBeforeTimestampAndTagBeforeMnemonic() {
            expect(
                            parse(
                                    "<187>94307: gw2.acy1 LC/0/2/CPU0:Jul  7 20:16:14.834 :"
                                            + " ifmgr[214]: %PKT_INFRA-LINK-3-UPDOWN : Interface"
                                            + " Te0/2/0/4, changed state to Down"),
                            RECEIVED)
                    .pri(23, 3)
                    .time("2026-07-07T17:16:14.834Z")
                    .host("gw2.acy1")
                    .app("ifmgr")
                    .procid("214")
                    .message(
                            "%PKT_INFRA-LINK-3-UPDOWN : Interface Te0/2/0/4, changed state to"
                                    + " Down")
                    .parser("cisco")
                    .verify();
        }

        @Test
        void missingPriWithRelayHeader() {
            expect(
                            parse(
                                    "Jul 13 08:23:43 192.0.2.2 585917: Jul 14 2023 08:23:43 UTC:"
                                            + " %FOO-6-BAR: Test"),
                            RECEIVED)
                    .time("2023-07-14T08:23:43Z")
                    .host("192.0.2.2")
                    .app("FOO-6-BAR")
                    .message("Test")
                    .parser("cisco")
                    .warnings("no PRI")
                    .verify();
        }
    }
}
