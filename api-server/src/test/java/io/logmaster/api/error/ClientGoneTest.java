package io.logmaster.api.error;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;

import static org.assertj.core.api.Assertions.assertThat;

class ClientGoneTest {
    @Test
    void brokenPipeAnywhereInTheCauseChainIsAClosedClient() {
        Exception wrapped =
                new IllegalStateException(
                        "writing", new UncheckedIOException(new IOException("Broken pipe")));

        assertThat(ApiExceptionHandler.clientGone(wrapped)).isTrue();
        assertThat(ApiExceptionHandler.clientGone(new IOException("Connection reset by peer")))
                .isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(ApiExceptionHandler.clientGone(new IllegalStateException("boom"))).isFalse();
        assertThat(ApiExceptionHandler.clientGone(new IOException("disk full"))).isFalse();
    }
}
