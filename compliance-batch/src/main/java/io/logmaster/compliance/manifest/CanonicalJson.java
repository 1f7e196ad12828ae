package io.logmaster.compliance.manifest;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes canonical JSON for our value types (strings, integers, booleans, null, lists, maps with
 * string keys) as RFC 8785 (JCS) does: no insignificant whitespace, object members sorted by key
 * (UTF-16 code units, i.e. {@link String#compareTo}), strings with only the mandatory escapes
 * ({@code \"}, {@code \\}, {@code \b \f \n \r \t}, other controls as a six-character backslash-u
 * escape in lower-case hex) and everything else literal, UTF-8 encoded. Floating-point numbers are
 * not supported.
 */
public final class CanonicalJson {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private CanonicalJson() {}

    /** The canonical UTF-8 bytes of {@code value}. */
    public static byte[] toBytes(Object value) {
        StringBuilder out = new StringBuilder(1024);
        write(value, out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The canonical text of {@code value}. */
    public static String toText(Object value) {
        StringBuilder out = new StringBuilder(1024);
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            writeString(s, out);
        } else if (value instanceof Integer
                || value instanceof Long
                || value instanceof Short
                || value instanceof Byte) {
            out.append(((Number) value).longValue());
        } else if (value instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (value instanceof Map<?, ?> map) {
            TreeMap<String, Object> sorted = new TreeMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    throw new IllegalArgumentException("JSON object key is not a string: " + e);
                }
                sorted.put(key, e.getValue());
            }
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : sorted.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                writeString(e.getKey(), out);
                out.append(':');
                write(e.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(list.get(i), out);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException(
                    "no canonical JSON form for " + value.getClass().getName() + ": " + value);
        }
    }

    private static void writeString(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else if (Character.isSurrogate(c)) {
                        // RFC 8785 section 3.2.2.2: only well-formed UTF-16 can be serialized.
                        if (Character.isHighSurrogate(c)
                                && i + 1 < s.length()
                                && Character.isLowSurrogate(s.charAt(i + 1))) {
                            out.append(c).append(s.charAt(++i));
                        } else {
                            throw new IllegalArgumentException(
                                    "lone surrogate U+"
                                            + Integer.toHexString(c)
                                            + " at index "
                                            + i
                                            + " cannot be written as canonical JSON");
                        }
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
