package io.logmaster.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logmaster.event.Topics;
import io.logmaster.infra.kafka.KafkaTopics;
import io.logmaster.infra.postgres.PostgresConfig;
import io.logmaster.infra.postgres.PostgresService;
import io.logmaster.infra.support.Ports;
import io.logmaster.infra.support.ServiceStartException;
import io.logmaster.infra.support.TreeCopy;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Starts the real third-party stack once (free ports, a temp data directory), checks each service
 * with its own client, restarts PostgreSQL on the same data, and stops everything.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServiceStackIT {

    private static final String PASSWORD = "it-" + UUID.randomUUID() + "-with'quote";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static Path dataDir;
    private static ServiceStack stack;

    @BeforeAll
    static void startStack() throws Exception {
        dataDir = Files.createTempDirectory("logmaster-stack-it-");
        stack = new ServiceStack(StackConfig.onFreePorts(dataDir, PASSWORD)).stopOnJvmExit();
        stack.start();
        System.out.println("ServiceStackIT startup times: " + stack.startupTimes());
    }

    @AfterAll
    static void stopStack() throws Exception {
        if (stack != null) {
            stack.stop();
        }
        if (dataDir != null) {
            TreeCopy.deleteTree(dataDir);
        }
    }

    @Test
    @Order(1)
    void kafkaHasTheTopicsAndRoundTripsARecord() throws Exception {
        String bootstrap = stack.kafka().bootstrapServers();
        try (Admin admin = Admin.create(KafkaTopics.adminConfig(bootstrap))) {
            assertThat(admin.listTopics().names().get())
                    .contains(Topics.RAW, Topics.EVENTS, Topics.DLQ);
            assertThat(
                            admin.describeTopics(List.of(Topics.RAW))
                                    .allTopicNames()
                                    .get()
                                    .get(Topics.RAW)
                                    .partitions())
                    .hasSize(3);
            // Idempotent: a second run creates nothing and does not fail.
            assertThat(KafkaTopics.ensure(admin, List.of(Topics.RAW, Topics.DLQ), 3)).isEmpty();
        }

        String value = "<34>1 2026-12-03T10:15:30Z fw1 sshd - - - it " + UUID.randomUUID();
        RecordMetadata sent;
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(
                        Map.of(
                                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                bootstrap,
                                ProducerConfig.ACKS_CONFIG,
                                "all"),
                        new StringSerializer(),
                        new StringSerializer())) {
            sent = producer.send(new ProducerRecord<>(Topics.RAW, "10.1.2.3", value)).get();
        }

        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(
                        Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                        new StringDeserializer(),
                        new StringDeserializer())) {
            TopicPartition tp = new TopicPartition(Topics.RAW, sent.partition());
            consumer.assign(List.of(tp));
            consumer.seek(tp, sent.offset());
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (received.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(received::add);
            }
        }
        assertThat(received).isNotEmpty();
        assertThat(received.get(0).key()).isEqualTo("10.1.2.3");
        assertThat(received.get(0).value()).isEqualTo(value);
    }

    @Test
    @Order(1)
    void elasticsearchIsHealthyAndFindsAnIndexedDocument() throws Exception {
        String url = stack.elasticsearch().url();

        JsonNode health = get(url + "/_cluster/health");
        assertThat(health.path("status").asText()).isIn("green", "yellow");
        assertThat(health.path("cluster_name").asText()).isEqualTo("logmaster");

        HttpResponse<String> put =
                HTTP.send(
                        HttpRequest.newBuilder(URI.create(url + "/it-docs/_doc/1?refresh=true"))
                                .header("Content-Type", "application/json")
                                .PUT(
                                        HttpRequest.BodyPublishers.ofString(
                                                "{\"message\":\"hello stack\",\"n\":7}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(201);

        JsonNode search = get(url + "/it-docs/_search?q=message:hello");
        assertThat(search.path("hits").path("total").path("value").asInt()).isEqualTo(1);
        assertThat(search.path("hits").path("hits").get(0).path("_source").path("n").asInt())
                .isEqualTo(7);
    }

    @Test
    @Order(1)
    void postgresServesTheApplicationRoleWithPreparedTransactions() throws Exception {
        try (Connection c = stack.postgres().connect();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE it_rows (id int PRIMARY KEY, note text NOT NULL)");
            s.execute("INSERT INTO it_rows VALUES (1, 'survives restarts')");

            assertThat(single(s, "SELECT note FROM it_rows WHERE id = 1"))
                    .isEqualTo("survives restarts");
            assertThat(single(s, "SHOW max_prepared_transactions")).isEqualTo("64");
            assertThat(single(s, "SELECT current_user")).isEqualTo("logmaster");
            assertThat(
                            single(
                                    s,
                                    "SELECT rolsuper::text FROM pg_roles WHERE rolname = current_user"))
                    .isEqualTo("false");
            assertThat(single(s, "SELECT current_setting('server_version_num')")).startsWith("17");
        }
    }

    @Test
    @Order(2)
    void postgresKeepsDataAcrossRestart() throws Exception {
        long before = stack.postgres().pid().orElseThrow();

        stack.postgres().stop();
        assertThat(isAlive(before)).isFalse();
        stack.postgres().start();

        assertThat(stack.postgres().pid().orElseThrow()).isNotEqualTo(before);
        try (Connection c = stack.postgres().connect();
                Statement s = c.createStatement()) {
            assertThat(single(s, "SELECT note FROM it_rows WHERE id = 1"))
                    .isEqualTo("survives restarts");
        }
    }

    @Test
    @Order(3)
    void secondServerOnTheSameDataDirIsRefusedAsLeftover() {
        PostgresService second =
                new PostgresService(stack.config().postgres(), InfraLayout.detect());

        assertThatThrownBy(second::start)
                .isInstanceOf(ServiceStartException.class)
                .hasMessageContaining(
                        "still runs with PID " + stack.postgres().pid().orElseThrow());
    }

    @Test
    @Order(4)
    void stopLeftoverStopsPostgresFromItsPostmasterPid() {
        long pid = stack.postgres().pid().orElseThrow();

        assertThat(PostgresService.stopLeftover(dataDir)).isTrue();

        assertThat(isAlive(pid)).isFalse();
        assertThat(PostgresService.stopLeftover(dataDir)).isFalse();
    }

    @Test
    @Order(5)
    void wrongPasswordOnExistingClusterFailsClearly() {
        PostgresConfig good = stack.config().postgres();
        PostgresConfig wrong =
                new PostgresConfig(
                        good.dirs(),
                        good.host(),
                        good.port(),
                        good.database(),
                        good.user(),
                        "not-the-password",
                        good.maxPreparedTransactions(),
                        good.startTimeout());
        PostgresService service = new PostgresService(wrong, InfraLayout.detect());

        assertThatThrownBy(service::start)
                .isInstanceOf(ServiceStartException.class)
                .hasMessageContaining("created with another password");
        assertThat(service.pid()).isEmpty();
        assertThat(Ports.isFree(good.host(), good.port())).isTrue();
    }

    @Test
    @Order(6)
    void stopEndsEveryProcess() {
        stack.postgres().start();
        Map<String, ProcessHandle> recorded = ServiceStack.running(dataDir);
        List<Long> pids = new ArrayList<>();
        for (ManagedService service : stack.services()) {
            OptionalLong pid = service.pid();
            assertThat(pid).as(service.name()).isPresent();
            // What './logmaster down' and 'status' would find without this JVM's handles.
            assertThat(recorded.get(service.name()).pid()).isEqualTo(pid.getAsLong());
            assertThat(Files.exists(dataDir.resolve("run/" + service.name() + ".pid")))
                    .as(service.name())
                    .isTrue();
            pids.add(pid.getAsLong());
        }

        stack.stop();

        for (long pid : pids) {
            assertThat(isAlive(pid)).as("PID %d", pid).isFalse();
        }
        for (ManagedService service : stack.services()) {
            assertThat(service.pid()).as(service.name()).isEmpty();
            assertThat(dataDir.resolve("run/" + service.name() + ".pid")).doesNotExist();
        }
        assertThat(ServiceStack.running(dataDir)).isEmpty();
        assertThat(ServiceStack.stopLeftovers(dataDir)).isEmpty();
        assertThat(
                        Ports.isFree("127.0.0.1", stack.config().kafka().port())
                                && Ports.isFree(
                                        "127.0.0.1", stack.config().elasticsearch().httpPort())
                                && Ports.isFree("127.0.0.1", stack.config().postgres().port()))
                .isTrue();
    }

    private static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static String single(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            return rs.getString(1);
        }
    }

    private static JsonNode get(String url) throws Exception {
        HttpResponse<String> response =
                HTTP.send(
                        HttpRequest.newBuilder(URI.create(url)).GET().build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
