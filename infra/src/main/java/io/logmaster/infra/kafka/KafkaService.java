package io.logmaster.infra.kafka;

import io.logmaster.infra.InfraLayout;
import io.logmaster.infra.ManagedService;
import io.logmaster.infra.support.ChildProcess;
import io.logmaster.infra.support.LogTail;
import io.logmaster.infra.support.ProcessStopper.Step;
import io.logmaster.infra.support.Readiness;
import io.logmaster.infra.support.RunningService;
import io.logmaster.infra.support.ServiceStartException;
import io.logmaster.infra.support.Signal;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs a single-node KRaft Kafka broker as a child JVM ({@code kafka.Kafka server.properties} on
 * infra's runtime classpath), formatting its storage on first use, and creates the configured
 * topics once it answers.
 */
public final class KafkaService extends RunningService implements ManagedService {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaService.class);
    private static final String MAIN_CLASS = "kafka.Kafka";
    static final List<Step> STOP_STEPS =
            List.of(
                    new Step(Signal.TERM, Duration.ofSeconds(60)),
                    new Step(Signal.KILL, Duration.ofSeconds(10)));
    private static final RunningService.Kind KIND =
            new RunningService.Kind(
                    KafkaConfig.SERVICE,
                    "broker",
                    "KafkaService",
                    MAIN_CLASS,
                    STOP_STEPS,
                    dirs -> dirs.pidFile(KafkaConfig.SERVICE));

    private final KafkaConfig config;
    private final InfraLayout layout;

    public KafkaService(KafkaConfig config, InfraLayout layout) {
        super(KIND, config.dirs(), LOG);
        this.config = config;
        this.layout = layout;
    }

    public KafkaConfig config() {
        return config;
    }

    public String bootstrapServers() {
        return config.bootstrapServers();
    }

    @Override
    public synchronized void start() {
        long begin = beginStart(config.host(), config.port(), config.controllerPort());
        writeConfig();
        String classpath = layout.runtimeClasspathString();
        Path logFile = logFile();
        formatIfNeeded(classpath, logFile);

        ChildProcess started =
                ChildProcess.start(
                        name(),
                        javaCommand(
                                classpath,
                                List.of(),
                                MAIN_CLASS,
                                config.propertiesFile().toString()),
                        Map.of(),
                        config.dir(),
                        logFile);
        launched(started);
        LOG.info(
                "Started kafka (PID {}) on {}, log {}",
                started.pid(),
                config.bootstrapServers(),
                logFile);
        awaitReady(() -> awaitTopics(started, logFile));
        ready(begin, started, config.bootstrapServers());
    }

    /** Waits until the broker answers, then creates the configured topics. */
    private void awaitTopics(ChildProcess started, Path logFile) {
        try (Admin admin = Admin.create(KafkaTopics.adminConfig(config.bootstrapServers()))) {
            Readiness.await(
                    name(),
                    started,
                    logFile,
                    config.startTimeout(),
                    () -> !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty());
            KafkaTopics.ensure(admin, config.topics(), config.topicPartitions());
        }
    }

    private void writeConfig() {
        try {
            Files.createDirectories(config.logDir());
            Files.writeString(
                    config.propertiesFile(),
                    KafkaServerProperties.render(config),
                    StandardCharsets.UTF_8);
            Files.writeString(
                    config.log4jFile(), KafkaServerProperties.log4j2(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write Kafka config in " + config.dir(), e);
        }
    }

    /** Formats the KRaft storage unless a previous start already did (meta.properties exists). */
    private void formatIfNeeded(String classpath, Path logFile) {
        if (Files.exists(config.logDir().resolve("meta.properties"))) {
            return;
        }
        String clusterId = Uuid.randomUuid().toString();
        LOG.info("Formatting Kafka storage in {} (cluster id {})", config.logDir(), clusterId);
        ChildProcess.Result result =
                ChildProcess.run(
                        name(),
                        javaCommand(
                                classpath,
                                // A short-lived JVM: C1 only starts faster.
                                List.of("-XX:TieredStopAtLevel=1"),
                                "kafka.tools.StorageTool",
                                "format",
                                "--standalone",
                                "--cluster-id",
                                clusterId,
                                "--config",
                                config.propertiesFile().toString()),
                        Map.of(),
                        config.dir(),
                        logFile,
                        null,
                        config.startTimeout());
        if (result.exitCode() != 0) {
            throw new ServiceStartException(
                    "kafka: formatting storage failed with exit code "
                            + result.exitCode()
                            + ". Last lines of "
                            + logFile
                            + ":\n"
                            + LogTail.tail(logFile, 30));
        }
    }

    private List<String> javaCommand(
            String classpath, List<String> extraJvmFlags, String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(InfraLayout.javaExecutable().toString());
        command.add("-Xmx" + config.maxHeap());
        command.add("-XX:+UseG1GC");
        command.add("-XX:MaxGCPauseMillis=20");
        command.add("-Djava.awt.headless=true");
        command.add("-Dlog4j2.configurationFile=" + config.log4jFile().toUri());
        // The classpath is long: an @argfile keeps ps output and the log header readable.
        command.addAll(extraJvmFlags);
        command.add("@" + classpathArgFile(classpath));
        command.add(mainClass);
        command.addAll(List.of(args));
        return command;
    }

    private Path classpathArgFile(String classpath) {
        Path file = config.dir().resolve("classpath.argfile");
        try {
            Files.writeString(
                    file,
                    KafkaServerProperties.classpathArgFile(classpath),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
        return file;
    }

    /**
     * The broker process recorded for this data directory in its PID file, if it still runs (and
     * its command line still names the service and the directory); for status and shutdown.
     */
    public static Optional<ProcessHandle> findRunning(Path dataDir) {
        return KIND.findRunning(dataDir);
    }

    /**
     * Stops a broker that an earlier run started on this data directory (e.g. after our JVM
     * crashed), found by {@code run/kafka.pid}; true when one was running.
     */
    public static boolean stopLeftover(Path dataDir) {
        return KIND.stopLeftover(dataDir);
    }
}
