package io.logmaster.compliance.retention;

import io.logmaster.compliance.ComplianceMain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code retention} command through {@link ComplianceMain}, without ES or PostgreSQL. */
class RetentionCommandTest {
    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-03-10T09:00:00Z"), ZoneOffset.UTC);

    @TempDir Path data;
    private final ByteArrayOutputStream buf = new ByteArrayOutputStream();

    private int run(String... args) throws Exception {
        buf.reset();
        return ComplianceMain.run(
                args,
                Map.of("LOGMASTER_DATA_DIR", data.toString()),
                new PrintStream(buf, true, StandardCharsets.UTF_8),
                CLOCK);
    }

    private String out() {
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void dryRunThenRunThenVerifyTheJournal() throws Exception {
        Path day = data.resolve("archive/sealed/2023-01-01");
        Files.createDirectories(day);
        Files.writeString(day.resolve("manifest.json"), "{}");
        Files.createDirectories(data.resolve("archive/sealed/2025-06-01"));

        assertThat(run("retention", "--dry-run")).as(out()).isZero();
        assertThat(out())
                .contains("DRY RUN")
                .contains("would delete archive/sealed/2023-01-01")
                .contains("[search] skipped: LOGMASTER_ES_URL is not set")
                .contains("[events] skipped: LOGMASTER_PG_URL is not set");
        assertThat(day).isDirectory();

        assertThat(run("retention")).as(out()).isZero();
        assertThat(out()).contains("deleted archive/sealed/2023-01-01 (manifest sha256 ");
        assertThat(day).doesNotExist();
        assertThat(data.resolve("archive/sealed/2025-06-01")).isDirectory();

        Path journal = data.resolve("archive/retention-journal.jsonl");
        assertThat(run("retention", "--verify-journal")).as(out()).isZero();
        assertThat(out()).contains("journal OK: 2 line(s)");
        assertThat(run("verify", journal.toString())).isZero();

        List<String> lines = Files.readAllLines(journal);
        Files.write(journal, List.of(lines.get(0).replace("2023", "2024"), lines.get(1)));
        assertThat(run("verify", journal.toString())).isEqualTo(1);
        assertThat(out()).contains("journal BROKEN at line 2");
        assertThat(run("retention")).isEqualTo(1);
        assertThat(out()).contains("nothing deleted").contains("broken at line 2");
    }
}
