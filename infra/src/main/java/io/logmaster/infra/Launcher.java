package io.logmaster.infra;

import io.logmaster.infra.send.SendOptions;
import io.logmaster.infra.send.SyslogSender;
import io.logmaster.infra.stack.LocalStack;
import io.logmaster.infra.stack.LocalStackConfig;
import io.logmaster.infra.support.DataDirs;
import io.logmaster.infra.support.PidFile;
import io.logmaster.infra.support.ProcessStopper;
import io.logmaster.infra.support.Signal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * Entry point of {@code ./logmaster}: {@code up}, {@code down}, {@code status} and {@code send}.
 * Configuration comes from {@code LOGMASTER_*} variables over {@code infra/logmaster.env}.
 */
public final class Launcher {
    private static final String LAUNCHER = "launcher";

    /** Set first by ./logmaster, see {@link io.logmaster.infra.component.Components#marker}. */
    private static final String MARKER = io.logmaster.infra.component.Components.marker(LAUNCHER);

    /** Set once the stack is being stopped, so parts going down are not reported as failures. */
    private static final java.util.concurrent.atomic.AtomicBoolean STOPPING =
            new java.util.concurrent.atomic.AtomicBoolean();

    /** How often the launcher restarts one of our processes that keeps exiting. */
    private static final int MAX_RESTARTS = 5;

    private Launcher() {}

    public static void main(String[] args) {
        Path home = Path.of(System.getProperty("logmaster.home", ".")).toAbsolutePath().normalize();
        String command = args.length == 0 ? "help" : args[0];
        List<String> rest = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
        try {
            LocalStackConfig config = LocalStackConfig.load(home, System.getenv());
            int code =
                    switch (command) {
                        case "up" -> up(config);
                        case "down" -> down(config.dirs());
                        case "status" -> status(config);
                        case "send" -> send(config, rest);
                        case "bench" -> bench(config, rest);
                        case "seal", "verify", "prove", "retention" ->
                                compliance(config, command, rest);
                        default -> {
                            System.err.println(
                                    "unknown command '" + command + "'; see ./logmaster help");
                            yield 2;
                        }
                    };
            System.exit(code);
        } catch (IllegalArgumentException e) {
            System.err.println("logmaster: " + e.getMessage());
            System.exit(2);
        } catch (Exception e) {
            System.err.println("logmaster " + command + " failed: " + e.getMessage());
            System.exit(1);
        }
    }

    private static int up(LocalStackConfig config) throws InterruptedException {
        DataDirs dirs = config.dirs();
        Optional<ProcessHandle> running =
                PidFile.liveProcess(dirs.pidFile(LAUNCHER), List.of(MARKER));
        if (running.isPresent()) {
            System.err.println(
                    "LogMaster already runs on "
                            + dirs.root()
                            + " (PID "
                            + running.get().pid()
                            + "): ./logmaster down first");
            return 1;
        }
        dirs.createBase();
        PidFile.write(dirs.pidFile(LAUNCHER), ProcessHandle.current().pid());
        CountDownLatch stopped = new CountDownLatch(1);
        LocalStack[] stack = new LocalStack[1];
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    STOPPING.set(true);
                                    System.out.println("Stopping LogMaster...");
                                    synchronized (stack) {
                                        if (stack[0] != null) {
                                            stack[0].close();
                                        }
                                    }
                                    PidFile.delete(dirs.pidFile(LAUNCHER));
                                    System.out.println("LogMaster stopped.");
                                    stopped.countDown();
                                },
                                "logmaster-down"));
        System.out.println("Data directory: " + dirs.root());
        LocalStack started = LocalStack.start(config, System.out::println);
        synchronized (stack) {
            stack[0] = started;
        }
        printBanner(config);
        watch(started);
        sealHourly(config);
        stopped.await();
        return 0;
    }

    private static void printBanner(LocalStackConfig config) {
        String password =
                config.adminPasswordGenerated()
                        ? config.adminPassword()
                                + "   (generated; stored in "
                                + config.dirs().secrets().resolve("admin-password")
                                + ")"
                        : "(the one in LOGMASTER_ADMIN_PASSWORD)";
        System.out.println();
        System.out.println("LogMaster is up.");
        System.out.println(
                "  Web UI (search)   " + config.apiUrl() + "      login: admin / " + password);
        System.out.println("  Flink dashboard   " + config.flinkUrl());
        System.out.println(
                "  Syslog            udp://"
                        + config.syslogBind()
                        + ":"
                        + config.syslogPort()
                        + "  tcp://"
                        + config.syslogBind()
                        + ":"
                        + config.syslogPort());
        System.out.println("  Data              " + config.dirs().root());
        System.out.println("  Logs              " + config.dirs().logs());
        System.out.println("Press Ctrl-C or run ./logmaster down to stop.");
    }

    /**
     * Watches every part while the stack runs. One of our own processes that exits on its own (a
     * crash, or its job cancelled) is started again, at most {@value #MAX_RESTARTS} times in a row;
     * a service that stops is reported, once.
     */
    private static void watch(LocalStack stack) {
        Thread watcher =
                new Thread(
                        () -> {
                            java.util.Set<String> reported = new java.util.HashSet<>();
                            java.util.Map<String, Integer> restarts = new java.util.HashMap<>();
                            while (!STOPPING.get()) {
                                for (var service : stack.services().services()) {
                                    if (service.pid().isEmpty()
                                            && !STOPPING.get()
                                            && reported.add(service.name())) {
                                        System.err.println(
                                                service.name()
                                                        + " is not running any more: see "
                                                        + stack.config()
                                                                .dirs()
                                                                .logFile(service.name()));
                                    }
                                }
                                for (var part :
                                        List.of(
                                                stack.apiServer(),
                                                stack.flink(),
                                                stack.gateway())) {
                                    if (part.pid().isPresent() || STOPPING.get()) {
                                        continue;
                                    }
                                    int n = restarts.merge(part.name(), 1, Integer::sum);
                                    if (n > MAX_RESTARTS) {
                                        if (reported.add(part.name())) {
                                            System.err.println(
                                                    part.name()
                                                            + " keeps exiting; gave up after "
                                                            + MAX_RESTARTS
                                                            + " restarts: see "
                                                            + stack.config()
                                                                    .dirs()
                                                                    .logFile(part.name()));
                                        }
                                        continue;
                                    }
                                    System.err.println(
                                            part.name()
                                                    + " exited unexpectedly; restarting it ("
                                                    + n
                                                    + "/"
                                                    + MAX_RESTARTS
                                                    + "), see "
                                                    + stack.config().dirs().logFile(part.name()));
                                    try {
                                        part.start();
                                        System.err.println(part.name() + " is running again.");
                                    } catch (RuntimeException e) {
                                        System.err.println(
                                                part.name() + " did not start: " + e.getMessage());
                                    }
                                }
                                try {
                                    Thread.sleep(5000);
                                } catch (InterruptedException e) {
                                    return;
                                }
                            }
                        },
                        "logmaster-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    /**
     * Seals closed days by itself: once after start and then every hour (a day closes at midnight
     * in the configured zone plus the grace period); output in {@code logs/seal.log}.
     */
    private static void sealHourly(LocalStackConfig config) {
        java.time.LocalDate[] lastVerified = new java.time.LocalDate[1];
        var scheduler =
                java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "logmaster-seal");
                            t.setDaemon(true);
                            return t;
                        });
        scheduler.scheduleWithFixedDelay(
                () -> {
                    if (STOPPING.get()) {
                        return;
                    }
                    List<List<String>> tasks = new java.util.ArrayList<>();
                    tasks.add(List.of("seal"));
                    tasks.add(List.of("retention"));
                    java.time.LocalDate today = java.time.LocalDate.now(config.zone());
                    Path sealed = config.dirs().root().resolve("archive").resolve("sealed");
                    if (!today.equals(lastVerified[0]) && hasSealedDay(sealed)) {
                        // Once a day, every archive is checked again (hashes, Merkle roots,
                        // signatures, stamps, chain).
                        tasks.add(List.of("verify", sealed.toString()));
                        lastVerified[0] = today;
                    }
                    for (List<String> args : tasks) {
                        String task = args.get(0);
                        ProcessBuilder pb =
                                new io.logmaster.infra.component.Components(config)
                                        .complianceCommand(args);
                        pb.redirectErrorStream(true);
                        pb.redirectOutput(
                                ProcessBuilder.Redirect.appendTo(
                                        config.dirs().logFile(task).toFile()));
                        try {
                            int code = pb.start().waitFor();
                            if (task.equals("verify") && code != 0) {
                                System.err.println(
                                        "ALERT: archive verification FAILED for "
                                                + sealed
                                                + ": see "
                                                + config.dirs().logFile(task));
                            } else if (code == 1) {
                                System.err.println(
                                        task + " failed: see " + config.dirs().logFile(task));
                            }
                        } catch (java.io.IOException e) {
                            System.err.println("Cannot run " + task + ": " + e.getMessage());
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                },
                1,
                60,
                java.util.concurrent.TimeUnit.MINUTES);
    }

    private static boolean hasSealedDay(Path sealed) {
        try (var days = java.nio.file.Files.list(sealed)) {
            return days.anyMatch(d -> d.getFileName().toString().matches("\\d{4}-\\d{2}-\\d{2}"));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** {@code seal [--day D]}, {@code verify PATH ...}, {@code prove --day D --id ID}. */
    private static int compliance(LocalStackConfig config, String command, List<String> args)
            throws Exception {
        List<String> all = new java.util.ArrayList<>();
        all.add(command);
        all.addAll(args);
        ProcessBuilder pb =
                new io.logmaster.infra.component.Components(config).complianceCommand(all);
        pb.inheritIO();
        return pb.start().waitFor();
    }

    private static int down(DataDirs dirs) {
        Optional<ProcessHandle> launcher =
                PidFile.liveProcess(dirs.pidFile(LAUNCHER), List.of(MARKER));
        if (launcher.isPresent()) {
            System.out.println("Stopping LogMaster (PID " + launcher.get().pid() + ")...");
            ProcessStopper.stop(
                    LAUNCHER,
                    launcher.get(),
                    List.of(
                            new ProcessStopper.Step(Signal.TERM, Duration.ofSeconds(120)),
                            new ProcessStopper.Step(Signal.KILL, Duration.ofSeconds(10))));
        }
        PidFile.delete(dirs.pidFile(LAUNCHER));
        List<String> leftovers = LocalStack.stopLeftovers(dirs);
        if (launcher.isEmpty() && leftovers.isEmpty()) {
            System.out.println("LogMaster is not running on " + dirs.root());
        } else if (!leftovers.isEmpty()) {
            System.out.println("Stopped: " + String.join(", ", leftovers));
        }
        System.out.println("LogMaster is stopped.");
        return 0;
    }

    private static int status(LocalStackConfig config) {
        DataDirs dirs = config.dirs();
        Optional<ProcessHandle> launcher =
                PidFile.liveProcess(dirs.pidFile(LAUNCHER), List.of(MARKER));
        System.out.println("Data directory: " + dirs.root());
        System.out.printf(
                "  %-14s %s%n",
                "launcher", launcher.map(p -> "running (PID " + p.pid() + ")").orElse("stopped"));
        boolean anyDown = launcher.isEmpty();
        for (String service : List.of("postgresql", "kafka", "elasticsearch")) {
            Optional<ProcessHandle> p =
                    PidFile.read(dirs.pidFile(service)).isPresent()
                            ? ProcessHandle.of(PidFile.read(dirs.pidFile(service)).getAsLong())
                                    .filter(ProcessHandle::isAlive)
                            : Optional.empty();
            anyDown |= p.isEmpty();
            System.out.printf(
                    "  %-14s %s%n",
                    service, p.map(h -> "running (PID " + h.pid() + ")").orElse("stopped"));
        }
        for (var entry : LocalStack.componentStatus(dirs).entrySet()) {
            anyDown |= entry.getValue().isEmpty();
            System.out.printf(
                    "  %-14s %s%n",
                    entry.getKey(),
                    entry.getValue().isPresent()
                            ? "running (PID " + entry.getValue().getAsLong() + ")"
                            : "stopped");
        }
        if (launcher.isPresent()) {
            System.out.println("  Web UI " + config.apiUrl() + "  Flink " + config.flinkUrl());
        }
        printGatewayCounters(config);
        return anyDown ? 3 : 0;
    }

    /**
     * {@code ./logmaster bench [--rate N] [--seconds S] [--proto tcp|udp]} against the running
     * stack: sustained end-to-end rate and receive-to-searchable latency.
     */
    private static int bench(LocalStackConfig config, List<String> args) throws Exception {
        int rate = 1000;
        int seconds = 30;
        String proto = "tcp";
        for (int i = 0; i < args.size(); i++) {
            String value = i + 1 < args.size() ? args.get(i + 1) : null;
            switch (args.get(i)) {
                case "--rate" -> rate = Integer.parseInt(required(value, "--rate"));
                case "--seconds" -> seconds = Integer.parseInt(required(value, "--seconds"));
                case "--proto" -> proto = required(value, "--proto");
                default ->
                        throw new IllegalArgumentException("unknown option '" + args.get(i) + "'");
            }
            i++;
        }
        System.out.printf(
                "Benchmark: %d lines/s for %d s over %s to 127.0.0.1:%d, watching %s%n",
                rate, seconds, proto, config.syslogPort(), config.services().elasticsearch().url());
        var result =
                new io.logmaster.infra.bench.EndToEndBenchmark(
                                "127.0.0.1",
                                config.syslogPort(),
                                proto,
                                config.services().elasticsearch().url())
                        .run(rate, seconds, Duration.ofSeconds(120));
        System.out.println(result);
        return result.searchable() == result.sent() ? 0 : 1;
    }

    private static String required(String value, String option) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }

    /** The gateway's counters of what it received, rejected and dropped, when it serves them. */
    private static void printGatewayCounters(LocalStackConfig config) {
        String port = config.passThrough().get("LOGMASTER_GATEWAY_METRICS_PORT");
        if (port == null || port.equals("0")) {
            return;
        }
        String url = "http://127.0.0.1:" + port + "/metrics";
        try {
            var response =
                    java.net.http.HttpClient.newHttpClient()
                            .send(
                                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                                            .timeout(Duration.ofSeconds(3))
                                            .build(),
                                    java.net.http.HttpResponse.BodyHandlers.ofLines());
            System.out.println("Gateway counters (" + url + "):");
            response.body()
                    .filter(line -> line.startsWith("logmaster_gateway_"))
                    .filter(
                            line ->
                                    line.contains("messages_received")
                                            || line.contains("published_total")
                                            || line.contains("framing_errors")
                                            || line.contains("truncated")
                                            || line.contains("drops_total")
                                            || line.contains("kafka_send_errors")
                                            || line.contains("open_connections"))
                    .forEach(line -> System.out.println("  " + line));
        } catch (java.io.IOException e) {
            System.out.println("Gateway counters: not reachable at " + url);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int send(LocalStackConfig config, List<String> args) throws Exception {
        SendOptions options = SendOptions.parse(args, config.syslogPort());
        for (Path file : options.files()) {
            if (!java.nio.file.Files.isReadable(file)) {
                throw new IllegalArgumentException("cannot read " + file.toAbsolutePath());
            }
        }
        System.out.printf(
                "Sending %s to %s:%d over %s at %s...%n",
                options.files(),
                options.host(),
                options.port(),
                options.protocol(),
                options.ratePerSecond() == 0 ? "full speed" : options.ratePerSecond() + " lines/s");
        SyslogSender.Result result =
                new SyslogSender(options).send(n -> System.out.print("\r  " + n + " lines sent"));
        System.out.printf(
                "\r%-40s\rSent %d lines (%d bytes) in %.1f s, %.0f lines/s; %d empty lines skipped.%n",
                "",
                result.lines(),
                result.bytes(),
                result.nanos() / 1e9,
                result.linesPerSecond(),
                result.skippedEmpty());
        return 0;
    }
}
