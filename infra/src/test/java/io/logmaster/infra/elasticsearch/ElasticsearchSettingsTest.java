package io.logmaster.infra.elasticsearch;

import io.logmaster.infra.support.DataDirs;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ElasticsearchSettingsTest {

    private final DataDirs dirs = new DataDirs(Path.of("/srv/lm data"));

    @Test
    void rendersSingleNodeOnLoopbackWithoutSecurity() {
        Map<String, String> s = ElasticsearchSettings.settings(ElasticsearchConfig.of(dirs, 19200));

        assertThat(s)
                .containsEntry("cluster.name", "logmaster")
                .containsEntry("node.name", "logmaster-1")
                .containsEntry("path.data", "/srv/lm data/elasticsearch/data")
                .containsEntry("path.logs", "/srv/lm data/elasticsearch/logs")
                .containsEntry("network.host", "127.0.0.1")
                .containsEntry("http.port", "19200")
                .containsEntry("transport.port", "19300")
                .containsEntry("discovery.type", "single-node")
                .containsEntry("xpack.security.enabled", "false")
                .containsEntry("action.destructive_requires_name", "true")
                .doesNotContainKey("cluster.routing.allocation.disk.threshold_enabled");
    }

    @Test
    void testsCanSwitchDiskWatermarksOff() {
        ElasticsearchConfig config =
                ElasticsearchConfig.of(dirs, 40000, 40001).withDiskThresholdEnabled(false);

        assertThat(ElasticsearchSettings.settings(config))
                .containsEntry("cluster.routing.allocation.disk.threshold_enabled", "false")
                .containsEntry("transport.port", "40001");
    }

    @Test
    void yamlQuotesEveryValue() {
        String yml = ElasticsearchSettings.render(ElasticsearchConfig.of(dirs, 19200));

        assertThat(yml)
                .contains("path.data: \"/srv/lm data/elasticsearch/data\"\n")
                .contains("discovery.type: \"single-node\"\n");
        assertThat(ElasticsearchSettings.quote("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
    }

    @Test
    void jvmOptionsPathsBecomeAbsolute() {
        String original =
                String.join(
                        "\n",
                        "-XX:+HeapDumpOnOutOfMemoryError",
                        "-XX:HeapDumpPath=data",
                        "-XX:ErrorFile=logs/hs_err_pid%p.log",
                        "8:-Xloggc:logs/gc.log",
                        "9-:-Xlog:gc*,gc+age=trace,safepoint:file=logs/gc.log:utctime,pid,tags:filecount=32,filesize=64m");

        String rewritten =
                ElasticsearchSettings.jvmOptions(original, ElasticsearchConfig.of(dirs, 19200));

        String logs = "/srv/lm data/elasticsearch/logs";
        assertThat(rewritten)
                .contains("-XX:HeapDumpPath=" + logs + "\n")
                .contains("-XX:ErrorFile=" + logs + "/hs_err_pid%p.log")
                .contains("8:-Xloggc:" + logs + "/gc.log")
                .contains("safepoint:file=" + logs + "/gc.log:utctime")
                .doesNotContain("=logs/", "file=logs/");
    }

    @Test
    void rejectsBadConfig() {
        assertThatThrownBy(() -> ElasticsearchConfig.of(dirs, 9200, 9200))
                .hasMessageContaining("must differ");
        assertThatThrownBy(() -> ElasticsearchConfig.of(dirs, 70000))
                .hasMessageContaining("httpPort must be 1..65535");
    }

    @Test
    void urlPointsAtHttpPort() {
        assertThat(ElasticsearchConfig.of(dirs, 19200).url()).isEqualTo("http://127.0.0.1:19200");
    }
}
