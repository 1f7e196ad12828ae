package io.logmaster.flink;

import io.logmaster.flink.recovery.LatestCheckpoint;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A local job that is cancelled (as a killed process would leave it) resumes from its retained
 * checkpoint when started with the configuration IngestJob builds: the source continues where the
 * checkpoint left off instead of starting over.
 */
class ResumeFromCheckpointTest {
    @TempDir Path dataDir;

    @Test
    void restartedLocalJobContinuesFromLatestRetainedCheckpoint() throws Exception {
        IngestJobConfig config =
                IngestJobConfig.load(
                        Map.of(
                                "LOGMASTER_PG_PASSWORD", "pw",
                                "LOGMASTER_DATA_DIR", dataDir.toString(),
                                "LOGMASTER_FLINK_LOCAL", "true",
                                "LOGMASTER_CHECKPOINT_INTERVAL", "200ms"),
                        new String[0]);
        Path checkpoints = config.localCheckpointDir();

        CollectingSink<Long> first = new CollectingSink<>();
        JobClient run1 = start(config, Optional.empty(), first);
        waitFor(
                () ->
                        LatestCheckpoint.find(checkpoints).isPresent()
                                && first.received().size() > 20);
        run1.cancel().get();
        Path retained = LatestCheckpoint.find(checkpoints).orElseThrow();

        CollectingSink<Long> second = new CollectingSink<>();
        JobClient run2 = start(config, Optional.of(retained), second);
        waitFor(() -> second.received().size() > 5);
        run2.cancel().get();

        List<Long> before = first.received();
        long resumedAt = second.received().get(0);
        // Exactly-once from the source's view: it resumes at the checkpointed position, which is
        // past the start and no further than what the first run emitted.
        assertThat(resumedAt).isPositive().isLessThanOrEqualTo(before.get(before.size() - 1) + 1);
        assertThat(second.received().get(5)).isEqualTo(resumedAt + 5);
    }

    private static JobClient start(
            IngestJobConfig config, Optional<Path> restore, CollectingSink<Long> sink)
            throws Exception {
        Configuration conf = IngestJob.flinkConfiguration(config, restore);
        conf.set(RestOptions.BIND_PORT, "0");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(conf);
        env.fromSource(
                        new DataGeneratorSource<>(
                                i -> i,
                                Long.MAX_VALUE,
                                RateLimiterStrategy.perSecond(200),
                                Types.LONG),
                        WatermarkStrategy.noWatermarks(),
                        "numbers")
                .uid("numbers")
                .sinkTo(sink)
                .uid("collect");
        return env.executeAsync("resume test");
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 60 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
