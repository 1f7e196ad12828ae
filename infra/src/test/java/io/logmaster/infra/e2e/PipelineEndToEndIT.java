package io.logmaster.infra.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.logmaster.infra.send.SendOptions;
import io.logmaster.infra.send.SyslogSender;
import io.logmaster.infra.stack.LocalStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole pipeline on the real local stack: syslog through the gateway over UDP and TCP (both
 * framings), stored exactly once in Elasticsearch (seen through the API), PostgreSQL and the daily
 * files, also when the Flink process is killed mid-stream.
 */
class PipelineEndToEndIT {
    private static final Duration ARRIVAL_TIMEOUT = Duration.ofMinutes(3);
    private static LocalStack stack;
    private static ApiClient api;

    @TempDir Path tmp;

    @BeforeAll
    static void startStack() throws Exception {
        stack = SharedStack.get();
        api = new ApiClient(stack.config().apiUrl(), "admin", SharedStack.ADMIN_PASSWORD);
    }

    @Test
    void everyLineSentOverUdpAndTcpIsStoredExactlyOnceWithItsFieldsParsed() throws Exception {
        String run = "e2e" + Long.toHexString(System.nanoTime());
        List<RealisticLines.Line> lines = RealisticLines.generate(run, 2400);

        send(lines.subList(0, 1200), "udp", 2000, false);
        send(lines.subList(1200, 1800), "tcp", 0, false);
        send(lines.subList(1800, 2400), "tcp", 0, true);

        assertStoredExactlyOnce(run, lines);
        assertFieldsParsed(run, lines);
    }

    @Test
    void killedFlinkProcessResumesFromItsCheckpointWithoutLossOrDuplicates() throws Exception {
        String run = "crash" + Long.toHexString(System.nanoTime());
        List<RealisticLines.Line> lines = RealisticLines.generate(run, 3000);
        CompletableFuture<Void> sending =
                CompletableFuture.runAsync(
                        () -> {
                            try {
                                send(lines, "tcp", 300, false);
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        });
        // Let the job process and checkpoint part of the stream, then crash it hard.
        Await.until(Duration.ofSeconds(60), () -> api.total(query(run)), n -> n > 600);
        stack.flink().kill();
        Thread.sleep(2000);
        stack.flink().start();
        sending.get();

        assertStoredExactlyOnce(run, lines);
    }

    private void assertStoredExactlyOnce(String run, List<RealisticLines.Line> lines)
            throws Exception {
        int n = lines.size();
        Set<String> expected =
                lines.stream().map(RealisticLines.Line::token).collect(Collectors.toSet());

        long total = Await.until(ARRIVAL_TIMEOUT, () -> api.total(query(run)), t -> t >= n);
        assertThat(total).as("API total for %s", run).isEqualTo(n);
        List<JsonNode> events = api.all(query(run));
        assertThat(tokens(events, e -> e.get("message").asText()))
                .as("tokens found through the API")
                .hasSize(n)
                .containsExactlyInAnyOrderElementsOf(expected);

        long[] pg = Await.until(ARRIVAL_TIMEOUT, () -> postgresCounts(run), c -> c[0] >= n);
        assertThat(pg[0]).as("PostgreSQL rows").isEqualTo(n);
        assertThat(pg[1]).as("PostgreSQL distinct event ids").isEqualTo(n);

        Path archive = stack.config().archiveDir();
        List<JsonNode> records =
                Await.until(
                        ARRIVAL_TIMEOUT,
                        () -> DailyFiles.containing(archive, run),
                        r -> r.size() >= n);
        assertThat(records).as("daily-file records").hasSize(n);
        assertThat(records.stream().map(r -> r.get("id").asText()).distinct().count())
                .as("distinct ids in daily files")
                .isEqualTo(n);
        Map<String, String> rawByToken = new HashMap<>();
        for (JsonNode r : records) {
            String raw = r.get("raw").asText();
            rawByToken.put(lastWord(raw), raw);
        }
        for (RealisticLines.Line line : lines) {
            assertThat(rawByToken.get(line.token()))
                    .as("raw bytes of %s in the daily file", line.token())
                    .isEqualTo(line.text());
        }
        // The same event id everywhere.
        Set<String> apiIds =
                events.stream()
                        .map(e -> e.at("/event/id").asText())
                        .collect(Collectors.toCollection(TreeSet::new));
        Set<String> fileIds =
                records.stream()
                        .map(r -> r.get("id").asText())
                        .collect(Collectors.toCollection(TreeSet::new));
        assertThat(apiIds).isEqualTo(fileIds);
    }

    private void assertFieldsParsed(String run, List<RealisticLines.Line> lines) throws Exception {
        Map<String, JsonNode> byToken = new HashMap<>();
        for (JsonNode e : api.all(query(run))) {
            byToken.put(lastWord(e.get("message").asText()), e);
        }
        for (RealisticLines.Line line : lines) {
            JsonNode e = byToken.get(line.token());
            assertThat(e).as("event %s", line.token()).isNotNull();
            assertThat(e.at("/log/syslog/hostname").asText())
                    .as("hostname of %s", line.text())
                    .isEqualTo(line.hostname());
            if (line.app() != null) {
                assertThat(e.at("/log/syslog/appname").asText())
                        .as("app of %s", line.text())
                        .isEqualTo(line.app());
            }
            if (line.severity() >= 0) {
                assertThat(e.at("/log/syslog/severity/code").asInt())
                        .as("severity of %s", line.text())
                        .isEqualTo(line.severity());
            }
            assertThat(e.at("/event/original").asText()).isEqualTo(line.text());
            assertThat(e.at("/observer/ip").asText()).isEqualTo("127.0.0.1");
        }
        // Host filter of the API selects exactly one generated host.
        long fw1 = lines.stream().filter(l -> l.hostname().equals("fw-1")).count();
        assertThat(api.total(query(run, "host", "fw-1"))).isEqualTo(fw1);
    }

    /**
     * A query over all time: generated lines carry device times across a whole year (the year
     * inferred relative to now), so a relative range would leave some out.
     */
    static Map<String, String> query(String run, String... filters) {
        Map<String, String> q = new HashMap<>();
        q.put("q", run);
        q.put("from", "2000-01-01T00:00:00Z");
        q.put("to", "2100-01-01T00:00:00Z");
        for (int i = 0; i + 1 < filters.length; i += 2) {
            q.put(filters[i], filters[i + 1]);
        }
        return q;
    }

    private long[] postgresCounts(String run) throws Exception {
        try (Connection c =
                        DriverManager.getConnection(
                                stack.config().pgUrl(), "logmaster", stack.config().pgPassword());
                PreparedStatement s =
                        c.prepareStatement(
                                "SELECT count(*), count(DISTINCT event_id) FROM events"
                                        + " WHERE message LIKE ?")) {
            s.setString(1, "%" + run + "-%");
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return new long[] {r.getLong(1), r.getLong(2)};
            }
        }
    }

    private void send(
            List<RealisticLines.Line> lines, String proto, int rate, boolean octetCounting)
            throws Exception {
        Path file = Files.createTempFile(tmp, proto, ".log");
        Files.writeString(
                file,
                lines.stream()
                        .map(RealisticLines.Line::text)
                        .collect(Collectors.joining("\n", "", "\n")),
                StandardCharsets.UTF_8);
        List<String> args = new ArrayList<>(List.of(file.toString(), "--proto", proto));
        args.addAll(List.of("--rate", String.valueOf(rate)));
        if (octetCounting) {
            args.add("--octet-counting");
        }
        SendOptions options = SendOptions.parse(args, stack.config().syslogPort());
        SyslogSender.Result result = new SyslogSender(options).send(x -> {});
        assertThat(result.lines()).isEqualTo(lines.size());
    }

    private static List<String> tokens(
            Collection<JsonNode> events, Function<JsonNode, String> text) {
        return events.stream().map(text).map(PipelineEndToEndIT::lastWord).toList();
    }

    private static String lastWord(String text) {
        return text.substring(text.lastIndexOf(' ') + 1);
    }
}
