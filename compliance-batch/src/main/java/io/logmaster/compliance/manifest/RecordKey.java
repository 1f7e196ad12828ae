package io.logmaster.compliance.manifest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads the sort key of a daily-file line: {@code received_nanos} and {@code id}. Lines written by
 * {@code DailyFileLine} start with {@code {"id":"...",} and carry {@code ,"received_nanos":N}
 * early, so a byte scan finds both without decoding the payload; anything else goes through a
 * JSON parser. The scan is exact for JSON input: an unescaped {@code ,"received_nanos":} cannot
 * occur inside a JSON string. A line without a usable key is "invalid": it sorts first ({@link
 * Long#MIN_VALUE}, empty id) and {@link #error()} says why. Not thread-safe; reuse per thread.
 */
public final class RecordKey {
    private static final JsonFactory JSON = new JsonFactory();
    private static final byte[] ID_PREFIX = "{\"id\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NANOS = ",\"received_nanos\":".getBytes(StandardCharsets.US_ASCII);

    private long nanos;
    private String id;
    private String error;

    /**
     * Parses the key of {@code buf[off, off+len)}; returns false (see {@link #error()}) if none.
     */
    public boolean parse(byte[] buf, int off, int len) {
        if (fastPath(buf, off, len)) {
            error = null;
            return true;
        }
        return slowPath(buf, off, len);
    }

    public long nanos() {
        return nanos;
    }

    public String id() {
        return id;
    }

    /** Why the last line had no key, or null. */
    public String error() {
        return error;
    }

    private boolean fastPath(byte[] buf, int off, int len) {
        int end = off + len;
        if (len < ID_PREFIX.length + NANOS.length + 3 || !startsWith(buf, off, end, ID_PREFIX)) {
            return false;
        }
        int idStart = off + ID_PREFIX.length;
        int i = idStart;
        while (i < end && buf[i] != '"') {
            if (buf[i] == '\\' || (buf[i] & 0xFF) < 0x20) {
                return false;
            }
            i++;
        }
        if (i >= end) {
            return false;
        }
        int idEnd = i;
        int at = indexOf(buf, idEnd, end, NANOS);
        if (at < 0) {
            return false;
        }
        int p = at + NANOS.length;
        boolean negative = p < end && buf[p] == '-';
        if (negative) {
            p++;
        }
        int digitsStart = p;
        long value = 0;
        while (p < end && buf[p] >= '0' && buf[p] <= '9') {
            if (p - digitsStart >= 18) {
                return false; // could overflow: let the parser decide
            }
            value = value * 10 + (buf[p] - '0');
            p++;
        }
        if (p == digitsStart || p >= end || (buf[p] != ',' && buf[p] != '}')) {
            return false;
        }
        if (buf[digitsStart] == '0' && p - digitsStart > 1) {
            return false;
        }
        nanos = negative ? -value : value;
        id = new String(buf, idStart, idEnd - idStart, StandardCharsets.UTF_8);
        return true;
    }

    private boolean slowPath(byte[] buf, int off, int len) {
        nanos = Long.MIN_VALUE;
        id = "";
        String foundId = null;
        Long foundNanos = null;
        try (JsonParser p = JSON.createParser(buf, off, len)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                error = "not a JSON object";
                return false;
            }
            for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if ("id".equals(name) && v == JsonToken.VALUE_STRING) {
                    foundId = p.getText();
                } else if ("received_nanos".equals(name) && v == JsonToken.VALUE_NUMBER_INT) {
                    foundNanos = p.getLongValue();
                } else {
                    p.skipChildren();
                }
            }
        } catch (IOException e) {
            error = "not valid JSON: " + firstLine(e.getMessage());
            return false;
        }
        if (foundId == null || foundNanos == null) {
            error = foundId == null ? "no string 'id'" : "no integer 'received_nanos'";
            return false;
        }
        id = foundId;
        nanos = foundNanos;
        error = null;
        return true;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    private static boolean startsWith(byte[] buf, int off, int end, byte[] prefix) {
        if (end - off < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (buf[off + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] buf, int from, int end, byte[] needle) {
        byte first = needle[0];
        outer:
        for (int i = from; i <= end - needle.length; i++) {
            if (buf[i] != first) {
                continue;
            }
            for (int j = 1; j < needle.length; j++) {
                if (buf[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
