package io.logmaster.infra;

import io.logmaster.infra.elasticsearch.ElasticsearchConfig;
import io.logmaster.infra.kafka.KafkaConfig;
import io.logmaster.infra.postgres.PostgresConfig;
import io.logmaster.infra.support.DataDirs;
import io.logmaster.infra.support.Ports;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Configuration of the whole third-party stack on one data directory. Built from the launcher's
 * environment ({@link #fromEnv}), from the local defaults, or on free ports for tests.
 */
public record StackConfig(
        DataDirs dirs,
        KafkaConfig kafka,
        ElasticsearchConfig elasticsearch,
        PostgresConfig postgres) {

    public static final String ENV_DATA_DIR = "LOGMASTER_DATA_DIR";
    public static final String ENV_KAFKA_BOOTSTRAP = "LOGMASTER_KAFKA_BOOTSTRAP";
    public static final String ENV_ES_URL = "LOGMASTER_ES_URL";
    public static final String ENV_PG_URL = "LOGMASTER_PG_URL";
    public static final String ENV_PG_USER = "LOGMASTER_PG_USER";
    public static final String ENV_PG_PASSWORD = "LOGMASTER_PG_PASSWORD";

    public StackConfig {
        Objects.requireNonNull(dirs, "dirs");
        Objects.requireNonNull(kafka, "kafka");
        Objects.requireNonNull(elasticsearch, "elasticsearch");
        Objects.requireNonNull(postgres, "postgres");
        for (DataDirs d : List.of(kafka.dirs(), elasticsearch.dirs(), postgres.dirs())) {
            if (!d.equals(dirs)) {
                throw new IllegalArgumentException(
                        "every service must use data directory "
                                + dirs.root()
                                + ", not "
                                + d.root());
            }
        }
    }

    /** The local defaults: Kafka 19092 (+19093), Elasticsearch 19200 (+19300), PostgreSQL 15432. */
    public static StackConfig defaults(Path dataDir, String pgPassword) {
        DataDirs dirs = new DataDirs(dataDir);
        return new StackConfig(
                dirs,
                KafkaConfig.of(dirs, KafkaConfig.DEFAULT_PORT),
                ElasticsearchConfig.of(dirs, ElasticsearchConfig.DEFAULT_HTTP_PORT),
                PostgresConfig.of(dirs, PostgresConfig.DEFAULT_PORT, pgPassword));
    }

    /**
     * Every service on its own free port, for tests that must not collide with a running {@code
     * ./logmaster up}; Elasticsearch's disk watermarks are off so a full CI disk cannot turn the
     * cluster red.
     */
    public static StackConfig onFreePorts(Path dataDir, String pgPassword) {
        DataDirs dirs = new DataDirs(dataDir);
        List<Integer> ports = Ports.free(5);
        return new StackConfig(
                dirs,
                KafkaConfig.of(dirs, ports.get(0), ports.get(1)),
                ElasticsearchConfig.of(dirs, ports.get(2), ports.get(3))
                        .withDiskThresholdEnabled(false),
                PostgresConfig.of(dirs, ports.get(4), pgPassword));
    }

    /**
     * From the launcher's environment: {@code LOGMASTER_DATA_DIR}, {@code
     * LOGMASTER_KAFKA_BOOTSTRAP} (host:port; the controller takes port + 1), {@code
     * LOGMASTER_ES_URL} (http://host:port; transport takes port + 100), {@code LOGMASTER_PG_URL}
     * (jdbc:postgresql://host:port/db) and {@code LOGMASTER_PG_USER}; the password comes from the
     * caller, who generates and stores it.
     */
    public static StackConfig fromEnv(Map<String, String> env, String pgPassword) {
        DataDirs dirs = new DataDirs(Path.of(env.getOrDefault(ENV_DATA_DIR, "./data")));

        String bootstrap = env.getOrDefault(ENV_KAFKA_BOOTSTRAP, "127.0.0.1:19092");
        URI kafkaUri = parse("kafka://" + bootstrap, ENV_KAFKA_BOOTSTRAP, bootstrap);
        KafkaConfig kafkaDefaults = KafkaConfig.of(dirs, kafkaUri.getPort());
        KafkaConfig kafka =
                new KafkaConfig(
                        dirs,
                        kafkaUri.getHost(),
                        kafkaUri.getPort(),
                        kafkaUri.getPort() + 1,
                        kafkaDefaults.maxHeap(),
                        kafkaDefaults.topics(),
                        kafkaDefaults.topicPartitions(),
                        kafkaDefaults.startTimeout());

        String esUrl = env.getOrDefault(ENV_ES_URL, "http://127.0.0.1:19200");
        URI esUri = parse(esUrl, ENV_ES_URL, esUrl);
        ElasticsearchConfig esDefaults = ElasticsearchConfig.of(dirs, esUri.getPort());
        ElasticsearchConfig es =
                new ElasticsearchConfig(
                        dirs,
                        esUri.getHost(),
                        esDefaults.httpPort(),
                        esDefaults.transportPort(),
                        esDefaults.heap(),
                        esDefaults.clusterName(),
                        esDefaults.nodeName(),
                        esDefaults.diskThresholdEnabled(),
                        esDefaults.startTimeout());

        String pgUrl = env.getOrDefault(ENV_PG_URL, "jdbc:postgresql://127.0.0.1:15432/logmaster");
        if (!pgUrl.startsWith("jdbc:")) {
            throw new IllegalArgumentException(ENV_PG_URL + " must start with jdbc:: " + pgUrl);
        }
        URI pgUri = parse(pgUrl.substring("jdbc:".length()), ENV_PG_URL, pgUrl);
        String database = pgUri.getPath() == null ? "" : pgUri.getPath().replaceFirst("^/", "");
        PostgresConfig pgDefaults = PostgresConfig.of(dirs, pgUri.getPort(), pgPassword);
        PostgresConfig pg =
                new PostgresConfig(
                        dirs,
                        pgUri.getHost(),
                        pgUri.getPort(),
                        database,
                        env.getOrDefault(ENV_PG_USER, "logmaster"),
                        pgPassword,
                        pgDefaults.maxPreparedTransactions(),
                        pgDefaults.startTimeout());
        return new StackConfig(dirs, kafka, es, pg);
    }

    private static URI parse(String uri, String name, String original) {
        try {
            URI parsed = new URI(uri);
            if (parsed.getHost() == null || parsed.getPort() < 0) {
                throw new IllegalArgumentException(
                        name + " needs an explicit host and port: " + original);
            }
            return parsed;
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(name + " is not valid: " + original, e);
        }
    }

    /**
     * The variables our own processes (gateway, Flink jobs, api-server) need to reach the stack,
     * including the PostgreSQL password.
     */
    public Map<String, String> clientEnv() {
        return Map.of(
                ENV_DATA_DIR, dirs.root().toString(),
                ENV_KAFKA_BOOTSTRAP, kafka.bootstrapServers(),
                ENV_ES_URL, elasticsearch.url(),
                ENV_PG_URL, postgres.jdbcUrl(),
                ENV_PG_USER, postgres.user(),
                ENV_PG_PASSWORD, postgres.password());
    }
}
