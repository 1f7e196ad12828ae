package io.logmaster.compliance.retention;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One line of the retention journal: {@code seq} (1-based line number), {@code at} (ISO instant),
 * {@code class} (data class key), {@code target} (what is deleted: a path relative to the data
 * directory, an index or a table), {@code day}, {@code manifest_sha256} (of the sealed day's
 * manifest.json, read before deleting; null for other classes), {@code detail} and {@code
 * prev_hash} (SHA-256 hex of the previous line's bytes, 64 zeros for the first line).
 */
public record JournalEntry(
        long seq,
        String at,
        String dataClass,
        String target,
        String day,
        String manifestSha256,
        String detail,
        String prevHash) {

    /** The keys of a journal line, exactly. */
    static final Set<String> KEYS =
            Set.of("seq", "at", "class", "target", "day", "manifest_sha256", "detail", "prev_hash");

    /** Detail of a write-ahead deletion record. */
    public static final String DELETE = "delete";

    /** Prefix of the detail of a dry-run candidate. */
    public static final String DRY_RUN = "dry-run: ";

    /** Prefix of the detail of a deletion that finished an interrupted one. */
    public static final String COMPLETED = "completed: ";

    /** Prefix of the detail of a deletion that failed after its record was written. */
    public static final String FAILED = "failed: ";

    /** Whether this line records a real deletion (not a dry run, not a failure notice). */
    public boolean isDeletion() {
        return detail.equals(DELETE) || detail.startsWith(COMPLETED);
    }

    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", seq);
        m.put("at", at);
        m.put("class", dataClass);
        m.put("target", target);
        m.put("day", day);
        m.put("manifest_sha256", manifestSha256);
        m.put("detail", detail);
        m.put("prev_hash", prevHash);
        return m;
    }

    static JournalEntry fromMap(Map<?, ?> m) {
        Object seq = m.get("seq");
        if (!(seq instanceof Number n)) {
            throw new IllegalArgumentException("seq is not a number: " + seq);
        }
        return new JournalEntry(
                n.longValue(),
                text(m, "at", false),
                text(m, "class", false),
                text(m, "target", false),
                text(m, "day", true),
                text(m, "manifest_sha256", true),
                text(m, "detail", false),
                text(m, "prev_hash", false));
    }

    private static String text(Map<?, ?> m, String key, boolean nullable) {
        Object v = m.get(key);
        if (v == null && nullable) {
            return null;
        }
        if (!(v instanceof String s)) {
            throw new IllegalArgumentException(key + " is not a string: " + v);
        }
        return s;
    }
}
