package io.logmaster.compliance.retention;

import java.util.ArrayList;
import java.util.List;

/**
 * What one retention run did, line by line per data class, with counts. {@link #failed()} non-zero
 * means the run must exit 1.
 */
public final class RetentionReport {
    private final List<String> lines = new ArrayList<>();
    private int deleted;
    private int candidates;
    private int failed;
    private int keptUnsealed;

    void line(String text) {
        lines.add(text);
    }

    void deleted() {
        deleted++;
    }

    void candidate() {
        candidates++;
    }

    void failed() {
        failed++;
    }

    void keptUnsealed() {
        keptUnsealed++;
    }

    /** Targets deleted (including completed interrupted deletions). */
    public int deletedCount() {
        return deleted;
    }

    /** Dry-run candidates. */
    public int candidateCount() {
        return candidates;
    }

    /** Targets or classes that failed. */
    public int failedCount() {
        return failed;
    }

    /** Expired live days kept because they were never sealed. */
    public int keptUnsealedCount() {
        return keptUnsealed;
    }

    /** The report lines, in order. */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** Whether something failed. */
    public boolean hasFailures() {
        return failed > 0;
    }

    /** All lines plus a summary line. */
    public String render() {
        StringBuilder sb = new StringBuilder();
        for (String l : lines) {
            sb.append(l).append('\n');
        }
        sb.append("retention: ")
                .append(deleted)
                .append(" deleted, ")
                .append(candidates)
                .append(" dry-run candidate(s), ")
                .append(keptUnsealed)
                .append(" kept unsealed, ")
                .append(failed)
                .append(" failed\n");
        return sb.toString();
    }
}
