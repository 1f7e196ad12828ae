package io.logmaster.flink.postgres;

/**
 * Makes text acceptable to PostgreSQL, which rejects NUL in {@code text} values and the escape
 * {@code \u0000} in {@code jsonb}. NUL becomes U+FFFD and nothing else changes; the daily files
 * keep the exact bytes.
 */
final class PgText {
    static final char NUL = '\u0000';
    static final char REPLACEMENT = '\uFFFD';

    private PgText() {}

    /** {@code text} with every NUL replaced by U+FFFD; null stays null. */
    static String text(String text) {
        return text == null || text.indexOf(NUL) < 0 ? text : text.replace(NUL, REPLACEMENT);
    }

    /**
     * JSON text with every {@code \u0000} escape (and any raw NUL) replaced by U+FFFD. Walks the
     * escapes, so an escaped backslash followed by {@code u0000} (the six literal characters) stays
     * as it is.
     */
    static String json(String json) {
        if (json.indexOf('\\') < 0 && json.indexOf(NUL) < 0) {
            return json;
        }
        StringBuilder out = new StringBuilder(json.length());
        int i = 0;
        while (i < json.length()) {
            char c = json.charAt(i);
            if (c == '\\' && i + 1 < json.length()) {
                if (json.charAt(i + 1) == 'u' && json.regionMatches(true, i + 2, "0000", 0, 4)) {
                    out.append(REPLACEMENT);
                    i += 6;
                } else {
                    out.append(c).append(json.charAt(i + 1));
                    i += 2;
                }
            } else {
                out.append(c == NUL ? REPLACEMENT : c);
                i++;
            }
        }
        return out.toString();
    }
}
