package io.logmaster.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class GatewayConfigTest {
    private static GatewayConfig parse(Map<String, String> env) {
        return GatewayConfig.fromEnv(env, () -> "host-a");
    }

    private static GatewayConfig parse(String name, String value) {
        Map<String, String> env = new HashMap<>();
        env.put(name, value);
        return parse(env);
    }

    @Test
    void appliesDefaultsWhenNothingIsSet() {
        GatewayConfig config = parse(Map.of());

        assertThat(config.kafkaBootstrap()).isEqualTo("127.0.0.1:19092");
        assertThat(config.syslogBind()).isEqualTo("0.0.0.0");
        assertThat(config.udpPort()).isEqualTo(5514);
        assertThat(config.tcpPort()).isEqualTo(5514);
        assertThat(config.gatewayId()).isEqualTo("host-a");
        assertThat(config.maxFrame()).isEqualTo(65_536);
        assertThat(config.metricsPort()).isZero();
        assertThat(config.metricsEnabled()).isFalse();
    }

    @Test
    void readsEveryVariable() {
        GatewayConfig config =
                parse(
                        Map.of(
                                "LOGMASTER_KAFKA_BOOTSTRAP", "k1:9092,k2:9093",
                                "LOGMASTER_SYSLOG_BIND", "::1",
                                "LOGMASTER_SYSLOG_UDP_PORT", "1514",
                                "LOGMASTER_SYSLOG_TCP_PORT", "1601",
                                "LOGMASTER_GATEWAY_ID", "gw-7",
                                "LOGMASTER_MAX_FRAME", "128KiB",
                                "LOGMASTER_GATEWAY_METRICS_PORT", "9464"));

        assertThat(config)
                .isEqualTo(
                        new GatewayConfig(
                                "k1:9092,k2:9093", "::1", 1514, 1601, "gw-7", 131_072, 9464));
        assertThat(config.metricsEnabled()).isTrue();
    }

    @Test
    void placesTheSpoolUnderTheDataDirectoryByDefault() {
        GatewayConfig config = parse("LOGMASTER_DATA_DIR", "/var/lib/lm");

        assertThat(config.spoolDir()).isEqualTo(java.nio.file.Path.of("/var/lib/lm/gateway/spool"));
        assertThat(config.spoolMaxBytes()).isEqualTo(1L << 30);
        assertThat(config.spoolFsyncInterval()).isEqualTo(java.time.Duration.ofMillis(100));
    }

    @Test
    void readsSpoolVariables() {
        GatewayConfig config =
                parse(
                        Map.of(
                                "LOGMASTER_SPOOL_DIR", "/tmp/spool",
                                "LOGMASTER_SPOOL_MAX", "512MiB",
                                "LOGMASTER_SPOOL_FSYNC_MS", "0"));

        assertThat(config.spoolDir()).isEqualTo(java.nio.file.Path.of("/tmp/spool"));
        assertThat(config.spoolMaxBytes()).isEqualTo(512L << 20);
        assertThat(config.spoolFsyncInterval()).isZero();
        assertThat(parse("LOGMASTER_SPOOL_MAX", "2g").spoolMaxBytes()).isEqualTo(2L << 30);
    }

    @Test
    void rejectsTooSmallSpool() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> parse("LOGMASTER_SPOOL_MAX", "64k"))
                .withMessageContaining("LOGMASTER_SPOOL_MAX")
                .withMessageContaining("65536");
    }

    @Test
    void treatsBlankAsUnset() {
        assertThat(parse("LOGMASTER_SYSLOG_UDP_PORT", "  ").udpPort()).isEqualTo(5514);
    }

    @ParameterizedTest
    @CsvSource({"65536,65536", "64k,65536", "64KiB,65536", "1m,1048576", "2MiB,2097152"})
    void parsesMaxFrameSizes(String text, int bytes) {
        assertThat(parse("LOGMASTER_MAX_FRAME", text).maxFrame()).isEqualTo(bytes);
    }

    @ParameterizedTest
    @CsvSource({
        "LOGMASTER_SYSLOG_UDP_PORT,70000,'LOGMASTER_SYSLOG_UDP_PORT must be a port number 0-65535, got 70000'",
        "LOGMASTER_SYSLOG_TCP_PORT,-1,'LOGMASTER_SYSLOG_TCP_PORT must be a port number 0-65535, got -1'",
        "LOGMASTER_SYSLOG_TCP_PORT,syslog,'LOGMASTER_SYSLOG_TCP_PORT must be a port number 0-65535, got ''syslog'''",
        "LOGMASTER_GATEWAY_METRICS_PORT,65536,'LOGMASTER_GATEWAY_METRICS_PORT must be a port number 0-65535, got 65536'",
        "LOGMASTER_MAX_FRAME,100,'LOGMASTER_MAX_FRAME must be between 256 and 16777216 bytes, got 100'",
        "LOGMASTER_MAX_FRAME,lots,'LOGMASTER_MAX_FRAME must be a size in bytes (for example 65536 or 64KiB), got ''lots'''",
        "LOGMASTER_MAX_FRAME,99999999999k,'LOGMASTER_MAX_FRAME must be a size in bytes (for example 65536 or 64KiB), got ''99999999999k'''",
        "LOGMASTER_SYSLOG_BIND,example.org,'LOGMASTER_SYSLOG_BIND must be an IP address literal, got ''example.org'''",
        "LOGMASTER_GATEWAY_ID,gw 1,'LOGMASTER_GATEWAY_ID must be 1-255 printable ASCII characters without spaces, got ''gw 1'''",
        "LOGMASTER_KAFKA_BOOTSTRAP,localhost,'LOGMASTER_KAFKA_BOOTSTRAP must list host:port pairs separated by commas, got ''localhost'' (bad entry ''localhost'')'",
        "LOGMASTER_KAFKA_BOOTSTRAP,'k1:9092,k2:0','LOGMASTER_KAFKA_BOOTSTRAP must list host:port pairs separated by commas, got ''k1:9092,k2:0'' (bad entry ''k2:0'')'"
    })
    void rejectsBadValueNamingVariableAndValue(String name, String value, String message) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> parse(name, value))
                .withMessage(message);
    }

    @Test
    void constructorValidatesToo() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new GatewayConfig("k:1", "0.0.0.0", 5514, 99999, "gw", 65536, 0))
                .withMessageContaining("LOGMASTER_SYSLOG_TCP_PORT")
                .withMessageContaining("99999");
    }
}
