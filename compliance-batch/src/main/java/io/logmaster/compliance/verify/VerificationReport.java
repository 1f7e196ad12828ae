package io.logmaster.compliance.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every check made while verifying a sealed day or a record proof, each OK, WARN or FAIL with the
 * exact subject and finding. {@link #passed()} only when no check failed.
 */
public final class VerificationReport {
    /** Outcome of one check. */
    public enum Status {
        OK,
        WARN,
        FAIL
    }

    /** One check: e.g. FAIL "manifest.sig: signature invalid". */
    public record Check(Status status, String message) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-4s %s", status, message);
        }
    }

    private final List<Check> checks = new ArrayList<>();

    void ok(String message) {
        checks.add(new Check(Status.OK, message));
    }

    void warn(String message) {
        checks.add(new Check(Status.WARN, message));
    }

    void fail(String message) {
        checks.add(new Check(Status.FAIL, message));
    }

    public List<Check> checks() {
        return List.copyOf(checks);
    }

    /** The failed checks' messages. */
    public List<String> failures() {
        return checks.stream().filter(c -> c.status() == Status.FAIL).map(Check::message).toList();
    }

    /** The warnings' messages. */
    public List<String> warnings() {
        return checks.stream().filter(c -> c.status() == Status.WARN).map(Check::message).toList();
    }

    public boolean passed() {
        return failures().isEmpty();
    }

    /** One line per check and a final verdict line. */
    public String render() {
        StringBuilder sb = new StringBuilder();
        for (Check c : checks) {
            sb.append(c).append('\n');
        }
        long failed = checks.stream().filter(c -> c.status() == Status.FAIL).count();
        long warned = checks.stream().filter(c -> c.status() == Status.WARN).count();
        sb.append(
                passed()
                        ? "VERDICT: VERIFIED ("
                                + checks.size()
                                + " checks, "
                                + warned
                                + " warning(s))\n"
                        : "VERDICT: FAILED ("
                                + failed
                                + " of "
                                + checks.size()
                                + " checks failed, "
                                + warned
                                + " warning(s))\n");
        return sb.toString();
    }
}
