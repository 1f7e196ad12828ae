package io.logmaster.flink.parse;

import io.logmaster.event.LogEvent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scanner for the part of an RFC 5424 message after PRI (section 6): VERSION SP TIMESTAMP SP
 * HOSTNAME SP APP-NAME SP PROCID SP MSGID SP STRUCTURED-DATA [SP MSG].
 *
 * <p>Leniency, each with a warning: header fields longer than the RFC maximum are kept; an
 * unparsable TIMESTAMP falls back to the receive time and the remaining fields are still read; a
 * header field with non-printable characters or a malformed STRUCTURED-DATA ends header parsing and
 * the rest of the text from that point becomes the message, so nothing is lost.
 */
final class Rfc5424Parser {

    private static final char BOM = '\uFEFF';

    /** Longest token scanned for a header field; longer means "no SP found": invalid. */
    private static final int MAX_TOKEN = 512;

    private Rfc5424Parser() {}

    /** Whether the text at {@code p} (just after PRI) looks like "VERSION SP". */
    static boolean looksLike(String s, int p) {
        int len = s.length();
        int q = p;
        while (q < len && q - p < 3 && SyslogTime.isDigit(s.charAt(q))) {
            q++;
        }
        if (q == p) {
            return false;
        }
        if (q == len) {
            return true;
        }
        if (s.charAt(q) != ' ') {
            return false;
        }
        q++;
        return q == len || s.charAt(q) == '-' || SyslogTime.isDigit(s.charAt(q));
    }

    static void parse(String s, int from, LogEvent e) {
        int len = s.length();
        e.parser = "rfc5424";
        int p = from;
        int version = 0;
        while (p < len && SyslogTime.isDigit(s.charAt(p))) {
            version = version * 10 + (s.charAt(p) - '0');
            p++;
        }
        e.syslogVersion = version;
        if (version == 0) {
            e.warn("invalid RFC 5424 VERSION 0");
        }
        String[] names = {"TIMESTAMP", "HOSTNAME", "APP-NAME", "PROCID", "MSGID"};
        int[] limits = {0, 255, 48, 128, 32};
        boolean haveTimestamp = false;
        for (int field = 0; field < names.length; field++) {
            String name = names[field];
            if (p >= len) {
                e.warn("truncated RFC 5424 header: no " + name);
                if (!haveTimestamp && field == 0) {
                    e.warn("no timestamp: using receive time");
                }
                return;
            }
            if (s.charAt(p) != ' ') {
                e.warn("invalid RFC 5424 header at column " + p + ": expected SP before " + name);
                e.message = s.substring(p);
                return;
            }
            p++;
            int end = tokenEnd(s, p);
            if (end < 0 || end == p || !printUsAscii(s, p, end)) {
                e.warn("invalid RFC 5424 " + name + " at column " + p);
                if (field == 0) {
                    e.warn("no timestamp: using receive time");
                }
                e.message = p < len ? s.substring(p) : null;
                return;
            }
            boolean nil = end == p + 1 && s.charAt(p) == '-';
            if (field == 0) {
                if (nil) {
                    e.warn("no timestamp (NILVALUE): using receive time");
                } else {
                    long millis = SyslogTime.rfc5424(s, p, end);
                    if (millis == Long.MIN_VALUE) {
                        e.warn(
                                "invalid RFC 5424 TIMESTAMP '"
                                        + s.substring(p, end)
                                        + "': using receive time");
                    } else {
                        e.timestampMillis = millis;
                        haveTimestamp = true;
                    }
                }
            } else if (!nil) {
                if (end - p > limits[field]) {
                    e.warn("RFC 5424 " + name + " longer than " + limits[field] + " characters");
                }
                String value = s.substring(p, end);
                switch (field) {
                    case 1 -> e.hostname = value;
                    case 2 -> e.appname = value;
                    case 3 -> e.procid = value;
                    default -> e.msgid = value;
                }
            }
            p = end;
        }
        // STRUCTURED-DATA (section 6.3)
        if (p >= len) {
            e.warn("truncated RFC 5424 header: no STRUCTURED-DATA");
            return;
        }
        if (s.charAt(p) != ' ') {
            e.warn(
                    "invalid RFC 5424 header at column "
                            + p
                            + ": expected SP before STRUCTURED-DATA");
            e.message = s.substring(p);
            return;
        }
        p++;
        int sdStart = p;
        if (p < len && s.charAt(p) == '-') {
            p++;
        } else if (p < len && s.charAt(p) == '[') {
            SdResult sd = structuredData(s, p);
            if (sd.error != null) {
                e.warn("invalid STRUCTURED-DATA at column " + sd.errorAt + ": " + sd.error);
                e.message = stripBom(s.substring(sdStart));
                return;
            }
            for (String w : sd.warnings) {
                e.warn(w);
            }
            e.structuredDataJson = sd.json;
            p = sd.end;
        } else {
            e.warn("invalid STRUCTURED-DATA at column " + p + ": expected '-' or '['");
            e.message = p < len ? stripBom(s.substring(sdStart)) : null;
            return;
        }
        // MSG (section 6.4): after one SP, optionally starting with a UTF-8 BOM.
        if (p == len) {
            return;
        }
        if (s.charAt(p) != ' ') {
            e.warn("invalid STRUCTURED-DATA at column " + p + ": expected SP before MSG");
            e.structuredDataJson = null;
            e.message = stripBom(s.substring(sdStart));
            return;
        }
        String msg = stripBom(s.substring(p + 1));
        e.message = msg.isEmpty() ? null : msg;
    }

    static String stripBom(String s) {
        return !s.isEmpty() && s.charAt(0) == BOM ? s.substring(1) : s;
    }

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

    private static boolean printUsAscii(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < 33 || c > 126) {
                return false;
            }
        }
        return true;
    }

    /** Outcome of scanning STRUCTURED-DATA. */
    static final class SdResult {
        String json;
        int end;
        String error;
        int errorAt;
        final List<String> warnings = new ArrayList<>(0);

        SdResult fail(String reason, int at) {
            error = reason;
            errorAt = at;
            return this;
        }
    }

    /**
     * Scans one or more SD-ELEMENTs starting at '['. PARAM-VALUE escapes \" \\ \] are decoded
     * (section 6.3.3); a backslash before any other character is kept as is, with a warning. A
     * PARAM-NAME that occurs more than once in an element becomes a JSON array of all its values in
     * order; a repeated SD-ID (forbidden by section 6.3.2) is merged into the first one with a
     * warning.
     */
    static SdResult structuredData(String s, int from) {
        SdResult r = new SdResult();
        int len = s.length();
        int p = from;
        Map<String, Map<String, Object>> elements = new LinkedHashMap<>();
        boolean invalidEscape = false;
        boolean unescapedBracket = false;
        while (p < len && s.charAt(p) == '[') {
            p++;
            int idStart = p;
            p = sdName(s, p);
            if (p == idStart) {
                return r.fail("empty or invalid SD-ID", p);
            }
            String id = s.substring(idStart, p);
            if (id.length() > 32) {
                r.warnings.add("SD-ID longer than 32 characters: " + id);
            }
            Map<String, Object> params = elements.get(id);
            if (params == null) {
                params = new LinkedHashMap<>();
                elements.put(id, params);
            } else {
                r.warnings.add("duplicate SD-ID '" + id + "' merged");
            }
            while (true) {
                if (p >= len) {
                    return r.fail("unterminated SD-ELEMENT", p);
                }
                char c = s.charAt(p);
                if (c == ']') {
                    p++;
                    break;
                }
                if (c != ' ') {
                    return r.fail("expected SP or ']' in SD-ELEMENT", p);
                }
                p++;
                int nameStart = p;
                p = sdName(s, p);
                if (p == nameStart) {
                    return r.fail("empty or invalid PARAM-NAME", p);
                }
                String name = s.substring(nameStart, p);
                if (p + 1 >= len || s.charAt(p) != '=' || s.charAt(p + 1) != '"') {
                    return r.fail("expected '=\"' after PARAM-NAME", p);
                }
                p += 2;
                StringBuilder value = new StringBuilder();
                while (p < len) {
                    char ch = s.charAt(p);
                    if (ch == '\\' && p + 1 < len) {
                        char next = s.charAt(p + 1);
                        if (next == '"' || next == '\\' || next == ']') {
                            value.append(next);
                            p += 2;
                            continue;
                        }
                        invalidEscape = true;
                    } else if (ch == '"') {
                        break;
                    } else if (ch == ']') {
                        unescapedBracket = true;
                    }
                    value.append(ch);
                    p++;
                }
                if (p >= len) {
                    return r.fail("unterminated PARAM-VALUE", p);
                }
                p++;
                addParam(params, name, value.toString());
            }
        }
        if (invalidEscape) {
            r.warnings.add("invalid escape in SD PARAM-VALUE kept as is");
        }
        if (unescapedBracket) {
            r.warnings.add("unescaped ']' in SD PARAM-VALUE");
        }
        r.end = p;
        r.json = toJson(elements);
        return r;
    }

    @SuppressWarnings("unchecked")
    private static void addParam(Map<String, Object> params, String name, String value) {
        Object old = params.get(name);
        if (old == null) {
            params.put(name, value);
        } else if (old instanceof List<?> list) {
            ((List<String>) list).add(value);
        } else {
            List<String> values = new ArrayList<>(2);
            values.add((String) old);
            values.add(value);
            params.put(name, values);
        }
    }

    /** SD-NAME: 1*32 PRINTUSASCII except '=', SP, ']' and '"'; returns the end index. */
    private static int sdName(String s, int p) {
        int len = s.length();
        while (p < len) {
            char c = s.charAt(p);
            if (c < 33 || c > 126 || c == '=' || c == ']' || c == '"') {
                break;
            }
            p++;
        }
        return p;
    }

    private static String toJson(Map<String, Map<String, Object>> elements) {
        StringBuilder b = new StringBuilder(64);
        b.append('{');
        boolean firstElement = true;
        for (Map.Entry<String, Map<String, Object>> element : elements.entrySet()) {
            if (!firstElement) {
                b.append(',');
            }
            firstElement = false;
            Json.string(b, element.getKey());
            b.append(":{");
            boolean firstParam = true;
            for (Map.Entry<String, Object> param : element.getValue().entrySet()) {
                if (!firstParam) {
                    b.append(',');
                }
                firstParam = false;
                Json.string(b, param.getKey());
                b.append(':');
                if (param.getValue() instanceof List<?> values) {
                    b.append('[');
                    for (int i = 0; i < values.size(); i++) {
                        if (i > 0) {
                            b.append(',');
                        }
                        Json.string(b, (String) values.get(i));
                    }
                    b.append(']');
                } else {
                    Json.string(b, (String) param.getValue());
                }
            }
            b.append('}');
        }
        return b.append('}').toString();
    }
}
