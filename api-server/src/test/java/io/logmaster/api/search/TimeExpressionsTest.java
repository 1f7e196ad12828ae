package io.logmaster.api.search;

import io.logmaster.api.error.InvalidParameterException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimeExpressionsTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    @ParameterizedTest
    @CsvSource({
        "now, 2026-12-03T10:00:00Z",
        "now-30s, 2026-12-03T09:59:30Z",
        "now-15m, 2026-12-03T09:45:00Z",
        "now-24h, 2026-12-02T10:00:00Z",
        "now-7d, 2026-11-26T10:00:00Z",
        "now-2w, 2026-11-19T10:00:00Z",
        "' now-1h ', 2026-12-03T09:00:00Z",
        "now+15m, 2026-12-03T10:15:00Z",
        "now+1d, 2026-12-04T10:00:00Z",
        "now 1d, 2026-12-04T10:00:00Z",
        "now+1w, 2026-12-10T10:00:00Z",
        "2026-12-01T08:30:00Z, 2026-12-01T08:30:00Z",
        "2026-12-01T08:30:00.123456789Z, 2026-12-01T08:30:00.123456789Z",
        "2026-12-01T11:30:00+03:00, 2026-12-01T08:30:00Z"
    })
    void parsesRelativeAndAbsoluteTimes(String value, String expected) {
        assertThat(TimeExpressions.parse("from", value, NOW)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "yesterday",
                "now-",
                "now-15",
                "now+",
                "now--1d",
                "now+-1d",
                "now  1d",
                "now-15M",
                "now-1y",
                "2026-12-01",
                "2026-12-01T08:30:00",
                "1733220930",
                "now-9999999d"
            })
    void rejectsOtherValuesNamingTheParameter(String value) {
        assertThatThrownBy(() -> TimeExpressions.parse("to", value, NOW))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("to ")
                .extracting(e -> ((InvalidParameterException) e).parameter())
                .isEqualTo("to");
    }

    @ParameterizedTest
    @ValueSource(strings = {"now-3661d", "now-600w", "now+3661d", "now+600w"})
    void rejectsLookbacksBeyondTenYears(String value) {
        assertThatThrownBy(() -> TimeExpressions.parse("from", value, NOW))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("3660 days");
    }
}
