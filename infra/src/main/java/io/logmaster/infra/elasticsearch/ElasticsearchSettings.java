package io.logmaster.infra.elasticsearch;

import java.util.LinkedHashMap;
import java.util.Map;

/** Renders {@code elasticsearch.yml} for the single local node. */
final class ElasticsearchSettings {

    private ElasticsearchSettings() {}

    static Map<String, String> settings(ElasticsearchConfig config) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("cluster.name", config.clusterName());
        s.put("node.name", config.nodeName());
        s.put("path.data", config.dataDir().toString());
        s.put("path.logs", config.logsDir().toString());
        s.put("network.host", config.host());
        s.put("http.port", Integer.toString(config.httpPort()));
        s.put("transport.port", Integer.toString(config.transportPort()));
        // Single node: no discovery, and the production bootstrap checks (vm.max_map_count...)
        // only warn instead of stopping the node.
        s.put("discovery.type", "single-node");
        // The integ-test distribution has x-pack-security; a local stack on loopback runs without.
        s.put("xpack.security.enabled", "false");
        s.put("action.destructive_requires_name", "true");
        if (!config.diskThresholdEnabled()) {
            s.put("cluster.routing.allocation.disk.threshold_enabled", "false");
        }
        return s;
    }

    static String render(ElasticsearchConfig config) {
        StringBuilder out = new StringBuilder("# Written by LogMaster infra on every start.\n");
        settings(config)
                .forEach((k, v) -> out.append(k).append(": ").append(quote(v)).append('\n'));
        return out.toString();
    }

    /**
     * The distribution's {@code jvm.options} with its paths made absolute: the start script changes
     * into the (read-only) distribution directory, so the default relative {@code logs/gc.log},
     * {@code logs/hs_err_pid%p.log} and heap dump path {@code data} would point there.
     */
    static String jvmOptions(String original, ElasticsearchConfig config) {
        String logs = config.logsDir().toString();
        return original.replace("file=logs/gc.log", "file=" + logs + "/gc.log")
                .replace("-Xloggc:logs/gc.log", "-Xloggc:" + logs + "/gc.log")
                .replace("-XX:ErrorFile=logs/", "-XX:ErrorFile=" + logs + "/")
                .replace("-XX:HeapDumpPath=data", "-XX:HeapDumpPath=" + logs);
    }

    /** YAML double-quoted scalar, so paths with ':' or '#' stay one string. */
    static String quote(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
