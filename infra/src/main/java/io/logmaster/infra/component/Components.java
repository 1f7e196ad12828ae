package io.logmaster.infra.component;

import io.logmaster.infra.InfraLayout;
import io.logmaster.infra.stack.LocalStackConfig;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds the processes of LogMaster's own parts for the local stack, from its configuration. */
public final class Components {
    /**
     * What every Flink JVM needs on Java 17 (shared/docs/flink-java17-jvm-flags.txt; the same list
     * is the parent POM's {@code flink.jvm.flags} for tests).
     */
    static final List<String> FLINK_JAVA17_FLAGS =
            List.of(
                    "--add-exports=java.base/sun.net.util=ALL-UNNAMED",
                    "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
                    "--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
                    "--add-opens=java.base/java.lang=ALL-UNNAMED",
                    "--add-opens=java.base/java.net=ALL-UNNAMED",
                    "--add-opens=java.base/java.io=ALL-UNNAMED",
                    "--add-opens=java.base/java.nio=ALL-UNNAMED",
                    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
                    "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
                    "--add-opens=java.base/java.text=ALL-UNNAMED",
                    "--add-opens=java.base/java.time=ALL-UNNAMED",
                    "--add-opens=java.base/java.util=ALL-UNNAMED",
                    "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
                    "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
                    "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED");

    public static final String API_SERVER = "api-server";
    public static final String FLINK = "flink";
    public static final String GATEWAY = "gateway";
    public static final String TSA = "tsa";

    /**
     * First argument of each of our JVMs, naming the part. It comes before the long classpath
     * because the JDK may see only the start of a long command line, and PID files are trusted only
     * for a process whose command line carries it.
     */
    public static String marker(String component) {
        return "-Dlogmaster.component=" + component;
    }

    private final LocalStackConfig config;
    private final ComponentLayout layout;

    public Components(LocalStackConfig config) {
        this.config = config;
        this.layout = new ComponentLayout(config.home());
    }

    /** api-server: applies the schema (Flyway), installs the index template, serves UI and API. */
    public JavaComponent apiServer() {
        Map<String, String> env = new java.util.HashMap<>(config.componentEnv());
        env.put("LOGMASTER_API_PORT", String.valueOf(config.apiPort()));
        env.put("LOGMASTER_API_BIND", config.bind());
        env.put("LOGMASTER_ADMIN_PASSWORD", config.adminPassword());
        List<String> command =
                List.of(
                        java(),
                        marker(API_SERVER),
                        "-Xmx512m",
                        "-jar",
                        layout.apiServerJar().toString());
        return new JavaComponent(
                API_SERVER,
                command,
                env,
                config.dirs(),
                "api-server ready on",
                Duration.ofMinutes(3));
    }

    /** The IngestJob in a local Flink cluster (one process) with the Flink web UI. */
    public JavaComponent flink() {
        Map<String, String> env = new java.util.HashMap<>(config.componentEnv());
        env.put("LOGMASTER_FLINK_LOCAL", "true");
        env.put("LOGMASTER_FLINK_UI_PORT", String.valueOf(config.flinkUiPort()));
        List<String> command = new ArrayList<>();
        command.add(java());
        command.add(marker(FLINK));
        command.add("-Xmx1g");
        command.addAll(FLINK_JAVA17_FLAGS);
        command.addAll(
                List.of("-cp", layout.classpath("flink-jobs"), "io.logmaster.flink.IngestJob"));
        return new JavaComponent(
                FLINK, command, env, config.dirs(), "ingest job running", Duration.ofMinutes(3));
    }

    /**
     * The built-in RFC 3161 TSA (not legally qualified) that seals days when no real TSA is
     * configured; its keys live in {@code <data>/pki}.
     */
    public JavaComponent tsa() {
        Map<String, String> env = new java.util.HashMap<>(config.componentEnv());
        env.put("LOGMASTER_TSA_PORT", String.valueOf(config.tsaPort()));
        env.put("LOGMASTER_TSA_KEY_PASSWORD", config.pkiPassword());
        List<String> command =
                List.of(
                        java(),
                        marker(TSA),
                        "-Xmx128m",
                        "-cp",
                        layout.classpath("compliance-batch"),
                        "io.logmaster.compliance.tsa.BuiltInTsaMain");
        return new JavaComponent(
                TSA, command, env, config.dirs(), "tsa ready on", Duration.ofMinutes(1));
    }

    /**
     * One run of the compliance batch ({@code seal}, {@code verify}, {@code prove}) in the
     * foreground, its output on ours.
     */
    public ProcessBuilder complianceCommand(List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.add(marker("compliance"));
        command.add("-Xmx512m");
        command.add("-cp");
        command.add(layout.classpath("compliance-batch"));
        command.add("io.logmaster.compliance.ComplianceMain");
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(config.componentEnv());
        return pb;
    }

    /** The syslog gateway (UDP and TCP on one port). */
    public JavaComponent gateway() {
        Map<String, String> env = new java.util.HashMap<>(config.componentEnv());
        env.put("LOGMASTER_SYSLOG_BIND", config.syslogBind());
        env.put("LOGMASTER_SYSLOG_UDP_PORT", String.valueOf(config.syslogPort()));
        env.put("LOGMASTER_SYSLOG_TCP_PORT", String.valueOf(config.syslogPort()));
        List<String> command =
                List.of(
                        java(),
                        marker(GATEWAY),
                        "-Xmx512m",
                        "-cp",
                        layout.classpath("ingest-gateway"),
                        "io.logmaster.ingest.GatewayMain");
        return new JavaComponent(
                GATEWAY, command, env, config.dirs(), "gateway ready", Duration.ofMinutes(2));
    }

    private static String java() {
        return InfraLayout.javaExecutable().toString();
    }
}
