package io.logmaster.infra.support;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class DataDirsTest {

    @Test
    void layoutIsAbsoluteAndNormalized() {
        DataDirs dirs = new DataDirs(Path.of("/srv/./data/../data"));

        assertThat(dirs.root()).isEqualTo(Path.of("/srv/data"));
        assertThat(dirs.logFile("kafka")).isEqualTo(Path.of("/srv/data/logs/kafka.log"));
        assertThat(dirs.pidFile("kafka")).isEqualTo(Path.of("/srv/data/run/kafka.pid"));
        assertThat(dirs.serviceDir("postgresql")).isEqualTo(Path.of("/srv/data/postgresql"));
        assertThat(dirs.secrets()).isEqualTo(Path.of("/srv/data/secrets"));
    }

    @Test
    void createBaseMakesLogsAndRun(@TempDir Path tmp) {
        DataDirs dirs = new DataDirs(tmp.resolve("new/data"));

        dirs.createBase();

        assertThat(dirs.logs()).isDirectory();
        assertThat(dirs.run()).isDirectory();
    }
}
