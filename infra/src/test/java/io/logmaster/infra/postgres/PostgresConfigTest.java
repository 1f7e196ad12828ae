package io.logmaster.infra.postgres;

import io.logmaster.infra.support.DataDirs;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostgresConfigTest {

    private final DataDirs dirs = new DataDirs(Path.of("/srv/data"));

    @Test
    void defaultsMatchTheLocalStack() {
        PostgresConfig config = PostgresConfig.of(dirs, 15432, "pw");

        assertThat(config.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:15432/logmaster");
        assertThat(config.user()).isEqualTo("logmaster");
        assertThat(config.maxPreparedTransactions()).isEqualTo(64);
        assertThat(config.dataDir()).isEqualTo(Path.of("/srv/data/postgresql"));
    }

    @Test
    void toStringHidesPassword() {
        PostgresConfig config = PostgresConfig.of(dirs, 15432, "s3cret-value");

        assertThat(config.toString()).doesNotContain("s3cret-value").contains("password=***");
    }

    @Test
    void serverCommandSetsPortListenAddressAndPreparedTransactions() {
        PostgresConfig config = PostgresConfig.of(dirs, 15999, "pw");

        assertThat(PostgresService.serverCommand(Path.of("/opt/pg"), config))
                .containsExactly(
                        "/opt/pg/bin/postgres",
                        "-D",
                        "/srv/data/postgresql",
                        "-p",
                        "15999",
                        "-c",
                        "listen_addresses=127.0.0.1",
                        "-c",
                        "unix_socket_directories=",
                        "-c",
                        "max_prepared_transactions=64");
    }

    @Test
    void bootstrapSqlEscapesQuotesOneStatementPerLine() {
        PostgresConfig config = PostgresConfig.of(dirs, 15432, "it's");

        assertThat(PostgresService.bootstrapSql(config))
                .isEqualTo(
                        "CREATE ROLE logmaster LOGIN PASSWORD 'it''s';\n"
                                + "CREATE DATABASE logmaster OWNER logmaster ENCODING 'UTF8';\n");
    }

    @Test
    void rejectsBadValues() {
        assertThatThrownBy(() -> PostgresConfig.of(dirs, 15432, ""))
                .hasMessageContaining("password must not be empty");
        assertThatThrownBy(() -> PostgresConfig.of(dirs, 15432, "line\nbreak"))
                .hasMessageContaining("control characters");
        assertThatThrownBy(
                        () ->
                                new PostgresConfig(
                                        dirs,
                                        "127.0.0.1",
                                        15432,
                                        "Log-Master",
                                        "logmaster",
                                        "pw",
                                        64,
                                        Duration.ofMinutes(1)))
                .hasMessageContaining("database must be a lower-case SQL identifier: Log-Master");
        assertThatThrownBy(
                        () ->
                                new PostgresConfig(
                                        dirs,
                                        "127.0.0.1",
                                        15432,
                                        "logmaster",
                                        "x; DROP",
                                        "pw",
                                        64,
                                        Duration.ofMinutes(1)))
                .hasMessageContaining("user must be");
        assertThatThrownBy(() -> PostgresConfig.of(dirs, 0, "pw")).hasMessageContaining("port");
    }
}
