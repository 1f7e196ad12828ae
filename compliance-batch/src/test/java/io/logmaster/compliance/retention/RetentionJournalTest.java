package io.logmaster.compliance.retention;

import io.logmaster.compliance.merkle.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetentionJournalTest {
    @TempDir Path tmp;

    private Path threeLines() throws Exception {
        Path file = tmp.resolve("archive/retention-journal.jsonl");
        RetentionJournal j = RetentionJournal.open(file);
        j.append(
                "2026-01-01T00:00:00Z",
                DataClass.ARCHIVE,
                "archive/sealed/2024-01-01",
                "2024-01-01",
                "cd".repeat(32),
                "delete");
        j.append(
                "2026-01-01T00:00:01Z",
                DataClass.SEARCH,
                "logmaster-events-2024.01.01",
                "2024-01-01",
                null,
                "delete");
        j.append(
                "2026-01-01T00:00:02Z",
                DataClass.EVENTS,
                "events_20240101",
                "2024-01-01",
                null,
                "dry-run: would delete");
        return file;
    }

    private static List<String> lines(Path file) throws Exception {
        return new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    @Test
    void linesAreCanonicalJsonChainedBySha256OfThePreviousLine() throws Exception {
        Path file = threeLines();
        List<String> lines = lines(file);

        assertThat(lines).hasSize(3);
        assertThat(lines.get(0))
                .isEqualTo(
                        "{\"at\":\"2026-01-01T00:00:00Z\",\"class\":\"archive\",\"day\":\"2024-01-01\","
                                + "\"detail\":\"delete\",\"manifest_sha256\":\""
                                + "cd".repeat(32)
                                + "\",\"prev_hash\":\""
                                + "0".repeat(64)
                                + "\",\"seq\":1,\"target\":\"archive/sealed/2024-01-01\"}");
        for (int i = 1; i < lines.size(); i++) {
            String expected =
                    Sha256.hex(Sha256.of(lines.get(i - 1).getBytes(StandardCharsets.UTF_8)));
            assertThat(lines.get(i)).contains("\"prev_hash\":\"" + expected + "\"");
        }
        JournalVerification v = RetentionJournal.verify(file);
        assertThat(v.intact()).isTrue();
        assertThat(v.lines()).isEqualTo(3);
        assertThat(v.headHash())
                .isEqualTo(Sha256.hex(Sha256.of(lines.get(2).getBytes(StandardCharsets.UTF_8))));
        // Reopening continues the chain.
        RetentionJournal again = RetentionJournal.open(file);
        JournalEntry fourth =
                again.append(
                        "2026-01-02T00:00:00Z",
                        DataClass.LIVE,
                        "archive/live/2024-01-02",
                        "2024-01-02",
                        null,
                        "delete");
        assertThat(fourth.seq()).isEqualTo(4);
        assertThat(fourth.prevHash()).isEqualTo(v.headHash());
    }

    @Test
    void aModifiedLineIsNamedByTheNextLinesBrokenLink() throws Exception {
        Path file = threeLines();
        List<String> lines = lines(file);
        lines.set(0, lines.get(0).replace("2024-01-01\",\"detail", "2025-01-01\",\"detail"));
        Files.write(file, lines, StandardCharsets.UTF_8);

        JournalVerification v = RetentionJournal.verify(file);

        assertThat(v.intact()).isFalse();
        assertThat(v.brokenLine()).isEqualTo(2);
        assertThat(v.reason()).contains("line 1 was changed");
        assertThat(v.render()).startsWith("journal BROKEN at line 2");
        assertThatThrownBy(() -> RetentionJournal.open(file))
                .hasMessageContaining("broken at line 2");
    }

    @Test
    void aRemovedLineIsFound() throws Exception {
        Path file = threeLines();
        List<String> lines = lines(file);
        lines.remove(1);
        Files.write(file, lines, StandardCharsets.UTF_8);

        assertThat(RetentionJournal.verify(file).brokenLine()).isEqualTo(2);
    }

    @Test
    void removingTheFirstLineIsFound() throws Exception {
        Path file = threeLines();
        List<String> lines = lines(file);
        lines.remove(0);
        Files.write(file, lines, StandardCharsets.UTF_8);

        assertThat(RetentionJournal.verify(file).brokenLine()).isEqualTo(1);
    }

    @Test
    void aNonCanonicalRewriteOfTheLastLineIsFound() throws Exception {
        Path file = threeLines();
        List<String> lines = lines(file);
        lines.set(2, lines.get(2).replace(",\"seq\":3", ", \"seq\":3"));
        Files.write(file, lines, StandardCharsets.UTF_8);

        JournalVerification v = RetentionJournal.verify(file);
        assertThat(v.brokenLine()).isEqualTo(3);
        assertThat(v.reason()).contains("not canonical");
    }

    @Test
    void aTornLastLineIsFound() throws Exception {
        Path file = threeLines();
        Files.writeString(
                file,
                "{\"seq\":4",
                StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);

        JournalVerification v = RetentionJournal.verify(file);
        assertThat(v.brokenLine()).isEqualTo(4);
        assertThat(v.reason()).contains("incomplete last line");
    }

    @Test
    void aMissingJournalIsEmptyAndStartsFromGenesis() throws Exception {
        Path file = tmp.resolve("none.jsonl");
        assertThat(RetentionJournal.verify(file).lines()).isZero();
        JournalEntry first =
                RetentionJournal.open(file).append("t", DataClass.LIVE, "x", null, null, "delete");
        assertThat(first.prevHash()).isEqualTo(RetentionJournal.GENESIS);
        assertThat(first.seq()).isEqualTo(1);
    }
}
