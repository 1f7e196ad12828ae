package io.logmaster.flink.parse;

import io.logmaster.event.LogEvent;

import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Scanner for RFC 3164 ("BSD") headers and the Cisco IOS/NX-OS variants, from just after PRI (or
 * from the line start when there is no PRI).
 *
 * <p>The header is read as a short sequence of items, each optional, until the message body:
 *
 * <ul>
 *   <li>Cisco sequence number {@code 000123: } (also the empty {@code : } of NX-OS);
 *   <li>Cisco uptime instead of a clock, {@code 2y10w: };
 *   <li>a timestamp ({@link SyslogTime#bsd}); when a relay adds its own header before the device's,
 *       the last (innermost, the device's) timestamp wins;
 *   <li>a host name: a token followed by another header item ({@code sw01: 000123: *Mar 1...}), or
 *       the first plain token after the timestamp (RFC 3164 section 4.1.2);
 *   <li>the TAG ({@code app[pid]:}, section 4.1.3): a token ending in ':' or containing '['; a
 *       token like that right after the timestamp means the host name is missing; a tag with spaces
 *       is accepted when it ends in {@code [pid]:} (macOS "Microsoft Word[123]:");
 *   <li>a Cisco {@code %FACILITY-SEVERITY-MNEMONIC:}, which becomes the appname without '%' (e.g.
 *       "LINK-3-UPDOWN") when no tag came first.
 * </ul>
 *
 * Every scan is bounded (tokens of at most {@value #MAX_TOKEN} characters, at most {@value
 * #MAX_ITEMS} items), so the cost does not grow with the message length.
 */
final class BsdParser {

    private static final int MAX_TOKEN = 256;
    private static final int MAX_ITEMS = 10;
    private static final int MAX_SPACED_TAG = 64;

    private BsdParser() {}

    /** Parses {@code s} from {@code from}; returns true when a syslog header was recognised. */
    static boolean parse(
            String s, int from, boolean hasPri, LogEvent e, ZoneId zone, long receivedMillis) {
        int len = s.length();
        SyslogTime.Scan scan = new SyslogTime.Scan();
        boolean cisco = false;
        boolean haveTs = false;
        boolean unsynchronized = false;
        boolean notAuthoritative = false;
        String zoneWarning = null;
        String host = null;
        String message = null;
        boolean done = false;
        int p = from;
        for (int item = 0; item < MAX_ITEMS && !done; item++) {
            p = skipSpaces(s, p);
            if (p >= len) {
                done = true;
                break;
            }
            int q = sequence(s, p);
            if (q >= 0) {
                cisco = true;
                p = q;
                continue;
            }
            q = uptime(s, p);
            if (q >= 0) {
                cisco = true;
                p = q;
                continue;
            }
            q = SyslogTime.bsd(s, p, zone, receivedMillis, scan);
            if (q >= 0) {
                haveTs = true;
                e.timestampMillis = scan.millis;
                unsynchronized = scan.unsynchronized;
                notAuthoritative = scan.notAuthoritative;
                zoneWarning = scan.warning;
                p = q;
                continue;
            }
            q = mnemonic(s, p);
            if (q >= 0) {
                cisco = true;
                e.appname = s.substring(p + 1, mnemonicEnd(s, p, q));
                message = body(s, q);
                done = true;
                break;
            }
            int te = tokenEnd(s, p);
            if (te < 0) {
                break;
            }
            int colon = indexOf(s, ':', p, te - 1);
            if (colon > p && SyslogTime.bsd(s, colon + 1, zone, receivedMillis, scan) >= 0) {
                // IOS XR node id glued to the timestamp: "RP/0/RSP0/CPU0:Nov  1 01:17:24.927:".
                cisco = true;
                p = colon + 1;
                continue;
            }
            int next = skipSpaces(s, te);
            boolean endsWithColon = s.charAt(te - 1) == ':';
            if (continues(s, next, !haveTs, !endsWithColon)
                    && (endsWithColon || host == null)
                    && te - p > (endsWithColon ? 1 : 0)) {
                host = s.substring(p, endsWithColon ? te - 1 : te);
                p = te;
                continue;
            }
            if (!haveTs && !cisco) {
                // No header so far: only "app[pid]: msg" (a local logger without time) counts.
                if (hasPri && isPidTag(s, p, te)) {
                    message = tag(s, p, te, e);
                    done = true;
                }
                break;
            }
            if (isTag(s, p, te)) {
                message = tag(s, p, te, e);
                done = true;
                break;
            }
            if (host == null) {
                host = s.substring(p, te);
                p = te;
                continue;
            }
            int spaced = spacedTag(s, p);
            int versioned = spaced >= 0 ? -1 : versionedTag(s, p);
            if (spaced >= 0) {
                message = tag(s, p, spaced, e);
            } else if (versioned >= 0) {
                e.appname = s.substring(p, s.indexOf(' ', p));
                message = body(s, versioned);
            } else {
                message = s.substring(p);
            }
            done = true;
        }
        if (!done && message == null && p < len) {
            message = s.substring(Math.min(p, len));
        }
        boolean header = haveTs || cisco || host != null || e.appname != null;
        e.hostname = host;
        e.message = message == null ? null : Rfc5424Parser.stripBom(message);
        e.parser = cisco ? "cisco" : "rfc3164";
        if (haveTs) {
            if (unsynchronized) {
                e.warn("clock not synchronized");
            }
            if (notAuthoritative) {
                e.warn("clock not authoritative");
            }
            if (zoneWarning != null) {
                e.warn(zoneWarning);
            }
        } else {
            e.warn("no timestamp: using receive time");
        }
        return header;
    }

    /** Whether a header item (sequence number, timestamp, uptime, mnemonic) starts at {@code p}. */
    private static boolean continues(
            String s, int p, boolean timestampAllowed, boolean mnemonicAllowed) {
        if (p >= s.length()) {
            return false;
        }
        if (sequence(s, p) >= 0 || uptime(s, p) >= 0) {
            return true;
        }
        if (mnemonicAllowed && mnemonic(s, p) >= 0) {
            return true;
        }
        // The year does not matter here; only whether it is a timestamp at all.
        return timestampAllowed
                && SyslogTime.bsd(s, p, ZoneOffset.UTC, 0L, new SyslogTime.Scan()) >= 0;
    }

    /** Cisco sequence number: {@code digits* ':'} followed by SP (or end); returns the end. */
    static int sequence(String s, int p) {
        int len = s.length();
        int q = p;
        while (q < len && q - p < 20 && SyslogTime.isDigit(s.charAt(q))) {
            q++;
        }
        if (q < len && s.charAt(q) == ':' && (q + 1 == len || s.charAt(q + 1) == ' ')) {
            return q + 1;
        }
        return -1;
    }

    /** Cisco uptime instead of a clock: {@code (digits [ywdhms])+ ':'} then SP; returns the end. */
    static int uptime(String s, int p) {
        int len = s.length();
        int q = p;
        int pairs = 0;
        while (q < len && q - p < 20) {
            int d = q;
            while (q < len && SyslogTime.isDigit(s.charAt(q))) {
                q++;
            }
            if (q == d || q >= len || "ywdhms".indexOf(s.charAt(q)) < 0) {
                q = d;
                break;
            }
            q++;
            pairs++;
        }
        if (pairs > 0
                && q < len
                && s.charAt(q) == ':'
                && (q + 1 == len || s.charAt(q + 1) == ' ')) {
            return q + 1;
        }
        return -1;
    }

    /**
     * Cisco {@code %FACILITY[-SUBFACILITY]-SEVERITY-MNEMONIC:} (severity one digit 0-7); also
     * accepts IOS XR's " : " before the text. Returns the index after the colon, or -1.
     */
    static int mnemonic(String s, int p) {
        int len = s.length();
        if (p >= len || s.charAt(p) != '%') {
            return -1;
        }
        int q = p + 1;
        int segments = 0;
        boolean severity = false;
        int segmentStart = q;
        while (q < len && q - p < 96) {
            char c = s.charAt(q);
            if (c == '-' || c == ':' || c == ' ') {
                if (q == segmentStart) {
                    return -1;
                }
                segments++;
                if (q - segmentStart == 1
                        && s.charAt(segmentStart) >= '0'
                        && s.charAt(segmentStart) <= '7'
                        && segments > 1) {
                    severity = true;
                }
                if (c != '-') {
                    break;
                }
                segmentStart = q + 1;
            } else if (!(Character.isLetterOrDigit(c) || c == '_' || c == '.')) {
                return -1;
            }
            q++;
        }
        if (segments < 3 || !severity || q >= len) {
            return -1;
        }
        if (s.charAt(q) == ' ' && q + 1 < len && s.charAt(q + 1) == ':') {
            q++;
        }
        if (s.charAt(q) != ':') {
            return -1;
        }
        return q + 1;
    }

    /** End of the mnemonic text (before ':' or " :"), given the index after its colon. */
    private static int mnemonicEnd(String s, int p, int afterColon) {
        int end = afterColon - 1;
        return end > p && s.charAt(end - 1) == ' ' ? end - 1 : end;
    }

    /** TAG heuristics: ends with ':' (but is not just ':'), or has '[' after a non-empty name. */
    private static boolean isTag(String s, int p, int te) {
        if (te - p > 1 && s.charAt(te - 1) == ':') {
            return true;
        }
        int bracket = s.indexOf('[', p);
        return bracket > p && bracket < te && s.charAt(te - 1) == ']';
    }

    private static boolean isPidTag(String s, int p, int te) {
        int bracket = s.indexOf('[', p);
        return bracket > p && bracket < te && te - p > 3 && s.startsWith("]:", te - 2);
    }

    /**
     * A tag with spaces ending in {@code [digits]:} within {@value #MAX_SPACED_TAG} characters,
     * with no ':' or brackets before the '['. Returns the end of the tag token (after ':'), or -1.
     */
    private static int spacedTag(String s, int p) {
        int len = s.length();
        int limit = Math.min(len, p + MAX_SPACED_TAG);
        for (int i = p; i < limit; i++) {
            char c = s.charAt(i);
            if (c == ':' || c == ']') {
                return -1;
            }
            if (c == '[') {
                if (i == p) {
                    return -1;
                }
                int q = i + 1;
                while (q < len && SyslogTime.isDigit(s.charAt(q))) {
                    q++;
                }
                if (q > i + 1
                        && q + 1 < len + 1
                        && s.startsWith("]:", q)
                        && (q + 2 == len || s.charAt(q + 2) == ' ')) {
                    return q + 2;
                }
                return -1;
            }
        }
        return -1;
    }

    /**
     * A sysklogd-style tag naming the program and its version, {@code syslogd 1.4.1: restart.}: a
     * name without ':' or brackets, one space, then a version (a digit first) ending in ':'.
     * Returns the index after that ':', or -1.
     */
    private static int versionedTag(String s, int p) {
        int space = s.indexOf(' ', p);
        if (space <= p || space - p > MAX_SPACED_TAG) {
            return -1;
        }
        for (int i = p; i < space; i++) {
            char c = s.charAt(i);
            if (c == ':' || c == '[' || c == ']') {
                return -1;
            }
        }
        int q = space + 1;
        int len = s.length();
        if (q >= len || !SyslogTime.isDigit(s.charAt(q))) {
            return -1;
        }
        while (q < len && q - space <= 32) {
            char c = s.charAt(q);
            if (!(Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_')) {
                break;
            }
            q++;
        }
        return q < len && s.charAt(q) == ':' ? q + 1 : -1;
    }

    /** Fills appname/procid from the tag token [p, te) and returns the message after it. */
    private static String tag(String s, int p, int te, LogEvent e) {
        int end = s.charAt(te - 1) == ':' ? te - 1 : te;
        int bracket = s.indexOf('[', p);
        if (bracket > p && bracket < end) {
            int close = s.indexOf(']', bracket);
            e.appname = s.substring(p, bracket);
            if (close > bracket && close < end + 1) {
                e.procid = close > bracket + 1 ? s.substring(bracket + 1, close) : null;
            } else {
                e.appname = s.substring(p, end);
            }
        } else if (end > p) {
            e.appname = s.substring(p, end);
        }
        return body(s, te);
    }

    /** The message after a header item ending at {@code p}: one SP is a separator. */
    private static String body(String s, int p) {
        if (p < s.length() && s.charAt(p) == ' ') {
            p++;
        }
        return p >= s.length() ? null : s.substring(p);
    }

    private static int indexOf(String s, char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    private static int skipSpaces(String s, int p) {
        int len = s.length();
        while (p < len && s.charAt(p) == ' ') {
            p++;
        }
        return p;
    }

    /**
     * End of the token at {@code p} (next SP or end), or -1 when longer than {@link #MAX_TOKEN}.
     */
    private static int tokenEnd(String s, int p) {
        int len = s.length();
        int limit = Math.min(len, p + MAX_TOKEN);
        for (int i = p; i < limit; i++) {
            if (s.charAt(i) == ' ') {
                return i;
            }
        }
        return limit == len ? len : -1;
    }
}
