package io.logmaster.flink.postgres;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PgTextTest {
    @Test
    void replacesNulInTextAndNothingElse() {
        assertThat(PgText.text("a\u0000b\u0000")).isEqualTo("a\uFFFDb\uFFFD");
        assertThat(PgText.text("plain ğüş \t\n")).isEqualTo("plain ğüş \t\n");
        assertThat(PgText.text(null)).isNull();
    }

    @Test
    void replacesNulEscapesInJson() {
        assertThat(PgText.json("{\"m\":\"a\\u0000b\"}")).isEqualTo("{\"m\":\"a\uFFFDb\"}");
        assertThat(PgText.json("{\"m\":\"\\u0000\\u0000\"}")).isEqualTo("{\"m\":\"\uFFFD\uFFFD\"}");
    }

    @Test
    void keepsOtherEscapesAndEscapedBackslashes() {
        // An escaped backslash followed by the text u0000 is not a NUL.
        String json = "{\"m\":\"C:\\\\u0000dir\\n\\t\\\"q\\\" \\u0001\"}";

        assertThat(PgText.json(json)).isEqualTo(json);
    }

    @Test
    void replacesRawNulInJsonToo() {
        assertThat(PgText.json("{\"m\":\"a\u0000\"}")).isEqualTo("{\"m\":\"a\uFFFD\"}");
    }
}
