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
    void defaultsToNoTimeBoundsAnd50Hits() {
        EventSearchRequest r =
                EventSearchRequest.parse(
                        new EventSearchRequest.Params(
                                " ", "", null, "", null, null, null, null, ""),
                        NOW);

        // Open on both sides: events from clocks running ahead (or reset) stay findable.
        assertThat(r.from()).isNull();
        assertThat(r.to()).isNull();
        assertThat(r.size()).isEqualTo(50);
        assertThat(r.query()).isNull();
        assertThat(r.host()).isNull();
        assertThat(r.severity()).isNull();
        assertThat(r.sourceIp()).isNull();
        assertThat(r.searchAfter()).isNull();
    }

    @Test
    void anAbsentBoundStaysOpen() {
        EventSearchRequest onlyTo =
                EventSearchRequest.parse(p(null, "now-1h", null, null, null), NOW);

        assertThat(onlyTo.from()).isNull();
        assertThat(onlyTo.to()).isEqualTo(Instant.parse("2026-12-03T09:00:00Z"));
    }

    @Test
    void acceptsAFutureToAndAnOpenEndedRangeFromAnyFrom() {
        EventSearchRequest ahead =
                EventSearchRequest.parse(p("now-1h", "now+1d", null, null, null), NOW);
        EventSearchRequest open =
                EventSearchRequest.parse(p("now+1h", null, null, null, null), NOW);

        assertThat(ahead.from()).isEqualTo(Instant.parse("2026-12-03T09:00:00Z"));
        assertThat(ahead.to()).isEqualTo(Instant.parse("2026-12-04T10:00:00Z"));
        assertThat(open.from()).isEqualTo(Instant.parse("2026-12-03T11:00:00Z"));
        assertThat(open.to()).isNull();
    }

    private static EventSearchRequest.Params q(String q) {
        return new EventSearchRequest.Params(q, null, null, null, null, null, null, null, null);
    }

    @Test
    void limitsTheNumberOfTermsAndOperatorsInQ() {
        String max = String.join(" ", java.util.Collections.nCopies(256, "t"));
        assertThat(EventSearchRequest.parse(q(max), NOW).query()).isEqualTo(max);

        String tooMany = String.join(" ", java.util.Collections.nCopies(1025, "t"));
        assertThatThrownBy(() -> EventSearchRequest.parse(q(tooMany), NOW))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("q has 1025 terms and operators; at most 256 are allowed")
                .extracting(e -> ((InvalidParameterException) e).parameter())
                .isEqualTo("q");
        // Operators count too, even without spaces around them.
        String operators = "a" + "|b".repeat(128);
        assertThat(failingParameter(q(operators))).isEqualTo("q");
        assertThat(failingParameter(q("(" + "x ".repeat(255) + ")"))).isEqualTo("q");
        assertThat(EventSearchRequest.parse(q("\"sshd failed\" -cron pre* | (a + b)"), NOW).query())
                .isNotNull();
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
