package io.logmaster.api.search;

import io.logmaster.api.error.InvalidParameterException;

import java.util.Locale;
import java.util.Map;

/**
 * Syslog severities (RFC 5424 section 6.2.1): a code 0-7 or a name, including the common aliases
 * ({@code emerg}, {@code crit}, {@code err}, {@code warn}, {@code info}).
 */
final class Severities {

    private static final Map<String, Integer> NAMES =
            Map.ofEntries(
                    Map.entry("emergency", 0),
                    Map.entry("emerg", 0),
                    Map.entry("panic", 0),
                    Map.entry("alert", 1),
                    Map.entry("critical", 2),
                    Map.entry("crit", 2),
                    Map.entry("error", 3),
                    Map.entry("err", 3),
                    Map.entry("warning", 4),
                    Map.entry("warn", 4),
                    Map.entry("notice", 5),
                    Map.entry("informational", 6),
                    Map.entry("info", 6),
                    Map.entry("debug", 7));

    private Severities() {}

    static int parse(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.length() == 1 && v.charAt(0) >= '0' && v.charAt(0) <= '7') {
            return v.charAt(0) - '0';
        }
        Integer code = NAMES.get(v);
        if (code == null) {
            throw new InvalidParameterException(
                    "severity",
                    "severity must be 0-7 or one of emergency, alert, critical, error, warning,"
                            + " notice, informational, debug; got '"
                            + TimeExpressions.abbreviate(value)
                            + "'");
        }
        return code;
    }
}
