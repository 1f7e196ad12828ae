package io.logmaster.api.search;

import io.logmaster.api.error.InvalidParameterException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeveritiesTest {

    @ParameterizedTest
    @CsvSource({
        "0, 0",
        "7, 7",
        "emergency, 0",
        "emerg, 0",
        "alert, 1",
        "critical, 2",
        "crit, 2",
        "error, 3",
        "ERR, 3",
        "Warning, 4",
        "warn, 4",
        "notice, 5",
        "informational, 6",
        "info, 6",
        "debug, 7",
        "' error ', 3"
    })
    void acceptsCodesAndNames(String value, int code) {
        assertThat(Severities.parse(value)).isEqualTo(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"8", "-1", "03", "fatal", "e", "3.0"})
    void rejectsAnythingElse(String value) {
        assertThatThrownBy(() -> Severities.parse(value))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("severity must be 0-7");
    }
}
