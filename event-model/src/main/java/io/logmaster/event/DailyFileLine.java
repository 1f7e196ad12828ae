package io.logmaster.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Writes a {@link RawRecord} as one line of a daily file, the legal original
 * (docs/adr/0001-record-contracts.md). JSON escaping keeps an embedded newline from starting a
 * forged record; bytes that are not valid UTF-8 are kept exactly, in Base64.
 */
public final class DailyFileLine {
    private static final JsonFactory JSON = new JsonFactory();

    private DailyFileLine() {}

    /** The JSON line of {@code record}, without the trailing newline. */
    public static String write(RawRecord record) {
        StringWriter out = new StringWriter(256 + record.payload.length);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("id", record.id);
            g.writeStringField("received", EcsJson.nanosToInstant(record.receivedNanos).toString());
            g.writeNumberField("received_nanos", record.receivedNanos);
            g.writeStringField("peer", record.peerAddress);
            g.writeNumberField("peer_port", record.peerPort);
            g.writeStringField("transport", record.transport);
            g.writeNumberField("listener_port", record.listenerPort);
            g.writeStringField("gateway", record.gateway);
            if (record.truncated) {
                g.writeBooleanField("truncated", true);
            }
            String text = strictUtf8(record.payload);
            if (text != null) {
                g.writeStringField("raw", text);
            } else {
                g.writeStringField("raw_b64", Base64.getEncoder().encodeToString(record.payload));
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing daily-file line of record " + record.id, e);
        }
        return out.toString();
    }

    /** The payload as text if it is valid UTF-8, else {@code null}. */
    static String strictUtf8(byte[] payload) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(payload))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
