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

    /** Reports, once each, a part that exits on its own while the stack runs. */
    private static void watch(LocalStack stack) {
        Thread watcher =
                new Thread(
                        () -> {
                            List<io.logmaster.infra.ManagedService> parts =
                                    new java.util.ArrayList<>(stack.services().services());
                            parts.addAll(
                                    List.of(stack.apiServer(), stack.flink(), stack.gateway()));
                            java.util.Set<String> reported = new java.util.HashSet<>();
                            while (!STOPPING.get()) {
                                for (var part : parts) {
                                    if (part.pid().isEmpty()
                                            && !STOPPING.get()
                                            && reported.add(part.name())) {
                                        System.err.println(
                                                part.name()
                                                        + " is not running any more: see "
                                                        + stack.config()
                                                                .dirs()
                                                                .logFile(part.name()));
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

    private static int send(LocalStackConfig config, List<String> args) throws Exception {
        SendOptions options = SendOptions.parse(args, config.syslogPort());
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
                "\rSent %d lines (%d bytes) in %.1f s, %.0f lines/s; %d empty lines skipped.%n",
                result.lines(),
                result.bytes(),
                result.nanos() / 1e9,
                result.linesPerSecond(),
                result.skippedEmpty());
        return 0;
    }
}
