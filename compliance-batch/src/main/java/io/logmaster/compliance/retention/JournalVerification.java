package io.logmaster.compliance.retention;

/**
 * Result of checking the retention journal's hash chain: the number of lines, the first broken line
 * (1-based, 0 when intact) with the reason, and the head hash (SHA-256 hex of the last line, which
 * an operator can anchor elsewhere: a chain cannot show a change of its own last line).
 */
public record JournalVerification(long lines, long brokenLine, String reason, String headHash) {

    /** Whether every line chains to the one before. */
    public boolean intact() {
        return brokenLine == 0;
    }

    /** One line for people: "journal OK: ..." or "journal BROKEN at line N: ...". */
    public String render() {
        return intact()
                ? "journal OK: " + lines + " line(s), head " + headHash
                : "journal BROKEN at line " + brokenLine + ": " + reason;
    }
}
