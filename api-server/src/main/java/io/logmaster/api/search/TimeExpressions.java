package io.logmaster.api.search;

import io.logmaster.api.error.InvalidParameterException;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the {@code from}/{@code to} search parameters: an ISO-8601 instant with offset ({@code
 * 2026-12-03T10:15:30Z}, {@code 2026-12-03T13:15:30+03:00}), {@code now}, or {@code now-<n><unit>}
 * / {@code now+<n><unit>} with unit {@code s}, {@code m}, {@code h}, {@code d} (24 h) or {@code w}
 * (7 d), at most 3660 days either way. {@code now 1d} is read as {@code now+1d}, because an
 * unencoded {@code +} in a query string decodes to a space.
 */
final class TimeExpressions {

    private static final Pattern RELATIVE = Pattern.compile("now(?:([-+ ])(\\d{1,6})([smhdw]))?");
    private static final Duration MAX_OFFSET = Duration.ofDays(3660);

    private TimeExpressions() {}

    static Instant parse(String parameter, String value, Instant now) {
        String v = value.trim();
        Matcher m = RELATIVE.matcher(v);
        if (m.matches()) {
            if (m.group(1) == null) {
                return now;
            }
            // An unencoded '+' in a query string arrives as a space: now+1d -> "now 1d".
            boolean ahead = !m.group(1).equals("-");
            long n = Long.parseLong(m.group(2));
            Duration d =
                    switch (m.group(3)) {
                        case "s" -> Duration.ofSeconds(n);
                        case "m" -> Duration.ofMinutes(n);
                        case "h" -> Duration.ofHours(n);
                        case "d" -> Duration.ofDays(n);
                        case "w" -> Duration.ofDays(7 * n);
                        default -> throw new IllegalStateException("unit " + m.group(3));
                    };
            if (d.compareTo(MAX_OFFSET) > 0) {
                throw new InvalidParameterException(
                        parameter,
                        parameter
                                + (ahead ? " reaches ahead" : " reaches back")
                                + " more than 3660 days: "
                                + v);
            }
            return ahead ? now.plus(d) : now.minus(d);
        }
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(
                    parameter,
                    parameter
                            + " must be an ISO-8601 instant with offset (e.g."
                            + " 2026-12-03T10:15:30Z) or now, now-15m, now-24h, now-7d, now+1d; got '"
                            + abbreviate(v)
                            + "'");
        }
    }

    static String abbreviate(String v) {
        return v.length() > 64 ? v.substring(0, 64) + "..." : v;
    }
}
