package io.logmaster.flink;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IngestJobConfigTest {
    static Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("LOGMASTER_PG_PASSWORD", "s3cret");
        env.put("LOGMASTER_DATA_DIR", "/var/lib/logmaster");
        env.put("UNRELATED", "ignored");
        return env;
    }

    static IngestJobConfig load(Map<String, String> env, String... args) {
        return IngestJobConfig.load(env, args);
    }

    @Test
    void appliesLocalDefaults() {
        IngestJobConfig c = load(env());

        assertThat(c.kafkaBootstrap()).isEqualTo("127.0.0.1:19092");
        assertThat(c.esUrls()).containsExactly(URI.create("http://127.0.0.1:19200"));
        assertThat(c.pgUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:15432/logmaster");
        assertThat(c.pgUser()).isEqualTo("logmaster");
        assertThat(c.pgPassword()).isEqualTo("s3cret");
        assertThat(c.archiveDir()).isEqualTo(URI.create("file:///var/lib/logmaster/archive/live"));
        assertThat(c.checkpointDir())
                .isEqualTo(URI.create("file:///var/lib/logmaster/flink/checkpoints"));
        assertThat(c.localCheckpointDir())
                .isEqualTo(Path.of("/var/lib/logmaster/flink/checkpoints"));
        assertThat(c.zone()).isEqualTo(ZoneId.of("Europe/Istanbul"));
        assertThat(c.parallelism()).isEqualTo(1);
        assertThat(c.checkpointInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.uiPort()).isEqualTo(8081);
        assertThat(c.local()).isFalse();
    }

    @Test
    void readsEnvironmentAndLetsArgumentsOverride() {
        Map<String, String> env = env();
        env.put("LOGMASTER_KAFKA_BOOTSTRAP", "k1:9092,k2:9092");
        env.put("LOGMASTER_ES_URL", "http://es1:9200,http://es2:9200");
        env.put("LOGMASTER_ZONE", "UTC");
        env.put("LOGMASTER_FLINK_PARALLELISM", "2");
        env.put("LOGMASTER_FLINK_LOCAL", "true");

        IngestJobConfig c =
                load(
                        env,
                        "--zone",
                        "Europe/Berlin",
                        "--LOGMASTER_FLINK_UI_PORT",
                        "18081",
                        "--checkpoint-interval",
                        "750ms",
                        "--archive-dir",
                        "s3://bucket/archive",
                        "--checkpoint-dir",
                        "/tmp/chk");

        assertThat(c.kafkaBootstrap()).isEqualTo("k1:9092,k2:9092");
        assertThat(c.esUrls())
                .containsExactly(URI.create("http://es1:9200"), URI.create("http://es2:9200"));
        assertThat(c.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(c.parallelism()).isEqualTo(2);
        assertThat(c.uiPort()).isEqualTo(18081);
        assertThat(c.checkpointInterval()).isEqualTo(Duration.ofMillis(750));
        assertThat(c.archiveDir()).isEqualTo(URI.create("s3://bucket/archive"));
        assertThat(c.checkpointDir()).isEqualTo(URI.create("file:///tmp/chk"));
        assertThat(c.local()).isTrue();
    }

    @Test
    void acceptsIsoDurations() {
        assertThat(load(env(), "--checkpoint-interval", "PT1M").checkpointInterval())
                .isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void localCheckpointDirIsNullForRemoteStorage() {
        assertThat(load(env(), "--checkpoint-dir", "s3://b/chk").localCheckpointDir()).isNull();
    }

    @Test
    void rejectsBadValuesNamingThem() {
        assertBad(
                "LOGMASTER_FLINK_PARALLELISM: 'two' is not an integer",
                "--flink-parallelism",
                "two");
        assertBad(
                "LOGMASTER_FLINK_PARALLELISM: 0 is not between 1 and 1024",
                "--flink-parallelism",
                "0");
        assertBad("LOGMASTER_ZONE: 'Mars/Olympus' is not a time zone", "--zone", "Mars/Olympus");
        assertBad("LOGMASTER_FLINK_UI_PORT: 70000 is not a TCP port", "--flink-ui-port", "70000");
        assertBad("LOGMASTER_FLINK_LOCAL: 'yes' is not true or false", "--flink-local", "yes");
        assertBad(
                "LOGMASTER_CHECKPOINT_INTERVAL: 'soon' is not a duration",
                "--checkpoint-interval",
                "soon");
        assertBad(
                "LOGMASTER_CHECKPOINT_INTERVAL: PT0.01S is shorter than 100 ms",
                "--checkpoint-interval",
                "10ms");
        assertBad("LOGMASTER_KAFKA_BOOTSTRAP: 'k1' is not host:port", "--kafka-bootstrap", "k1");
        assertBad(
                "LOGMASTER_KAFKA_BOOTSTRAP: 'k2:x' is not host:port",
                "--kafka-bootstrap",
                "k1:1,k2:x");
        assertBad(
                "LOGMASTER_ES_URL: 'ftp://es:21' is not http(s)://host:port",
                "--es-url",
                "ftp://es:21");
        assertBad(
                "LOGMASTER_ES_URL: 'http://es' is not http(s)://host:port",
                "--es-url",
                "http://es");
        assertBad("LOGMASTER_ES_URL is required", "--es-url", " , ");
        assertBad(
                "LOGMASTER_PG_URL: 'jdbc:mysql://x/db' is not a jdbc:postgresql: URL",
                "--pg-url",
                "jdbc:mysql://x/db");
        assertBad("LOGMASTER_PG_USER is required", "--pg-user", " ");
    }

    @Test
    void requiresPassword() {
        Map<String, String> env = env();
        env.remove("LOGMASTER_PG_PASSWORD");

        assertThatThrownBy(() -> load(env))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("LOGMASTER_PG_PASSWORD is required");
    }

    @Test
    void rejectsUnknownOrIncompleteArguments() {
        assertThatThrownBy(() -> load(env(), "--es-ulr", "http://x:1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown argument '--es-ulr'; known: [")
                .hasMessageContaining("--es-url");
        assertThatThrownBy(() -> load(env(), "--zone"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("argument '--zone' needs a value");
        assertThatThrownBy(() -> load(env(), "zone", "UTC"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected an argument --key value, got 'zone'");
    }

    @Test
    void toStringHidesPassword() {
        IngestJobConfig c = load(env());

        assertThat(c.toString()).doesNotContain("s3cret").contains("pgPassword=***");
    }

    @Test
    void copiesUrlList() {
        List<URI> urls = new java.util.ArrayList<>(List.of(URI.create("http://es:9200")));
        IngestJobConfig c = load(env());
        IngestJobConfig copy =
                new IngestJobConfig(
                        c.kafkaBootstrap(),
                        urls,
                        c.pgUrl(),
                        c.pgUser(),
                        c.pgPassword(),
                        c.archiveDir(),
                        c.checkpointDir(),
                        c.zone(),
                        c.parallelism(),
                        c.checkpointInterval(),
                        c.uiPort(),
                        c.local());
        urls.clear();

        assertThat(copy.esUrls()).hasSize(1);
    }

    private static void assertBad(String message, String... args) {
        assertThatThrownBy(() -> load(env(), args))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(message);
    }
}
