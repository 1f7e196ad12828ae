package io.logmaster.infra.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.logmaster.infra.send.SendOptions;
import io.logmaster.infra.send.SyslogSender;
import io.logmaster.infra.stack.LocalStack;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The foundation's acceptance run on a real sample (loghub OpenSSH_2k.log from the shared corpus,
 * read from {@code LOGMASTER_CORPUS}): replayed as {@code ./logmaster send} does, at 1,000 lines/s
 * over UDP and at 5,000 lines/s over TCP, every line becomes searchable with host, app and process
 * id parsed. Prints how long after the last line that took (the figure itself is a benchmark:
 * {@code infra/bench/replay-latency.sh}).
 */
class OpenSshReplayIT {
    private static final Duration ARRIVAL_TIMEOUT = Duration.ofMinutes(2);

    @Test
    void openSshSampleIsSearchableAfterReplayOverUdpAndTcp() throws Exception {
        String corpus = System.getenv("LOGMASTER_CORPUS");
        assumeTrue(corpus != null && !corpus.isBlank(), "LOGMASTER_CORPUS is not set");
        Path sample = Path.of(corpus, "loghub", "OpenSSH", "OpenSSH_2k.log");
        assertThat(sample).as("OpenSSH sample in LOGMASTER_CORPUS=%s", corpus).isRegularFile();
        long lines = Files.readAllLines(sample).stream().filter(l -> !l.isEmpty()).count();
        LocalStack stack = SharedStack.get();
        ApiClient api = new ApiClient(stack.config().apiUrl(), "admin", SharedStack.ADMIN_PASSWORD);
        Map<String, String> labsz = PipelineEndToEndIT.query("", "host", "LabSZ");
        labsz.remove("q");

        long before = api.total(labsz);
        replay(stack, sample, "udp", 1000);
        long udpSent = System.nanoTime();
        long afterUdp =
                Await.until(ARRIVAL_TIMEOUT, () -> api.total(labsz), t -> t >= before + lines);
        System.out.printf(
                "OpenSSH_2k over UDP at 1000 lines/s: all searchable %.1f s after the last line%n",
                (System.nanoTime() - udpSent) / 1e9);
        assertThat(afterUdp - before).as("lines found after the UDP replay").isEqualTo(lines);

        replay(stack, sample, "tcp", 5000);
        long tcpSent = System.nanoTime();
        long afterTcp =
                Await.until(ARRIVAL_TIMEOUT, () -> api.total(labsz), t -> t >= afterUdp + lines);
        System.out.printf(
                "OpenSSH_2k over TCP at 5000 lines/s: all searchable %.1f s after the last line%n",
                (System.nanoTime() - tcpSent) / 1e9);
        assertThat(afterTcp - afterUdp).as("lines found after the TCP replay").isEqualTo(lines);

        List<JsonNode> events = api.all(labsz);
        assertThat(events).hasSize((int) (afterTcp));
        assertThat(events)
                .allSatisfy(
                        e -> {
                            assertThat(e.at("/log/syslog/hostname").asText()).isEqualTo("LabSZ");
                            assertThat(e.at("/log/syslog/appname").asText()).isEqualTo("sshd");
                            assertThat(e.at("/log/syslog/procid").asText()).matches("\\d+");
                            assertThat(e.at("/logmaster/parse/parser").asText())
                                    .isEqualTo("rfc3164");
                        });
    }

    private static void replay(LocalStack stack, Path sample, String proto, int rate)
            throws Exception {
        SendOptions options =
                SendOptions.parse(
                        List.of(
                                sample.toString(),
                                "--proto",
                                proto,
                                "--rate",
                                String.valueOf(rate)),
                        stack.config().syslogPort());
        new SyslogSender(options).send(n -> {});
    }
}
