package io.logmaster.flink.parse;

import io.logmaster.event.LogEvent;
import io.logmaster.event.RawRecord;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;

/**
 * Turns a {@link RawRecord} into a {@link LogEvent}: RFC 5424, RFC 3164 (BSD) and Cisco IOS/NX-OS
 * syslog, with hand-written linear-time scanners (no regular expressions). Never throws and never
 * loses a message: whatever cannot be parsed is kept in {@code message} and explained in {@code
 * warnings}. Stateless per call, so one instance may be shared by threads; serializable for Flink.
 *
 * <p>{@code parser} is "rfc5424", "rfc3164" (also for a PRI followed by no recognisable header, RFC
 * 3164 section 4.3.2: the rest is the message), "cisco" (sequence number, uptime or {@code
 * %FAC-SEV-MNEMONIC} seen) or "none" (no PRI and no header: message = the whole text). Timestamps
 * without an offset are read in the default zone; year-less ones get the year nearest the receive
 * time. {@code day} is left to the caller.
 */
public final class SyslogParser implements Serializable {
    private static final long serialVersionUID = 1L;

    private static final char BOM = '\uFEFF';

    private final ZoneId defaultZone;

    /** {@code defaultZone}: the zone of timestamps that carry no offset (RFC 3164). */
    public SyslogParser(ZoneId defaultZone) {
        if (defaultZone == null) {
            throw new IllegalArgumentException("syslog parser needs a default zone, got null");
        }
        this.defaultZone = defaultZone;
    }

    /** Never throws, never returns null: fills a LogEvent from the raw record. */
    public LogEvent parse(RawRecord raw) {
        LogEvent e = new LogEvent();
        if (raw == null) {
            e.parser = "none";
            e.message = "";
            e.original = "";
            e.warn("no raw record");
            return e;
        }
        e.id = raw.id;
        e.receivedNanos = raw.receivedNanos;
        e.peerAddress = raw.peerAddress;
        e.peerPort = raw.peerPort;
        e.transport = raw.transport;
        e.listenerPort = raw.listenerPort;
        e.gateway = raw.gateway;
        long receivedMillis = Math.floorDiv(raw.receivedNanos, 1_000_000L);
        e.timestampMillis = receivedMillis;
        String text;
        try {
            text = decode(raw.payload == null ? new byte[0] : raw.payload, e);
        } catch (RuntimeException ex) {
            text = "";
            e.warn("payload could not be decoded: " + ex);
        }
        e.original = text;
        if (raw.truncated) {
            e.warn("payload truncated by the gateway");
        }
        try {
            parseText(text, receivedMillis, e);
        } catch (RuntimeException ex) {
            // A scanner bug must not lose the event: keep the text, say what happened.
            e.facility = null;
            e.severity = null;
            e.syslogVersion = null;
            e.hostname = null;
            e.appname = null;
            e.procid = null;
            e.msgid = null;
            e.structuredDataJson = null;
            e.timestampMillis = receivedMillis;
            e.message = text;
            e.parser = "none";
            e.warn("parser failure: " + ex);
        }
        return e;
    }

    private void parseText(String original, long receivedMillis, LogEvent e) {
        int len = original.length();
        // A datagram or file line often ends in a newline (or a NUL from some C senders).
        while (len > 0) {
            char c = original.charAt(len - 1);
            if (c != '\n' && c != '\r' && c != '\0') {
                break;
            }
            len--;
        }
        String s = original.substring(len > 0 && original.charAt(0) == BOM ? 1 : 0, len);
        if (s.isEmpty()) {
            e.parser = "none";
            e.message = "";
            e.warn("empty payload");
            e.warn("no timestamp: using receive time");
            return;
        }
        int p = 0;
        boolean hasPri = false;
        if (s.charAt(0) == '<') {
            int close = -1;
            for (int i = 1; i < Math.min(s.length(), 6); i++) {
                if (s.charAt(i) == '>') {
                    close = i;
                    break;
                }
            }
            if (close > 0) {
                hasPri = true;
                pri(s.substring(1, close), e);
                p = close + 1;
                if (p < s.length() && s.charAt(p) == BOM) {
                    p++;
                }
            } else {
                e.warn("no PRI");
            }
        } else {
            e.warn("no PRI");
        }
        if (hasPri && Rfc5424Parser.looksLike(s, p)) {
            Rfc5424Parser.parse(s, p, e);
            return;
        }
        boolean header = BsdParser.parse(s, p, hasPri, e, defaultZone, receivedMillis);
        if (!header && !hasPri) {
            e.parser = "none";
            e.message = Rfc5424Parser.stripBom(s);
        } else if (e.message == null && !header) {
            e.message = "";
        }
    }

    /** PRI (RFC 5424 section 6.2.1): 1-3 digits, 0-191; facility = pri / 8, severity = pri % 8. */
    private static void pri(String inner, LogEvent e) {
        int n = inner.length();
        boolean digits = n >= 1 && n <= 3;
        for (int i = 0; i < n && digits; i++) {
            digits = SyslogTime.isDigit(inner.charAt(i));
        }
        if (!digits) {
            e.warn("invalid PRI '<" + inner + ">'");
            return;
        }
        int value = Integer.parseInt(inner);
        if (value > 191) {
            e.warn("invalid PRI '<" + inner + ">': out of range 0-191");
            return;
        }
        if (n > 1 && inner.charAt(0) == '0') {
            e.warn("PRI '<" + inner + ">' has leading zeros");
        }
        e.facility = value / 8;
        e.severity = value % 8;
    }

    /** UTF-8 with replacement; a warning when the bytes were not valid UTF-8. */
    private static String decode(byte[] payload, LogEvent e) {
        boolean ascii = true;
        for (byte b : payload) {
            if (b < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new String(payload, StandardCharsets.US_ASCII);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(payload)).toString();
        } catch (CharacterCodingException ex) {
            e.warn("payload is not valid UTF-8: invalid bytes replaced");
            return new String(payload, StandardCharsets.UTF_8);
        }
    }
}
