package io.logmaster.infra.support;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class LogTailTest {

    @TempDir Path dir;

    @Test
    void returnsLastLines() throws Exception {
        Path log = Files.writeString(dir.resolve("a.log"), "one\ntwo\nthree\nfour\n");

        assertThat(LogTail.tail(log, 2)).isEqualTo("three\nfour");
    }

    @Test
    void returnsWholeShortFile() throws Exception {
        Path log = Files.writeString(dir.resolve("a.log"), "only line");

        assertThat(LogTail.tail(log, 10)).isEqualTo("only line");
    }

    @Test
    void readsOnlyTheEndOfHugeFile() throws Exception {
        String text =
                IntStream.range(0, 200_000)
                        .mapToObj(i -> "line " + i)
                        .collect(Collectors.joining("\n", "", "\n"));
        Path log = Files.writeString(dir.resolve("big.log"), text);

        assertThat(LogTail.tail(log, 3)).isEqualTo("line 199997\nline 199998\nline 199999");
    }

    @Test
    void saysWhenLogIsMissing() {
        assertThat(LogTail.tail(dir.resolve("none.log"), 5)).startsWith("(no log at ");
    }
}
