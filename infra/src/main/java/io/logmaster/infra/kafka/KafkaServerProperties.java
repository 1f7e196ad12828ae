package io.logmaster.infra.kafka;

import java.util.LinkedHashMap;
import java.util.Map;

/** Renders {@code server.properties} and the log4j2 configuration for the single-node broker. */
final class KafkaServerProperties {

    private KafkaServerProperties() {}

    /** The broker settings, in a stable order. */
    static Map<String, String> settings(KafkaConfig config) {
        String controller = config.host() + ":" + config.controllerPort();
        Map<String, String> p = new LinkedHashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        // Dynamic KRaft quorum, formatted with --standalone: this node is the only voter.
        p.put("controller.quorum.bootstrap.servers", controller);
        p.put(
                "listeners",
                "PLAINTEXT://"
                        + config.host()
                        + ":"
                        + config.port()
                        + ",CONTROLLER://"
                        + controller);
        p.put(
                "advertised.listeners",
                "PLAINTEXT://"
                        + config.host()
                        + ":"
                        + config.port()
                        + ",CONTROLLER://"
                        + controller);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", config.logDir().toString());
        // One node: every internal topic must have replication factor 1, or it is never created.
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "10");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("num.partitions", Integer.toString(config.topicPartitions()));
        // Flink's exactly-once Kafka sink keeps transactions open up to its own timeout (1 h).
        p.put("transaction.max.timeout.ms", "3600000");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "true");
        p.put("log.retention.hours", "168");
        return p;
    }

    static String render(KafkaConfig config) {
        StringBuilder out = new StringBuilder("# Written by LogMaster infra on every start.\n");
        settings(config)
                .forEach((k, v) -> out.append(k).append('=').append(escape(v)).append('\n'));
        return out.toString();
    }

    /** Escapes backslashes so that Windows-like or odd paths survive java.util.Properties. */
    static String escape(String value) {
        return value.replace("\\", "\\\\");
    }

    /** A java launcher @argfile with {@code -cp <classpath>}, quoted for spaces. */
    static String classpathArgFile(String classpath) {
        return "-cp \"" + classpath.replace("\\", "\\\\").replace("\"", "\\\"") + "\"\n";
    }

    /** Log4j2 configuration: everything to stdout, which goes to {@code logs/kafka.log}. */
    static String log4j2() {
        return String.join(
                "\n",
                "# Written by LogMaster infra on every start.",
                "status = warn",
                "appender.stdout.type = Console",
                "appender.stdout.name = STDOUT",
                "appender.stdout.layout.type = PatternLayout",
                "appender.stdout.layout.pattern = [%d] %p %m (%c)%n",
                "rootLogger.level = INFO",
                "rootLogger.appenderRef.stdout.ref = STDOUT",
                "logger.kafka.name = kafka",
                "logger.kafka.level = INFO",
                "logger.request.name = kafka.request.logger",
                "logger.request.level = WARN",
                "logger.statechange.name = state.change.logger",
                "logger.statechange.level = WARN",
                "logger.clients.name = org.apache.kafka.clients",
                "logger.clients.level = WARN",
                "");
    }
}
