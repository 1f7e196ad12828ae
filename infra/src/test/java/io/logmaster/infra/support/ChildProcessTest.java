package io.logmaster.infra.support;

import io.logmaster.infra.support.ProcessStopper.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChildProcessTest {

    @TempDir Path dir;

    @Test
    void runFeedsStdinAndCapturesOutputIntoLog() throws Exception {
        Path log = dir.resolve("logs/svc.log");

        ChildProcess.Result result =
                runShell("echo out; echo err >&2; cat; exit 3", log, "from stdin\n", null);

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.output()).contains("out\n", "err\n", "from stdin\n");
        assertThat(Files.readString(log)).contains("running: sh -c", "from stdin");
    }

    @Test
    void runRedactsSecretFromOutputAndLog() throws Exception {
        Path log = dir.resolve("svc.log");

        ChildProcess.Result result =
                runShell(
                        "echo \"ERROR: bad statement: $(cat)\"",
                        log,
                        "PASSWORD 'hunter2'",
                        "hunter2");

        assertThat(result.output()).contains("PASSWORD '***'").doesNotContain("hunter2");
        assertThat(Files.readString(log)).doesNotContain("hunter2");
    }

    @Test
    void runKillsCommandThatTakesTooLong() {
        assertThatThrownBy(
                        () ->
                                ChildProcess.run(
                                        "svc",
                                        List.of("sleep", "30"),
                                        Map.of(),
                                        dir,
                                        dir.resolve("svc.log"),
                                        null,
                                        Duration.ofMillis(300)))
                .isInstanceOf(ServiceStartException.class)
                .hasMessageContaining("did not finish");
    }

    @Test
    void startAppendsOutputAndAppliesEnvironment() throws Exception {
        Path log = dir.resolve("svc.log");
        Map<String, String> env = new HashMap<>();
        env.put("LM_TEST_VALUE", "42");
        env.put("HOME", null);

        ChildProcess child =
                ChildProcess.start(
                        "svc",
                        List.of("sh", "-c", "echo value=$LM_TEST_VALUE home=${HOME:-unset}"),
                        env,
                        dir,
                        log);
        assertThat(ProcessStopper.waitForExit(child.handle(), Duration.ofSeconds(30))).isTrue();

        assertThat(child.exitCodeOrNull()).isZero();
        assertThat(Files.readString(log)).contains("value=42 home=unset");
    }

    @Test
    void stopEscalatesWhenSignalIsIgnored() throws Exception {
        ChildProcess child =
                startShellUntilUp(
                        "trap '' TERM INT; echo up-$((1+1)); while true; do sleep 1; done");

        boolean stopped =
                child.stop(
                        List.of(
                                new Step(Signal.INT, Duration.ofMillis(300)),
                                new Step(Signal.TERM, Duration.ofMillis(300)),
                                new Step(Signal.KILL, Duration.ofSeconds(10))));

        assertThat(stopped).isTrue();
        assertThat(child.isAlive()).isFalse();
        assertThat(child.exitCodeOrNull()).isEqualTo(128 + 9);
    }

    @Test
    void stopWithSigintEndsProcessThatHandlesIt() throws Exception {
        ChildProcess child =
                startShellUntilUp(
                        "trap 'exit 7' INT; echo up-$((1+1)); while true; do sleep 0.1; done");

        boolean stopped = child.stop(List.of(new Step(Signal.INT, Duration.ofSeconds(10))));

        assertThat(stopped).isTrue();
        assertThat(child.exitCodeOrNull()).isEqualTo(7);
    }

    /** Runs {@code sh -c script} with {@code stdin} and {@code secret} (both may be null). */
    private ChildProcess.Result runShell(String script, Path log, String stdin, String secret) {
        return ChildProcess.run(
                "svc",
                List.of("sh", "-c", script),
                Map.of(),
                dir,
                log,
                stdin,
                secret,
                Duration.ofSeconds(30));
    }

    /** Starts {@code sh -c script} and waits until it prints {@code up-2}. */
    private ChildProcess startShellUntilUp(String script) throws Exception {
        Path log = dir.resolve("svc.log");
        ChildProcess child =
                ChildProcess.start("svc", List.of("sh", "-c", script), Map.of(), dir, log);
        awaitLogContains(log, "up-2");
        return child;
    }

    /**
     * Waits for the line the child prints once its traps are set (the header shows it unexpanded).
     */
    private static void awaitLogContains(Path log, String text) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!(Files.exists(log) && Files.readString(log).contains(text))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("child never printed " + text);
            }
            Thread.sleep(20);
        }
    }
}
