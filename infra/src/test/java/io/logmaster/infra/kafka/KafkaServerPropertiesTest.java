package io.logmaster.infra.kafka;

import io.logmaster.event.Topics;
import io.logmaster.infra.support.DataDirs;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KafkaServerPropertiesTest {

    private final DataDirs dirs = new DataDirs(Path.of("/srv/logmaster/data"));

    @Test
    void rendersSingleNodeKraftBroker() throws Exception {
        KafkaConfig config = KafkaConfig.of(dirs, 19092);

        Properties p = new Properties();
        p.load(new StringReader(KafkaServerProperties.render(config)));

        assertThat(p.getProperty("process.roles")).isEqualTo("broker,controller");
        assertThat(p.getProperty("node.id")).isEqualTo("1");
        assertThat(p.getProperty("listeners"))
                .isEqualTo("PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093");
        assertThat(p.getProperty("controller.quorum.bootstrap.servers"))
                .isEqualTo("127.0.0.1:19093");
        assertThat(p.getProperty("controller.listener.names")).isEqualTo("CONTROLLER");
        assertThat(p.getProperty("log.dirs")).isEqualTo("/srv/logmaster/data/kafka/data");
        assertThat(p.getProperty("transaction.max.timeout.ms")).isEqualTo("3600000");
        assertThat(p.getProperty("group.initial.rebalance.delay.ms")).isEqualTo("0");
    }

    @Test
    void everyReplicationFactorIsOneIncludingShareCoordinator() throws Exception {
        Properties p = new Properties();
        p.load(new StringReader(KafkaServerProperties.render(KafkaConfig.of(dirs, 19092))));

        assertThat(p)
                .containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("transaction.state.log.replication.factor", "1")
                .containsEntry("transaction.state.log.min.isr", "1")
                .containsEntry("share.coordinator.state.topic.replication.factor", "1")
                .containsEntry("share.coordinator.state.topic.min.isr", "1")
                .containsEntry("default.replication.factor", "1");
        assertThat(p.stringPropertyNames())
                .filteredOn(k -> k.contains("replication.factor") || k.endsWith("min.isr"))
                .allSatisfy(k -> assertThat(p.getProperty(k)).isEqualTo("1"));
    }

    @Test
    void explicitControllerPortAndHostAreUsed() {
        KafkaConfig config = KafkaConfig.of(dirs, 40001, 40007);

        assertThat(KafkaServerProperties.settings(config))
                .containsEntry(
                        "listeners", "PLAINTEXT://127.0.0.1:40001,CONTROLLER://127.0.0.1:40007");
        assertThat(config.bootstrapServers()).isEqualTo("127.0.0.1:40001");
    }

    @Test
    void defaultsCreateTheThreeLogmasterTopicsWithThreePartitions() {
        KafkaConfig config = KafkaConfig.of(dirs, 19092);

        assertThat(config.topics()).containsExactly(Topics.RAW, Topics.EVENTS, Topics.DLQ);
        assertThat(config.topicPartitions()).isEqualTo(3);
        assertThat(config.maxHeap()).isEqualTo("512m");
    }

    @Test
    void rejectsBadConfig() {
        KafkaConfig ok = KafkaConfig.of(dirs, 19092);

        assertThatThrownBy(() -> KafkaConfig.of(dirs, 19092, 19092))
                .hasMessageContaining("must differ");
        assertThatThrownBy(() -> KafkaConfig.of(dirs, 0))
                .hasMessageContaining("port must be 1..65535: 0");
        assertThatThrownBy(
                        () ->
                                new KafkaConfig(
                                        dirs,
                                        "127.0.0.1",
                                        1,
                                        2,
                                        "lots",
                                        ok.topics(),
                                        3,
                                        ok.startTimeout()))
                .hasMessageContaining("maxHeap");
        assertThatThrownBy(
                        () ->
                                new KafkaConfig(
                                        dirs,
                                        "127.0.0.1",
                                        1,
                                        2,
                                        "1g",
                                        java.util.List.of("bad topic"),
                                        3,
                                        ok.startTimeout()))
                .hasMessageContaining("invalid topic name: bad topic");
    }

    @Test
    void classpathArgFileQuotesSpacesAndBackslashes() {
        assertThat(KafkaServerProperties.classpathArgFile("/a b/x.jar:/c\\d.jar"))
                .isEqualTo("-cp \"/a b/x.jar:/c\\\\d.jar\"\n");
    }

    @Test
    void log4jConfigWritesToStdout() {
        assertThat(KafkaServerProperties.log4j2())
                .contains("appender.stdout.type = Console", "rootLogger.level = INFO");
    }
}
