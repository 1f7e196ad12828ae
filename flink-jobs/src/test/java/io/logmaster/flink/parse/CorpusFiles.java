package io.logmaster.flink.parse;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Locates the shared corpus: skipped without LOGMASTER_CORPUS, failed when it points nowhere. */
final class CorpusFiles {
    private CorpusFiles() {}

    static Path root() {
        String env = System.getenv("LOGMASTER_CORPUS");
        assumeTrue(env != null && !env.isBlank(), "LOGMASTER_CORPUS not set: corpus test skipped");
        Path root = Path.of(env);
        assertThat(root).as("LOGMASTER_CORPUS=%s", env).isDirectory();
        return root;
    }
}
