package io.logmaster.api.search;

import io.logmaster.api.error.InvalidParameterException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventSearchRequestTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    private static EventSearchRequest.Params p(
            String from, String to, String size, String severity, String sourceIp) {
        return new EventSearchRequest.Params(
                null, from, to, null, null, severity, sourceIp, size, null);
    }

    private static String failingParameter(EventSearchRequest.Params params) {
        try {
            EventSearchRequest.parse(params, NOW);
        } catch (InvalidParameterException e) {
            return e.parameter();
        }
        throw new AssertionError("no InvalidParameterException for " + params);
    }

    @Test
    void defaultsToLast24HoursAnd50Hits() {
        EventSearchRequest r =
                EventSearchRequest.parse(
                        new EventSearchRequest.Params(
                                " ", "", null, "", null, null, null, null, ""),
                        NOW);

        assertThat(r.from()).isEqualTo(Instant.parse("2026-12-02T10:00:00Z"));
        assertThat(r.to()).isEqualTo(NOW);
        assertThat(r.size()).isEqualTo(50);
        assertThat(r.query()).isNull();
        assertThat(r.host()).isNull();
        assertThat(r.severity()).isNull();
        assertThat(r.sourceIp()).isNull();
        assertThat(r.searchAfter()).isNull();
    }

    @Test
    void defaultFromIs24HoursBeforeAGivenTo() {
        EventSearchRequest r = EventSearchRequest.parse(p(null, "now-1h", null, null, null), NOW);

        assertThat(r.from()).isEqualTo(Instant.parse("2026-12-02T09:00:00Z"));
        assertThat(r.to()).isEqualTo(Instant.parse("2026-12-03T09:00:00Z"));
    }

    @Test
    void namesTheBadParameter() {
        assertThat(failingParameter(p("now-1h", "now-2h", null, null, null))).isEqualTo("from");
        assertThat(failingParameter(p("bad", null, null, null, null))).isEqualTo("from");
        assertThat(failingParameter(p(null, "bad", null, null, null))).isEqualTo("to");
        assertThat(failingParameter(p(null, null, "0", null, null))).isEqualTo("size");
        assertThat(failingParameter(p(null, null, "1001", null, null))).isEqualTo("size");
        assertThat(failingParameter(p(null, null, "ten", null, null))).isEqualTo("size");
        assertThat(failingParameter(p(null, null, null, "fatal", null))).isEqualTo("severity");
        assertThat(failingParameter(p(null, null, null, null, "fw1.example")))
                .isEqualTo("source_ip");
        assertThat(
                        failingParameter(
                                new EventSearchRequest.Params(
                                        "x".repeat(4097),
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null)))
                .isEqualTo("q");
        assertThat(
                        failingParameter(
                                new EventSearchRequest.Params(
                                        null,
                                        null,
                                        null,
                                        "h".repeat(1025),
                                        null,
                                        null,
                                        null,
                                        null,
                                        null)))
                .isEqualTo("host");
    }

    @Test
    void acceptsSizeBounds() {
        assertThat(EventSearchRequest.parse(p(null, null, "1", null, null), NOW).size()).isOne();
        assertThat(EventSearchRequest.parse(p(null, null, "1000", null, null), NOW).size())
                .isEqualTo(1000);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "10.1.2.3",
                "0.0.0.0",
                "255.255.255.255",
                "10.0.0.0/8",
                "10.1.2.3/32",
                "::1",
                "2001:db8::1",
                "2001:db8::/32",
                "fe80::1:2:3:4",
                "::ffff:10.1.2.3"
            })
    void acceptsIpLiteralsAndCidrBlocks(String ip) {
        EventSearchRequest.checkIp(ip);
        assertThat(EventSearchRequest.parse(p(null, null, null, null, ip), NOW).sourceIp())
                .isEqualTo(ip);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "localhost",
                "fw1",
                "256.1.1.1",
                "10.1.2",
                "10.1.2.3.4",
                "010.1.2.3",
                "10.1.2.3/33",
                "10.1.2.3/",
                "2001:db8::/129",
                "2001:db8:::1",
                "gggg::1",
                ":"
            })
    void rejectsNonIpValuesWithoutResolvingThem(String ip) {
        assertThatThrownBy(() -> EventSearchRequest.checkIp(ip))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("source_ip must be");
    }
}
