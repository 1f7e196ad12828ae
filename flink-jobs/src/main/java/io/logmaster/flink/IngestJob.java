package io.logmaster.flink;

import io.logmaster.event.Topics;
import io.logmaster.flink.archive.DailyFileSink;
import io.logmaster.flink.elastic.ElasticsearchEventSink;
import io.logmaster.flink.events.EventsKafkaSink;
import io.logmaster.flink.postgres.PostgresEventSink;
import io.logmaster.flink.recovery.LatestCheckpoint;
import io.logmaster.flink.source.IncomingRecord;
import io.logmaster.flink.source.RawKafkaSource;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.configuration.WebOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.RestoreMode;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Entry point of the ingest job: reads {@code logmaster.raw}, writes the raw records to the daily
 * files and the parsed events to Elasticsearch, PostgreSQL and {@code logmaster.events}, with
 * undecodable records going to {@code logmaster.dlq}. Configured by {@link IngestJobConfig}. With
 * {@code LOGMASTER_FLINK_LOCAL=true} it runs in a local cluster in this process (web UI on
 * 127.0.0.1) and resumes from the newest retained checkpoint; otherwise it is submitted to the
 * cluster of the surrounding {@code flink run}.
 */
public final class IngestJob {
    private static final Logger LOG = LoggerFactory.getLogger(IngestJob.class);

    static final String JOB_NAME = "logmaster-ingest";

    /** Printed to stdout once the job is submitted; the launcher waits for this line. */
    static final String RUNNING_LINE = "ingest job running";

    private IngestJob() {}

    public static void main(String[] args) throws Exception {
        IngestJobConfig config;
        try {
            config = IngestJobConfig.load(System.getenv(), args);
        } catch (IllegalArgumentException e) {
            System.err.println("IngestJob: bad configuration: " + e.getMessage());
            System.exit(2);
            return;
        }
        LOG.info("Starting {} with {}", JOB_NAME, config);

        Optional<Path> restore = Optional.empty();
        if (config.local() && config.localCheckpointDir() != null) {
            restore = LatestCheckpoint.find(config.localCheckpointDir());
            if (restore.isPresent()) {
                LOG.info("Resuming from checkpoint {}", restore.get());
            } else {
                LOG.info(
                        "No complete checkpoint in {}: starting from committed Kafka offsets",
                        config.localCheckpointDir());
            }
        }
        Configuration flinkConf = flinkConfiguration(config, restore);
        StreamExecutionEnvironment env =
                config.local()
                        ? StreamExecutionEnvironment.createLocalEnvironmentWithWebUI(flinkConf)
                        : StreamExecutionEnvironment.getExecutionEnvironment(flinkConf);
        // pipeline.generic-types=false (set above): a Kryo fallback fails at job build time.
        build(env, config);

        JobClient job = env.executeAsync(JOB_NAME);
        System.out.println(RUNNING_LINE);
        System.out.flush();
        if (config.local()) {
            LOG.info(
                    "Job {} running; Flink web UI on http://127.0.0.1:{}/",
                    job.getJobID(),
                    config.uiPort());
        } else {
            LOG.info("Job {} submitted", job.getJobID());
        }
        if (!env.getConfiguration().get(DeploymentOptions.ATTACHED)) {
            return;
        }
        try {
            job.getJobExecutionResult().get();
            LOG.info("Job {} finished", job.getJobID());
        } catch (Exception e) {
            LOG.error("Job {} failed", job.getJobID(), e);
            if (config.local()) {
                // The local cluster's threads would keep the JVM alive; the launcher restarts us.
                System.exit(1);
            }
            throw e;
        }
        if (config.local()) {
            System.exit(0);
        }
    }

    /** Adds the Kafka source and the pipeline with the real sinks to {@code env}. */
    static void build(StreamExecutionEnvironment env, IngestJobConfig config) {
        DataStream<IncomingRecord> incoming =
                env.fromSource(
                                RawKafkaSource.create(config.kafkaBootstrap()),
                                WatermarkStrategy.noWatermarks(),
                                "kafka: " + Topics.RAW)
                        .uid("kafka-raw-source");
        new IngestPipeline(
                        config.zone(),
                        new IngestPipeline.Sinks(
                                RawKafkaSource.deadLetterSink(config.kafkaBootstrap()),
                                DailyFileSink.create(config.archiveDir(), config.zone()),
                                ElasticsearchEventSink.create(config.esUrls()),
                                PostgresEventSink.create(
                                        config.pgUrl(), config.pgUser(), config.pgPassword()),
                                EventsKafkaSink.create(config.kafkaBootstrap())))
                .attach(incoming);
    }

    /** The Flink configuration: checkpoints, restarts, no Kryo; in local mode UI and restore. */
    static Configuration flinkConfiguration(IngestJobConfig config, Optional<Path> restoreFrom) {
        Configuration conf = new Configuration();
        conf.set(CoreOptions.DEFAULT_PARALLELISM, config.parallelism());
        conf.set(PipelineOptions.GENERIC_TYPES, false);

        Duration interval = config.checkpointInterval();
        conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, interval);
        conf.set(
                CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE,
                CheckpointingMode.EXACTLY_ONCE);
        conf.set(CheckpointingOptions.MIN_PAUSE_BETWEEN_CHECKPOINTS, minPause(interval));
        conf.set(CheckpointingOptions.CHECKPOINTING_TIMEOUT, Duration.ofMinutes(5));
        conf.set(CheckpointingOptions.TOLERABLE_FAILURE_NUMBER, 5);
        conf.set(CheckpointingOptions.MAX_CONCURRENT_CHECKPOINTS, 1);
        conf.set(CheckpointingOptions.MAX_RETAINED_CHECKPOINTS, 2);
        conf.set(
                CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
        conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, config.checkpointDir().toString());

        // A task failure restores the last checkpoint inside the same job, for ever, with backoff.
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "exponential-delay");
        conf.set(
                RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF,
                Duration.ofSeconds(1));
        conf.set(
                RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF,
                Duration.ofSeconds(30));
        conf.set(
                RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_RESET_BACKOFF_THRESHOLD,
                Duration.ofMinutes(10));
        conf.set(
                RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_ATTEMPTS,
                Integer.MAX_VALUE);

        if (config.local()) {
            conf.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
            conf.set(RestOptions.ADDRESS, "127.0.0.1");
            conf.set(RestOptions.PORT, config.uiPort());
            // The dashboard is for watching: a cancel there would silently stop ingestion, and a
            // jar upload would run arbitrary code in this process.
            conf.set(WebOptions.CANCEL_ENABLE, false);
            conf.set(WebOptions.SUBMIT_ENABLE, false);
            conf.set(JobManagerOptions.BIND_HOST, "127.0.0.1");
            conf.set(JobManagerOptions.ADDRESS, "127.0.0.1");
            conf.set(TaskManagerOptions.BIND_HOST, "127.0.0.1");
            conf.set(TaskManagerOptions.HOST, "127.0.0.1");
            restoreFrom.ifPresent(
                    chk -> {
                        conf.set(
                                StateRecoveryOptions.SAVEPOINT_PATH,
                                IngestJobConfig.fileUri(chk).toString());
                        // The new job owns the old checkpoint and deletes it once subsumed, so
                        // restarts do not pile up checkpoints.
                        conf.set(StateRecoveryOptions.RESTORE_MODE, RestoreMode.CLAIM);
                    });
        }
        return conf;
    }

    /** Half the interval, at most 2 s: checkpoints never run back to back. */
    static Duration minPause(Duration interval) {
        Duration half = interval.dividedBy(2);
        return half.compareTo(Duration.ofSeconds(2)) > 0 ? Duration.ofSeconds(2) : half;
    }
}
