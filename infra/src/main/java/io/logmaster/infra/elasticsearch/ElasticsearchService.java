package io.logmaster.infra.elasticsearch;

import io.logmaster.infra.InfraLayout;
import io.logmaster.infra.ManagedService;
import io.logmaster.infra.support.ChildProcess;
import io.logmaster.infra.support.ProcessStopper.Step;
import io.logmaster.infra.support.Readiness;
import io.logmaster.infra.support.RunningService;
import io.logmaster.infra.support.ServiceUser;
import io.logmaster.infra.support.Signal;
import io.logmaster.infra.support.TreeCopy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs Elasticsearch from the distribution unpacked at build time ({@code target/elasticsearch})
 * with a per-data-directory config copy, as {@code nobody} when we are root, and waits for yellow
 * cluster health.
 */
public final class ElasticsearchService extends RunningService implements ManagedService {

    private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchService.class);
    static final List<Step> STOP_STEPS =
            List.of(
                    new Step(Signal.TERM, Duration.ofSeconds(60)),
                    new Step(Signal.KILL, Duration.ofSeconds(10)));
    private static final RunningService.Kind KIND =
            new RunningService.Kind(
                    ElasticsearchConfig.SERVICE,
                    "node",
                    "ElasticsearchService",
                    "org.elasticsearch.bootstrap.Elasticsearch",
                    STOP_STEPS,
                    dirs -> dirs.pidFile(ElasticsearchConfig.SERVICE));

    private final ElasticsearchConfig config;
    private final InfraLayout layout;
    private final ServiceUser user;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public ElasticsearchService(ElasticsearchConfig config, InfraLayout layout) {
        this(config, layout, ServiceUser.detect());
    }

    public ElasticsearchService(ElasticsearchConfig config, InfraLayout layout, ServiceUser user) {
        super(KIND, config.dirs(), LOG);
        this.config = config;
        this.layout = layout;
        this.user = user;
    }

    public ElasticsearchConfig config() {
        return config;
    }

    /** Base URL of the REST API. */
    public String url() {
        return config.url();
    }

    @Override
    public synchronized void start() {
        long begin = beginStart(config.host(), config.httpPort(), config.transportPort());
        Path home = reachableHome();
        prepareDirectories(home);

        Map<String, String> env = new HashMap<>();
        env.put("ES_PATH_CONF", config.configDir().toString());
        env.put("ES_JAVA_OPTS", "-Xms" + config.heap() + " -Xmx" + config.heap());
        env.put("ES_JAVA_HOME", System.getProperty("java.home"));
        env.put("ES_TMPDIR", config.tmpDir().toString());
        env.put("JAVA_HOME", null); // ES 7.17 warns about JAVA_HOME; ES_JAVA_HOME wins anyway
        env.put("ES_HOME", null);
        Path logFile = logFile();
        ChildProcess started =
                ChildProcess.start(
                        name(),
                        user.command(List.of(home.resolve("bin/elasticsearch").toString())),
                        env,
                        config.dir(),
                        logFile);
        launched(started);
        LOG.info(
                "Started elasticsearch (PID {}) as {} on {}, log {}",
                started.pid(),
                user,
                config.url(),
                logFile);
        awaitReady(
                () ->
                        Readiness.await(
                                name(), started, logFile, config.startTimeout(), this::healthy));
        ready(begin, started, config.url());
    }

    private boolean healthy() throws IOException, InterruptedException {
        HttpRequest request =
                HttpRequest.newBuilder(
                                URI.create(
                                        config.url()
                                                + "/_cluster/health?wait_for_status=yellow&timeout=2s"))
                        .timeout(Duration.ofSeconds(10))
                        .GET()
                        .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200
                && (response.body().contains("\"status\":\"yellow\"")
                        || response.body().contains("\"status\":\"green\""));
    }

    /**
     * The distribution, or a copy of it under {@code java.io.tmpdir} when the service user cannot
     * reach the build directory (e.g. a checkout under {@code /root}).
     */
    private Path reachableHome() {
        Path home = layout.elasticsearchHome();
        if (user.blockedDirectory(home).isEmpty()) {
            return home;
        }
        Path copy =
                Path.of(System.getProperty("java.io.tmpdir"), "logmaster-infra")
                        .resolve(home.getFileName());
        LOG.info("{} is not reachable by {}; using a copy in {}", home, user.user(), copy);
        TreeCopy.copyOnce(home, copy);
        user.requireReachable(copy, "Elasticsearch distribution copy");
        return copy;
    }

    private void prepareDirectories(Path home) {
        try {
            Files.createDirectories(config.configDir());
            Files.createDirectories(config.dataDir());
            Files.createDirectories(config.logsDir());
            Files.createDirectories(config.tmpDir());
            // A fresh copy each start, so a newer distribution's defaults apply; the keystore
            // and anything else ES created in the config dir stays.
            TreeCopy.copyReplacing(home.resolve("config"), config.configDir());
            Path jvmOptions = config.configDir().resolve("jvm.options");
            Files.writeString(
                    jvmOptions,
                    ElasticsearchSettings.jvmOptions(
                            Files.readString(jvmOptions, StandardCharsets.UTF_8), config),
                    StandardCharsets.UTF_8);
            Files.writeString(
                    config.configDir().resolve("elasticsearch.yml"),
                    ElasticsearchSettings.render(config),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare " + config.dir(), e);
        }
        user.allowTraverse(config.dirs().root());
        user.own(config.dir());
        user.requireReachable(config.dir(), "Elasticsearch directory");
    }

    /**
     * The node process recorded for this data directory in its PID file, if it still runs (and its
     * command line still names the service and the directory); for status and shutdown.
     */
    public static Optional<ProcessHandle> findRunning(Path dataDir) {
        return KIND.findRunning(dataDir);
    }

    /**
     * Stops a node that an earlier run started on this data directory, found by {@code
     * run/elasticsearch.pid}; true when one was running.
     */
    public static boolean stopLeftover(Path dataDir) {
        return KIND.stopLeftover(dataDir);
    }
}
