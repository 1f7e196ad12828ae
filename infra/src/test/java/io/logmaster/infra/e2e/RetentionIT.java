package io.logmaster.infra.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logmaster.compliance.ComplianceMain;
import io.logmaster.infra.stack.LocalStack;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Law 5651 retention on the real stack: a day of 2020 (Elasticsearch index, PostgreSQL partition,
 * sealed and live directories) is deleted by {@code retention} with the default two years, each
 * deletion journaled (with the sealed day's manifest hash) in a chain {@code verify} accepts;
 * today's index, partition and directories stay, and an unsealed old live day is kept.
 */
class RetentionIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final LocalDate OLD = LocalDate.of(2020, 1, 1);
    private static final LocalDate OLD_UNSEALED = LocalDate.of(2020, 1, 2);
    private static final String OLD_INDEX = "logmaster-events-2020.01.01";
    private static final String OLD_TABLE = "events_20200101";

    @Test
    void deletesTheExpiredDayEverywhereJournalsItAndKeepsToday() throws Exception {
        LocalStack stack = SharedStack.get();
        ZoneId zone = stack.config().zone();
        Map<String, String> env = stack.config().componentEnv();
        String es = env.get("LOGMASTER_ES_URL").replaceAll("/$", "");
        Path root = stack.config().dirs().root();
        Path sealed = root.resolve("archive/sealed");
        Path live = root.resolve("archive/live");
        Path journal = root.resolve("archive/retention-journal.jsonl");
        Instant now = Instant.now();
        LocalDate today = LocalDate.ofInstant(now, zone);
        String todayIndex =
                "logmaster-events-"
                        + LocalDate.ofInstant(now, ZoneOffset.UTC)
                                .format(DateTimeFormatter.ofPattern("uuuu.MM.dd"));
        String todayTable = "events_" + today.format(DateTimeFormatter.BASIC_ISO_DATE);

        // The expired day everywhere, and today's units (created if the stack has none yet).
        assertThat(http("PUT", es + "/" + OLD_INDEX)).isEqualTo(200);
        if (http("HEAD", es + "/" + todayIndex) == 404) {
            assertThat(http("PUT", es + "/" + todayIndex)).isEqualTo(200);
        }
        sql(
                "CREATE TABLE "
                        + OLD_TABLE
                        + " PARTITION OF events FOR VALUES FROM ('2020-01-01') TO ('2020-01-02')");
        try (Connection c = connect();
                PreparedStatement ps =
                        c.prepareStatement("SELECT logmaster_ensure_event_partitions(?, 1)")) {
            ps.setObject(1, today);
            ps.execute();
        }
        Path oldSealed = sealed.resolve(OLD.toString());
        Files.createDirectories(oldSealed.resolve("devices/10.9.9.9"));
        byte[] manifest =
                ("{\"day\":\"2020-01-01\",\"format\":\"logmaster-seal/1\",\"run\":\"" + now + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
        Files.write(oldSealed.resolve("manifest.json"), manifest);
        Files.write(oldSealed.resolve("devices/10.9.9.9/records.jsonl.gz"), new byte[] {31, -117});
        String manifestSha =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(manifest));
        Path oldLive = live.resolve(OLD.toString()).resolve("10.9.9.9");
        Files.createDirectories(oldLive);
        Files.writeString(oldLive.resolve("part-0-0.jsonl"), "{\"id\":\"old\"}\n");
        Path unsealedLive = live.resolve(OLD_UNSEALED.toString()).resolve("10.9.9.9");
        Files.createDirectories(unsealedLive);
        Files.writeString(unsealedLive.resolve("part-0-0.jsonl"), "{\"id\":\"unsealed\"}\n");
        Path todaySealed = sealed.resolve(today.toString());
        Path todayLive = live.resolve(today.toString());
        boolean ownTodayDirs = !Files.exists(todaySealed) && !Files.exists(todayLive);
        Files.createDirectories(todaySealed);
        Files.createDirectories(todayLive);
        long journalLinesBefore = Files.exists(journal) ? Files.readAllLines(journal).size() : 0;

        try {
            Clock clock = Clock.fixed(now, zone);
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            int code =
                    ComplianceMain.run(
                            new String[] {"retention"},
                            env,
                            new PrintStream(buf, true, StandardCharsets.UTF_8),
                            clock);
            String out = buf.toString(StandardCharsets.UTF_8);
            System.out.println(out);
            assertThat(code).as(out).isZero();

            assertThat(http("HEAD", es + "/" + OLD_INDEX)).isEqualTo(404);
            assertThat(http("HEAD", es + "/" + todayIndex)).isEqualTo(200);
            assertThat(tableExists(OLD_TABLE)).isFalse();
            assertThat(tableExists(todayTable)).isTrue();
            assertThat(tableExists("events_default")).isTrue();
            assertThat(oldSealed).doesNotExist();
            assertThat(live.resolve(OLD.toString())).doesNotExist();
            assertThat(unsealedLive.resolve("part-0-0.jsonl")).isRegularFile();
            assertThat(out).contains("kept " + OLD_UNSEALED + ": not sealed");
            assertThat(todaySealed).isDirectory();
            assertThat(todayLive).isDirectory();

            List<String> lines = Files.readAllLines(journal, StandardCharsets.UTF_8);
            List<JsonNode> added = new ArrayList<>();
            for (String l : lines.subList((int) journalLinesBefore, lines.size())) {
                added.add(JSON.readTree(l));
            }
            assertThat(added)
                    .extracting(n -> n.get("class").asText() + " " + n.get("target").asText())
                    .containsExactly(
                            "live archive/live/2020-01-01",
                            "archive archive/sealed/2020-01-01",
                            "search " + OLD_INDEX,
                            "events " + OLD_TABLE);
            assertThat(added)
                    .allSatisfy(n -> assertThat(n.get("detail").asText()).isEqualTo("delete"));
            assertThat(added)
                    .allSatisfy(n -> assertThat(n.get("day").asText()).isEqualTo("2020-01-01"));
            assertThat(added.get(1).get("manifest_sha256").asText()).isEqualTo(manifestSha);
            assertThat(added.get(0).get("manifest_sha256").isNull()).isTrue();

            ByteArrayOutputStream check = new ByteArrayOutputStream();
            assertThat(
                            ComplianceMain.run(
                                    new String[] {"verify", journal.toString()},
                                    env,
                                    new PrintStream(check, true, StandardCharsets.UTF_8),
                                    clock))
                    .as(check.toString(StandardCharsets.UTF_8))
                    .isZero();
            assertThat(check.toString(StandardCharsets.UTF_8))
                    .contains("journal OK: " + lines.size() + " line(s)");
        } finally {
            deleteTree(live.resolve(OLD_UNSEALED.toString()));
            deleteTree(oldSealed);
            deleteTree(live.resolve(OLD.toString()));
            if (ownTodayDirs) {
                deleteTree(todaySealed);
                deleteTree(todayLive);
            }
            http("DELETE", es + "/" + OLD_INDEX);
            sql("DROP TABLE IF EXISTS " + OLD_TABLE);
        }
    }

    private static int http(String method, String url) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        b.method(method, HttpRequest.BodyPublishers.noBody());
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static Connection connect() throws Exception {
        LocalStack stack = SharedStack.get();
        return DriverManager.getConnection(
                stack.config().pgUrl(), "logmaster", stack.config().pgPassword());
    }

    private static void sql(String statement) throws Exception {
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private static boolean tableExists(String table) throws Exception {
        try (Connection c = connect();
                PreparedStatement ps = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            ps.setString(1, table);
            try (ResultSet r = ps.executeQuery()) {
                r.next();
                return r.getBoolean(1);
            }
        }
    }

    private static void deleteTree(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
