package io.logmaster.api.support;

/**
 * Makes request-supplied text safe to put into a log line: CR, LF, tab and every other control,
 * line/paragraph separator or invisible format character (bidi overrides) is written as an escape
 * ({@code \n}, {@code \r}, {@code \t}, {@code \u001b}), so a client cannot forge or hide log lines;
 * and the text is cut at {@value #MAX_LENGTH} characters. Use it wherever request text (parameter
 * values, URIs, headers, user names, exception messages quoting them) reaches a log line.
 */
public final class LogSafe {

    /** Longest text kept, counted before escaping; the rest is replaced by a marker. */
    public static final int MAX_LENGTH = 256;

    private LogSafe() {}

    /** The escaped, capped text; {@code null} stays {@code "null"}. */
    public static String text(String raw) {
        if (raw == null) {
            return "null";
        }
        int keep = Math.min(raw.length(), MAX_LENGTH);
        if (keep < raw.length() && Character.isHighSurrogate(raw.charAt(keep - 1))) {
            keep--; // never cut a surrogate pair in half
        }
        StringBuilder out = new StringBuilder(keep + 16);
        for (int i = 0; i < keep; i++) {
            char c = raw.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (needsEscape(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        if (keep < raw.length()) {
            out.append("...(").append(raw.length()).append(" chars)");
        }
        return out.toString();
    }

    private static boolean needsEscape(char c) {
        if (Character.isISOControl(c)) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.FORMAT;
    }
}
