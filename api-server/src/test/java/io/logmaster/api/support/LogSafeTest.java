package io.logmaster.api.support;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LogSafeTest {

    @Test
    void escapesLineBreaksSoNoLineCanBeForged() {
        assertThat(LogSafe.text("x\n2026-12-03T18:01:03Z ERROR FORGED\r\n"))
                .isEqualTo("x\\n2026-12-03T18:01:03Z ERROR FORGED\\r\\n")
                .doesNotContain("\n", "\r");
    }

    @Test
    void escapesOtherControlSeparatorAndBidiCharacters() {
        assertThat(LogSafe.text("a\tb\u001b[31mc\u0000d\u007fe\u0085f\u2028g\u2029h\u202ei"))
                .isEqualTo("a\\tb\\u001b[31mc\\u0000d\\u007fe\\u0085f\\u2028g\\u2029h\\u202ei");
    }

    @Test
    void keepsOrdinaryTextIncludingNonAscii() {
        assertThat(LogSafe.text("sshd[42]: Failed password for ğüşİ 😀 from 10.0.0.1"))
                .isEqualTo("sshd[42]: Failed password for ğüşİ 😀 from 10.0.0.1");
        assertThat(LogSafe.text(null)).isEqualTo("null");
        assertThat(LogSafe.text("")).isEmpty();
    }

    @Test
    void capsTheLengthAndSaysHowLongTheTextWas() {
        String safe = LogSafe.text("a".repeat(10_000));

        assertThat(safe).isEqualTo("a".repeat(256) + "...(10000 chars)");
        assertThat(LogSafe.text("b".repeat(256))).isEqualTo("b".repeat(256));
    }

    @Test
    void neverCutsASurrogatePairInHalf() {
        String safe = LogSafe.text("a".repeat(255) + "😀tail");

        assertThat(safe).isEqualTo("a".repeat(255) + "...(261 chars)");
    }
}
