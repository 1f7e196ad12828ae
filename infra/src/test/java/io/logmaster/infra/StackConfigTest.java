package io.logmaster.infra;

import io.logmaster.infra.support.DataDirs;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StackConfigTest {

    @Test
    void defaultsUseTheDocumentedPorts() {
        StackConfig config = StackConfig.defaults(Path.of("/srv/data"), "pw");

        assertThat(config.kafka().bootstrapServers()).isEqualTo("127.0.0.1:19092");
        assertThat(config.kafka().controllerPort()).isEqualTo(19093);
        assertThat(config.elasticsearch().url()).isEqualTo("http://127.0.0.1:19200");
        assertThat(config.elasticsearch().transportPort()).isEqualTo(19300);
        assertThat(config.postgres().jdbcUrl())
                .isEqualTo("jdbc:postgresql://127.0.0.1:15432/logmaster");
        assertThat(config.elasticsearch().diskThresholdEnabled()).isTrue();
    }

    @Test
    void freePortsAreAllDifferentAndDiskWatermarksOff() {
        StackConfig config = StackConfig.onFreePorts(Path.of("/tmp/x"), "pw");

        List<Integer> ports =
                List.of(
                        config.kafka().port(),
                        config.kafka().controllerPort(),
                        config.elasticsearch().httpPort(),
                        config.elasticsearch().transportPort(),
                        config.postgres().port());
        assertThat(ports).doesNotHaveDuplicates().doesNotContain(19092, 19200, 15432);
        assertThat(config.elasticsearch().diskThresholdEnabled()).isFalse();
    }

    @Test
    void readsLauncherEnvironment() {
        Map<String, String> env =
                Map.of(
                        "LOGMASTER_DATA_DIR", "/var/lib/logmaster",
                        "LOGMASTER_KAFKA_BOOTSTRAP", "127.0.0.1:29092",
                        "LOGMASTER_ES_URL", "http://127.0.0.1:29200",
                        "LOGMASTER_PG_URL", "jdbc:postgresql://127.0.0.1:25432/lmdb",
                        "LOGMASTER_PG_USER", "lmuser");

        StackConfig config = StackConfig.fromEnv(env, "generated");

        assertThat(config.dirs()).isEqualTo(new DataDirs(Path.of("/var/lib/logmaster")));
        assertThat(config.kafka().port()).isEqualTo(29092);
        assertThat(config.kafka().controllerPort()).isEqualTo(29093);
        assertThat(config.elasticsearch().httpPort()).isEqualTo(29200);
        assertThat(config.elasticsearch().transportPort()).isEqualTo(29300);
        assertThat(config.postgres().port()).isEqualTo(25432);
        assertThat(config.postgres().database()).isEqualTo("lmdb");
        assertThat(config.postgres().user()).isEqualTo("lmuser");
        assertThat(config.postgres().password()).isEqualTo("generated");
    }

    @Test
    void emptyEnvironmentGivesDefaults() {
        StackConfig config = StackConfig.fromEnv(Map.of(), "pw");

        assertThat(config.dirs().root()).isEqualTo(Path.of("data").toAbsolutePath());
        assertThat(config.clientEnv())
                .containsEntry("LOGMASTER_KAFKA_BOOTSTRAP", "127.0.0.1:19092")
                .containsEntry("LOGMASTER_ES_URL", "http://127.0.0.1:19200")
                .containsEntry("LOGMASTER_PG_URL", "jdbc:postgresql://127.0.0.1:15432/logmaster")
                .containsEntry("LOGMASTER_PG_USER", "logmaster")
                .containsEntry("LOGMASTER_PG_PASSWORD", "pw");
    }

    @Test
    void rejectsMalformedUrls() {
        assertThatThrownBy(
                        () ->
                                StackConfig.fromEnv(
                                        Map.of("LOGMASTER_KAFKA_BOOTSTRAP", "nohost"), "pw"))
                .hasMessageContaining("LOGMASTER_KAFKA_BOOTSTRAP");
        assertThatThrownBy(
                        () ->
                                StackConfig.fromEnv(
                                        Map.of("LOGMASTER_PG_URL", "postgresql://h:1/db"), "pw"))
                .hasMessageContaining("jdbc:");
    }

    @Test
    void servicesMustShareTheDataDirectory() {
        StackConfig a = StackConfig.defaults(Path.of("/a"), "pw");
        StackConfig b = StackConfig.defaults(Path.of("/b"), "pw");

        assertThatThrownBy(
                        () -> new StackConfig(a.dirs(), a.kafka(), b.elasticsearch(), a.postgres()))
                .hasMessageContaining("must use data directory /a");
    }
}
