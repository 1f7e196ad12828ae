package io.logmaster.infra.support;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PidFileTest {

    @TempDir Path dir;

    @Test
    void writesAndReadsPid() {
        Path file = dir.resolve("run/kafka.pid");

        PidFile.write(file, 4242);

        assertThat(PidFile.read(file)).hasValue(4242);
        assertThat(dir.resolve("run")).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void readsFirstLineOfPostmasterPid() throws Exception {
        Path file = dir.resolve("postmaster.pid");
        Files.writeString(
                file,
                "16548\n/tmp/x/postgresql\n1764782231\n15432\n\n127.0.0.1\n  1234  5\nready\n");

        assertThat(PidFile.read(file)).hasValue(16548);
    }

    @Test
    void missingEmptyOrGarbageFileHasNoPid() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.pid"), "");
        Path garbage = Files.writeString(dir.resolve("garbage.pid"), "not-a-pid\n");
        Path negative = Files.writeString(dir.resolve("negative.pid"), "-5\n");

        assertThat(PidFile.read(dir.resolve("missing.pid"))).isEmpty();
        assertThat(PidFile.read(empty)).isEmpty();
        assertThat(PidFile.read(garbage)).isEmpty();
        assertThat(PidFile.read(negative)).isEmpty();
    }

    @Test
    void findsLiveProcessWhoseCommandLineMatches() {
        Path file = dir.resolve("self.pid");
        PidFile.write(file, ProcessHandle.current().pid());
        String javaCommand = ProcessHandle.current().info().command().orElseThrow();

        assertThat(PidFile.liveProcess(file, List.of(javaCommand)))
                .map(ProcessHandle::pid)
                .hasValue(ProcessHandle.current().pid());
    }

    @Test
    void ignoresLiveProcessWithOtherCommandLine() {
        Path file = dir.resolve("self.pid");
        PidFile.write(file, ProcessHandle.current().pid());

        assertThat(PidFile.liveProcess(file, List.of("kafka.Kafka", "/no/such/data/dir")))
                .isEmpty();
    }

    @Test
    void ignoresDeadProcess() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        Path file = dir.resolve("dead.pid");
        PidFile.write(file, p.pid());

        assertThat(PidFile.liveProcess(file, List.of("true"))).isEmpty();
    }

    @Test
    void matchesRequireEveryMarker() {
        String cmd = "java -Xmx512m kafka.Kafka /data/kafka/server.properties";

        assertThat(PidFile.matches(cmd, List.of("kafka.Kafka", "/data/kafka"))).isTrue();
        assertThat(PidFile.matches(cmd, List.of("kafka.Kafka", "/other/kafka"))).isFalse();
        assertThat(PidFile.matches("", List.of())).isFalse();
    }

    @Test
    void deleteIgnoresMissingFile() {
        Path file = dir.resolve("x.pid");
        PidFile.delete(file);
        PidFile.write(file, 1);

        PidFile.delete(file);

        assertThat(file).doesNotExist();
    }
}
