package io.logmaster.api.search;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SimpleQuerySyntaxTest {
    @Test
    void booleanWordsBecomeSimpleQueryOperators() {
        assertThat(SimpleQuerySyntax.fromBooleanWords("sshd AND failed")).isEqualTo("sshd failed");
        assertThat(SimpleQuerySyntax.fromBooleanWords("xssprobe OR bigprobe"))
                .isEqualTo("xssprobe | bigprobe");
        assertThat(SimpleQuerySyntax.fromBooleanWords("failed NOT root")).isEqualTo("failed -root");
    }

    @Test
    void phrasesAndLowerCaseWordsAreKept() {
        assertThat(SimpleQuerySyntax.fromBooleanWords("\"a AND b\" or and"))
                .isEqualTo("\"a AND b\" or and");
        assertThat(SimpleQuerySyntax.fromBooleanWords("  a   b  ")).isEqualTo("a b");
    }
}
