package io.logmaster.infra.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads the committed daily files (in-progress part files are hidden, named {@code .part-*}). */
final class DailyFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DailyFiles() {}

    /** Every record line of every committed part file under {@code archiveDir}. */
    static List<JsonNode> committedRecords(Path archiveDir) {
        List<JsonNode> records = new ArrayList<>();
        if (!Files.isDirectory(archiveDir)) {
            return records;
        }
        try (Stream<Path> files = Files.walk(archiveDir)) {
            for (Path file :
                    files.filter(Files::isRegularFile)
                            .filter(f -> !f.getFileName().toString().startsWith("."))
                            .toList()) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (!line.isEmpty()) {
                        records.add(JSON.readTree(line));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading daily files under " + archiveDir, e);
        }
        return records;
    }

    /** Committed records whose raw payload contains {@code needle}. */
    static List<JsonNode> containing(Path archiveDir, String needle) {
        return committedRecords(archiveDir).stream()
                .filter(r -> r.has("raw") && r.get("raw").asText().contains(needle))
                .toList();
    }
}
