package io.logmaster.compliance.retention;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logmaster.compliance.manifest.CanonicalJson;
import io.logmaster.compliance.merkle.Sha256;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tamper-evident retention journal {@code <data>/archive/retention-journal.jsonl}: one
 * canonical JSON {@link JournalEntry} per line, each carrying the SHA-256 of the line before. A
 * line is appended and fsynced before its deletion starts (write-ahead), so a deletion is recorded
 * even when it is interrupted. A journal whose chain is broken is never appended to.
 */
public final class RetentionJournal {
    /** The {@code prev_hash} of the first line. */
    public static final String GENESIS = "0".repeat(64);

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final Path file;
    private final List<JournalEntry> entries;
    private String headHash;

    private RetentionJournal(Path file, List<JournalEntry> entries, String headHash) {
        this.file = file;
        this.entries = entries;
        this.headHash = headHash;
    }

    /**
     * Opens (or starts) the journal at {@code file} after checking its whole chain.
     *
     * @throws IOException if it cannot be read or its chain is broken (named by line)
     */
    public static RetentionJournal open(Path file) throws IOException {
        List<JournalEntry> entries = new ArrayList<>();
        JournalVerification v = read(file, entries);
        if (!v.intact()) {
            throw new IOException(
                    "retention journal "
                            + file
                            + " is broken at line "
                            + v.brokenLine()
                            + " ("
                            + v.reason()
                            + "); refusing to append: investigate before deleting anything");
        }
        return new RetentionJournal(file, entries, v.headHash());
    }

    /** Checks the chain of the journal at {@code file}; a missing file is an empty journal. */
    public static JournalVerification verify(Path file) throws IOException {
        return read(file, new ArrayList<>());
    }

    /** The entries so far, oldest first. */
    public List<JournalEntry> entries() {
        return Collections.unmodifiableList(entries);
    }

    /** The latest real deletion record (not dry run, not failure) of {@code target}. */
    public Optional<JournalEntry> lastDeletion(DataClass dataClass, String target) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            JournalEntry e = entries.get(i);
            if (e.isDeletion()
                    && e.dataClass().equals(dataClass.key())
                    && e.target().equals(target)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /**
     * Appends one line and forces it to disk before returning.
     *
     * @return the entry written, with its {@code seq} and {@code prev_hash}
     */
    public JournalEntry append(
            String at,
            DataClass dataClass,
            String target,
            String day,
            String manifestSha256,
            String detail)
            throws IOException {
        JournalEntry e =
                new JournalEntry(
                        entries.size() + 1L,
                        at,
                        dataClass.key(),
                        target,
                        day,
                        manifestSha256,
                        detail,
                        headHash);
        byte[] line = CanonicalJson.toBytes(e.toMap());
        byte[] withNewline = Arrays.copyOf(line, line.length + 1);
        withNewline[line.length] = '\n';
        boolean created = !Files.exists(file);
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (FileChannel ch =
                FileChannel.open(
                        file,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND)) {
            ByteBuffer buf = ByteBuffer.wrap(withNewline);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        } catch (IOException ex) {
            throw new IOException("appending to retention journal " + file, ex);
        }
        if (created) {
            Fsync.directory(file.toAbsolutePath().getParent());
        }
        entries.add(e);
        headHash = Sha256.hex(Sha256.of(line));
        return e;
    }

    private static JournalVerification read(Path file, List<JournalEntry> out) throws IOException {
        if (!Files.exists(file)) {
            return new JournalVerification(0, 0, null, GENESIS);
        }
        byte[] all = Files.readAllBytes(file);
        String prev = GENESIS;
        long n = 0;
        int start = 0;
        while (start < all.length) {
            n++;
            int end = start;
            while (end < all.length && all[end] != '\n') {
                end++;
            }
            if (end == all.length) {
                return new JournalVerification(
                        n, n, "incomplete last line (no newline): an interrupted append", null);
            }
            byte[] line = Arrays.copyOfRange(all, start, end);
            start = end + 1;
            String problem = check(line, n, prev, out);
            if (problem != null) {
                return new JournalVerification(n, n, problem, null);
            }
            prev = Sha256.hex(Sha256.of(line));
        }
        return new JournalVerification(n, 0, null, prev);
    }

    /** The problem of one line, or null when it is canonical, complete and chained. */
    private static String check(byte[] line, long n, String prev, List<JournalEntry> out) {
        Map<?, ?> map;
        try {
            map = JSON.readValue(line, Map.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return "not JSON: " + e.getOriginalMessage();
        } catch (IOException e) {
            return "not JSON: " + e.getMessage();
        }
        try {
            if (!Arrays.equals(CanonicalJson.toBytes(map), line)) {
                return "not canonical JSON (changed by hand?)";
            }
        } catch (IllegalArgumentException e) {
            return "not canonical JSON: " + e.getMessage();
        }
        if (!map.keySet().equals(JournalEntry.KEYS)) {
            return "keys " + map.keySet() + " are not " + JournalEntry.KEYS;
        }
        JournalEntry e;
        try {
            e = JournalEntry.fromMap(map);
        } catch (IllegalArgumentException ex) {
            return ex.getMessage();
        }
        if (e.seq() != n) {
            return "seq " + e.seq() + " where " + n + " was expected (a line removed or inserted)";
        }
        if (!e.prevHash().equals(prev)) {
            return "prev_hash "
                    + e.prevHash()
                    + " is not the SHA-256 of line "
                    + (n - 1)
                    + " ("
                    + prev
                    + "): line "
                    + (n - 1)
                    + " was changed, or lines were removed or inserted";
        }
        out.add(e);
        return null;
    }
}
