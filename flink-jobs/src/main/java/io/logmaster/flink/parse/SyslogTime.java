package io.logmaster.flink.parse;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * Hand-written scanners for the timestamp forms found in syslog headers. Every scanner looks at a
 * bounded number of characters from a start position, so a 1 MB line costs no more than a short
 * one; none of them throws on bad input.
 */
final class SyslogTime {

    /** Result of one successful scan. */
    static final class Scan {
        long millis;
        int end;
        boolean unsynchronized;
        boolean notAuthoritative;
        String warning;
    }

    private static final long DAY_MILLIS = 86_400_000L;

    /**
     * Time-zone abbreviations seen in Cisco/NX-OS headers. Only unambiguous ones are listed; others
     * fall back to the default zone with a warning.
     */
    private static final Map<String, Integer> ZONE_ABBREVIATIONS =
            Map.ofEntries(
                    Map.entry("UTC", 0),
                    Map.entry("GMT", 0),
                    Map.entry("UT", 0),
                    Map.entry("Z", 0),
                    Map.entry("WET", 0),
                    Map.entry("WEST", 60),
                    Map.entry("CET", 60),
                    Map.entry("CEST", 120),
                    Map.entry("MET", 60),
                    Map.entry("MEST", 120),
                    Map.entry("EET", 120),
                    Map.entry("EEST", 180),
                    Map.entry("MSK", 180),
                    Map.entry("TRT", 180),
                    Map.entry("EST", -300),
                    Map.entry("EDT", -240),
                    Map.entry("CST", -360),
                    Map.entry("CDT", -300),
                    Map.entry("MST", -420),
                    Map.entry("MDT", -360),
                    Map.entry("PST", -480),
                    Map.entry("PDT", -420),
                    Map.entry("JST", 540),
                    Map.entry("HKT", 480),
                    Map.entry("SGT", 480),
                    Map.entry("AEST", 600),
                    Map.entry("AEDT", 660));

    private SyslogTime() {}

    /**
     * Scans an RFC 5424 TIMESTAMP token (section 6.2.3, RFC 3339 profile): full date, upper-case
     * 'T', time with an optional fraction of 1 to 9 digits (5424 allows 6; we accept nanos) and a
     * mandatory 'Z' or numeric offset. Returns epoch millis, or {@link Long#MIN_VALUE} when the
     * token is not such a timestamp.
     */
    static long rfc5424(String s, int from, int to) {
        Scan scan = new Scan();
        int end = iso(s, from, null, true, scan);
        return end == to ? scan.millis : Long.MIN_VALUE;
    }

    /**
     * Scans an ISO 8601 / RFC 3339 timestamp at {@code from}. With {@code strict}, 'T' and 'Z' must
     * be upper case and an offset is required; otherwise a missing offset means {@code zone}.
     * Returns the end index or -1.
     */
    static int iso(String s, int from, ZoneId zone, boolean strict, Scan out) {
        int len = s.length();
        int p = from;
        int year = digits(s, p, 4);
        if (year < 0 || !charAt(s, p + 4, '-')) {
            return -1;
        }
        int month = digits(s, p + 5, 2);
        if (month < 1 || month > 12 || !charAt(s, p + 7, '-')) {
            return -1;
        }
        int day = digits(s, p + 8, 2);
        if (day < 1 || day > monthLength(year, month)) {
            return -1;
        }
        p += 10;
        if (p >= len) {
            return -1;
        }
        char t = s.charAt(p);
        if (!(t == 'T' || (!strict && t == 't'))) {
            return -1;
        }
        p++;
        int hour = digits(s, p, 2);
        int minute = digits(s, p + 3, 2);
        int second = digits(s, p + 6, 2);
        if (hour < 0
                || hour > 23
                || !charAt(s, p + 2, ':')
                || minute < 0
                || minute > 59
                || !charAt(s, p + 5, ':')
                || second < 0
                || second > 59) {
            return -1;
        }
        p += 8;
        int nanos = 0;
        if (charAt(s, p, '.')) {
            int q = p + 1;
            int n = 0;
            while (q < len && q - p - 1 < 9 && isDigit(s.charAt(q))) {
                nanos = nanos * 10 + (s.charAt(q) - '0');
                q++;
                n++;
            }
            if (n == 0 || (q < len && isDigit(s.charAt(q)))) {
                return -1;
            }
            for (int i = n; i < 9; i++) {
                nanos *= 10;
            }
            p = q;
        }
        long localMillis =
                daysFromCivil(year, month, day) * DAY_MILLIS
                        + (hour * 3600L + minute * 60L + second) * 1000L
                        + nanos / 1_000_000;
        if (p < len && (s.charAt(p) == 'Z' || (!strict && s.charAt(p) == 'z'))) {
            out.millis = localMillis;
            out.end = p + 1;
            return out.end;
        }
        if (p < len && (s.charAt(p) == '+' || s.charAt(p) == '-')) {
            int sign = s.charAt(p) == '-' ? -1 : 1;
            int oh = digits(s, p + 1, 2);
            int om;
            int end;
            if (charAt(s, p + 3, ':')) {
                om = digits(s, p + 4, 2);
                end = p + 6;
            } else if (strict) {
                return -1;
            } else {
                om = digits(s, p + 3, 2);
                end = p + 5;
            }
            if (oh < 0 || oh > 23 || om < 0 || om > 59) {
                return -1;
            }
            // RFC 5424 allows any offset up to 23:59, beyond java.time's +-18:00: plain arithmetic.
            out.millis = localMillis - sign * (oh * 3600L + om * 60L) * 1000L;
            out.end = end;
            return end;
        }
        if (strict) {
            return -1;
        }
        out.millis = inZone(year, month, day, hour, minute, second, nanos, zone);
        out.end = p;
        return p;
    }

    /**
     * Scans a BSD/Cisco header timestamp at {@code from}: optional '*' or '.' (Cisco: clock not
     * synchronized / not authoritative), then {@code Mmm dd [yyyy] hh:mm:ss[.fff]}, {@code yyyy Mmm
     * dd hh:mm:ss[.fff]} or ISO 8601; then an optional zone abbreviation and an optional ':'. A
     * year-less timestamp gets the year that puts it nearest the receive time (see {@link
     * #inferYear}). Returns the end index (after the optional ':'), or -1.
     */
    static int bsd(String s, int from, ZoneId zone, long receivedMillis, Scan out) {
        int len = s.length();
        int p = from;
        out.unsynchronized = false;
        out.notAuthoritative = false;
        out.warning = null;
        if (p < len && s.charAt(p) == '*') {
            out.unsynchronized = true;
            p++;
        } else if (p < len && s.charAt(p) == '.') {
            out.notAuthoritative = true;
            p++;
        }
        int end;
        if (p + 4 < len && isDigit(s.charAt(p)) && s.charAt(p + 4) == '-') {
            end = iso(s, p, zone, false, out);
            if (end < 0) {
                return -1;
            }
            return colon(s, end, out);
        }
        int year = -1;
        if (digits(s, p, 4) >= 0 && charAt(s, p + 4, ' ')) {
            year = digits(s, p, 4);
            p += 5;
        }
        int month = month(s, p);
        if (month < 0 || !charAt(s, p + 3, ' ')) {
            return -1;
        }
        p += 4;
        if (charAt(s, p, ' ')) {
            p++;
        }
        int day;
        if (p + 1 < len && isDigit(s.charAt(p)) && isDigit(s.charAt(p + 1))) {
            day = digits(s, p, 2);
            p += 2;
        } else if (p < len && isDigit(s.charAt(p))) {
            day = s.charAt(p) - '0';
            p++;
        } else {
            return -1;
        }
        if (!charAt(s, p, ' ')) {
            return -1;
        }
        p++;
        if (year < 0 && digits(s, p, 4) >= 0 && charAt(s, p + 4, ' ')) {
            year = digits(s, p, 4);
            p += 5;
        }
        int hour = digits(s, p, 2);
        int minute = digits(s, p + 3, 2);
        int second = digits(s, p + 6, 2);
        if (hour < 0
                || hour > 23
                || !charAt(s, p + 2, ':')
                || minute < 0
                || minute > 59
                || !charAt(s, p + 5, ':')
                || second < 0
                || second > 60) {
            return -1;
        }
        p += 8;
        int nanos = 0;
        if (charAt(s, p, '.') && p + 1 < len && isDigit(s.charAt(p + 1))) {
            int q = p + 1;
            int n = 0;
            while (q < len && isDigit(s.charAt(q))) {
                if (n < 9) {
                    nanos = nanos * 10 + (s.charAt(q) - '0');
                    n++;
                }
                if (q - p > 12) {
                    return -1;
                }
                q++;
            }
            for (int i = n; i < 9; i++) {
                nanos *= 10;
            }
            p = q;
        }
        // A leap second (RFC 3164 devices sometimes log :60) is folded into the next second.
        int leap = second == 60 ? 1 : 0;
        second -= leap;
        // Zone abbreviation: "10:15:30.123 UTC:" (Cisco) or "10:15:30 CET host".
        int zoneEnd = p;
        Integer offsetMinutes = null;
        if (charAt(s, p, ' ')) {
            int q = p + 1;
            while (q < len && q - p <= 5 && s.charAt(q) >= 'A' && s.charAt(q) <= 'Z') {
                q++;
            }
            int n = q - p - 1;
            if (n >= 1 && n <= 5 && (q == len || s.charAt(q) == ':' || s.charAt(q) == ' ')) {
                String abbreviation = s.substring(p + 1, q);
                Integer known = ZONE_ABBREVIATIONS.get(abbreviation);
                if (known != null) {
                    offsetMinutes = known;
                    zoneEnd = q;
                } else if (q < len && s.charAt(q) == ':') {
                    out.warning = "unknown time zone '" + abbreviation + "': using default zone";
                    zoneEnd = q;
                }
            }
        }
        long millis;
        if (year < 0) {
            millis =
                    inferYear(
                            month,
                            day,
                            hour,
                            minute,
                            second,
                            nanos,
                            zone,
                            receivedMillis,
                            offsetMinutes);
        } else if (day > monthLength(year, month)) {
            millis = Long.MIN_VALUE;
        } else if (offsetMinutes != null) {
            millis =
                    daysFromCivil(year, month, day) * DAY_MILLIS
                            + (hour * 3600L + minute * 60L + second) * 1000L
                            + nanos / 1_000_000
                            - offsetMinutes * 60_000L;
        } else {
            millis = inZone(year, month, day, hour, minute, second, nanos, zone);
        }
        if (millis == Long.MIN_VALUE) {
            return -1;
        }
        out.millis = millis + leap * 1000L;
        return colon(s, zoneEnd, out);
    }

    /** Consumes an optional ':' (Cisco "...123:" or IOS XR "...123 :"), then needs SP or end. */
    private static int colon(String s, int p, Scan out) {
        int len = s.length();
        if (charAt(s, p, ':')) {
            p++;
        } else if (charAt(s, p, ' ')
                && charAt(s, p + 1, ':')
                && (p + 2 == len || charAt(s, p + 2, ' '))) {
            p += 2;
        }
        if (p != len && s.charAt(p) != ' ') {
            return -1;
        }
        out.end = p;
        return p;
    }

    /**
     * Picks the year for a year-less RFC 3164 timestamp: the one that places the event between 11
     * months before and 1 month after the receive time (so a "Dec 31" message received on Jan 1
     * belongs to the previous year, and a device clock slightly ahead across New Year to the next
     * one). Returns {@link Long#MIN_VALUE} for a day that does not exist in that year (Feb 29).
     */
    static long inferYear(
            int month,
            int day,
            int hour,
            int minute,
            int second,
            int nanos,
            ZoneId zone,
            long receivedMillis,
            Integer offsetMinutes) {
        long offsetMillis =
                offsetMinutes != null
                        ? offsetMinutes * 60_000L
                        : zone.getRules()
                                        .getOffset(Instant.ofEpochMilli(receivedMillis))
                                        .getTotalSeconds()
                                * 1000L;
        long receivedLocal = receivedMillis + offsetMillis;
        int year = yearOf(receivedLocal);
        long timeOfDay = (hour * 3600L + minute * 60L + second) * 1000L;
        // Comparing wall-clock times is precise enough to choose a year.
        long candidate = daysFromCivil(year, month, day) * DAY_MILLIS + timeOfDay;
        if (candidate - receivedLocal > 31 * DAY_MILLIS) {
            year--;
        } else if (receivedLocal - candidate > 334 * DAY_MILLIS) {
            year++;
        }
        if (day > monthLength(year, month)) {
            return Long.MIN_VALUE;
        }
        if (offsetMinutes != null) {
            return daysFromCivil(year, month, day) * DAY_MILLIS
                    + timeOfDay
                    + nanos / 1_000_000
                    - offsetMinutes * 60_000L;
        }
        return inZone(year, month, day, hour, minute, second, nanos, zone);
    }

    private static long inZone(
            int year,
            int month,
            int day,
            int hour,
            int minute,
            int second,
            int nanos,
            ZoneId zone) {
        if (zone instanceof ZoneOffset offset) {
            return daysFromCivil(year, month, day) * DAY_MILLIS
                    + (hour * 3600L + minute * 60L + second - offset.getTotalSeconds()) * 1000L
                    + nanos / 1_000_000;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, nanos)
                    .atZone(zone)
                    .toInstant()
                    .toEpochMilli();
        } catch (DateTimeException e) {
            return Long.MIN_VALUE;
        }
    }

    private static int yearOf(long epochMillis) {
        // civil_from_days (H. Hinnant), year part only.
        long z = Math.floorDiv(epochMillis, DAY_MILLIS) + 719468;
        long era = Math.floorDiv(z, 146097);
        long doe = z - era * 146097;
        long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        long m = mp < 10 ? mp + 3 : mp - 9;
        return (int) (yoe + era * 400 + (m <= 2 ? 1 : 0));
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
    static long daysFromCivil(int year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe - 719468;
    }

    static int monthLength(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** English month abbreviation at {@code p} (any case), 1-12, or -1. */
    static int month(String s, int p) {
        if (p + 3 > s.length()) {
            return -1;
        }
        int a = s.charAt(p) | 0x20;
        int b = s.charAt(p + 1) | 0x20;
        int c = s.charAt(p + 2) | 0x20;
        int key = (a << 16) | (b << 8) | c;
        return switch (key) {
            case ('j' << 16) | ('a' << 8) | 'n' -> 1;
            case ('f' << 16) | ('e' << 8) | 'b' -> 2;
            case ('m' << 16) | ('a' << 8) | 'r' -> 3;
            case ('a' << 16) | ('p' << 8) | 'r' -> 4;
            case ('m' << 16) | ('a' << 8) | 'y' -> 5;
            case ('j' << 16) | ('u' << 8) | 'n' -> 6;
            case ('j' << 16) | ('u' << 8) | 'l' -> 7;
            case ('a' << 16) | ('u' << 8) | 'g' -> 8;
            case ('s' << 16) | ('e' << 8) | 'p' -> 9;
            case ('o' << 16) | ('c' << 8) | 't' -> 10;
            case ('n' << 16) | ('o' << 8) | 'v' -> 11;
            case ('d' << 16) | ('e' << 8) | 'c' -> 12;
            default -> -1;
        };
    }

    /** Exactly {@code n} ASCII digits at {@code p} as a number, or -1. */
    static int digits(String s, int p, int n) {
        if (p < 0 || p + n > s.length()) {
            return -1;
        }
        int v = 0;
        for (int i = p; i < p + n; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean charAt(String s, int p, char c) {
        return p < s.length() && s.charAt(p) == c;
    }
}
