package io.logmaster.flink;

import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.configuration.WebOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.core.execution.RestoreMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class IngestJobTest {
    static IngestJobConfig config(String... args) {
        return IngestJobConfig.load(
                Map.of("LOGMASTER_PG_PASSWORD", "pw", "LOGMASTER_DATA_DIR", "/tmp/lm"), args);
    }

    @Test
    void configuresExactlyOnceRetainedCheckpointsAndEndlessRestarts() {
        Configuration conf =
                IngestJob.flinkConfiguration(
                        config("--checkpoint-interval", "5s"), Optional.empty());

        assertThat(conf.get(CheckpointingOptions.CHECKPOINTING_INTERVAL))
                .isEqualTo(Duration.ofSeconds(5));
        assertThat(conf.get(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE))
                .isEqualTo(CheckpointingMode.EXACTLY_ONCE);
        assertThat(conf.get(CheckpointingOptions.MIN_PAUSE_BETWEEN_CHECKPOINTS))
                .isEqualTo(Duration.ofMillis(2000));
        assertThat(conf.get(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION))
                .isEqualTo(ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        assertThat(conf.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY))
                .isEqualTo("file:///tmp/lm/flink/checkpoints");
        assertThat(conf.get(RestartStrategyOptions.RESTART_STRATEGY))
                .isEqualTo("exponential-delay");
        assertThat(conf.get(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_ATTEMPTS))
                .isEqualTo(Integer.MAX_VALUE);
        assertThat(conf.contains(RestOptions.PORT)).isFalse();
        assertThat(conf.contains(StateRecoveryOptions.SAVEPOINT_PATH)).isFalse();
    }

    @Test
    void localModeBindsUiToLoopbackAndResumesFromCheckpoint() {
        Path chk = Path.of("/tmp/lm/flink/checkpoints/abc/chk-42");

        Configuration conf =
                IngestJob.flinkConfiguration(
                        config("--flink-local", "true", "--flink-ui-port", "18081"),
                        Optional.of(chk));

        assertThat(conf.get(RestOptions.BIND_ADDRESS)).isEqualTo("127.0.0.1");
        assertThat(conf.get(RestOptions.ADDRESS)).isEqualTo("127.0.0.1");
        assertThat(conf.get(RestOptions.PORT)).isEqualTo(18081);
        assertThat(conf.get(WebOptions.CANCEL_ENABLE)).isFalse();
        assertThat(conf.get(WebOptions.SUBMIT_ENABLE)).isFalse();
        assertThat(conf.get(StateRecoveryOptions.SAVEPOINT_PATH))
                .isEqualTo("file:///tmp/lm/flink/checkpoints/abc/chk-42");
        assertThat(conf.get(StateRecoveryOptions.RESTORE_MODE)).isEqualTo(RestoreMode.CLAIM);
    }

    @Test
    void minPauseIsHalfTheIntervalAtMostTwoSeconds() {
        assertThat(IngestJob.minPause(Duration.ofMillis(500))).isEqualTo(Duration.ofMillis(250));
        assertThat(IngestJob.minPause(Duration.ofMinutes(1))).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void buildsGraphWithStableUidsAndNoKryoTypes() {
        IngestJobConfig config = config();
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(
                        IngestJob.flinkConfiguration(config, Optional.empty()));

        IngestJob.build(env, config);
        // Generating the graph creates every serializer; with generic types disabled a Kryo
        // fallback anywhere would throw here.
        StreamGraph graph = env.getStreamGraph();

        assertThat(env.getConfiguration().get(PipelineOptions.GENERIC_TYPES)).isFalse();
        Set<String> uids =
                graph.getStreamNodes().stream()
                        .map(StreamNode::getTransformationUID)
                        .filter(u -> u != null)
                        .collect(Collectors.toSet());
        assertThat(uids)
                .contains(
                        "kafka-raw-source",
                        "split-dead-letters",
                        "dlq-sink",
                        "daily-files-sink",
                        "parse-syslog",
                        "elasticsearch-sink",
                        "postgres-sink",
                        "events-kafka-sink");
    }
}
