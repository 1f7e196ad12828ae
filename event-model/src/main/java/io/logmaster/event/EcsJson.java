package io.logmaster.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * Writes a {@link LogEvent} as its ECS JSON document (docs/adr/0001-record-contracts.md). The same
 * text goes to Elasticsearch, PostgreSQL and {@code logmaster.events}. Thread-safe.
 */
public final class EcsJson {
    private static final JsonFactory JSON = new JsonFactory();

    private EcsJson() {}

    /** The ECS JSON document of {@code event}. */
    public static String write(LogEvent event) {
        StringWriter out = new StringWriter(512);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField(
                    "@timestamp", Instant.ofEpochMilli(event.timestampMillis).toString());

            g.writeObjectFieldStart("event");
            g.writeStringField("id", event.id);
            g.writeStringField("created", nanosToInstant(event.receivedNanos).toString());
            string(g, "original", event.original);
            g.writeEndObject();

            g.writeObjectFieldStart("log");
            g.writeObjectFieldStart("syslog");
            if (event.facility != null) {
                g.writeObjectFieldStart("facility");
                g.writeNumberField("code", event.facility);
                g.writeEndObject();
            }
            if (event.severity != null) {
                g.writeObjectFieldStart("severity");
                g.writeNumberField("code", event.severity);
                g.writeStringField("name", LogEvent.severityName(event.severity));
                g.writeEndObject();
            }
            string(g, "hostname", event.hostname);
            string(g, "appname", event.appname);
            string(g, "procid", event.procid);
            string(g, "msgid", event.msgid);
            if (event.syslogVersion != null) {
                g.writeNumberField("version", event.syslogVersion);
            }
            if (event.structuredDataJson != null) {
                g.writeFieldName("structured_data");
                copyJson(g, event.structuredDataJson);
            }
            g.writeEndObject();
            g.writeEndObject();

            string(g, "message", event.message);

            if (event.hostname != null) {
                g.writeObjectFieldStart("host");
                g.writeStringField("hostname", event.hostname);
                g.writeEndObject();
            }
            g.writeObjectFieldStart("observer");
            string(g, "ip", event.peerAddress);
            string(g, "hostname", event.hostname);
            g.writeEndObject();

            if (event.sourceIp != null || event.sourcePort != null) {
                g.writeObjectFieldStart("source");
                string(g, "ip", event.sourceIp);
                if (event.sourcePort != null) {
                    g.writeNumberField("port", event.sourcePort);
                }
                g.writeEndObject();
            }

            g.writeObjectFieldStart("network");
            string(g, "transport", event.transport);
            g.writeEndObject();

            g.writeObjectFieldStart("logmaster");
            g.writeObjectFieldStart("received");
            string(g, "transport", event.transport);
            g.writeNumberField("listener_port", event.listenerPort);
            string(g, "gateway", event.gateway);
            g.writeNumberField("peer_port", event.peerPort);
            g.writeEndObject();
            g.writeObjectFieldStart("parse");
            string(g, "parser", event.parser);
            g.writeArrayFieldStart("warnings");
            for (String w : event.warnings) {
                g.writeString(w);
            }
            g.writeEndArray();
            g.writeEndObject();
            string(g, "day", event.day);
            g.writeEndObject();

            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing ECS JSON of event " + event.id, e);
        }
        return out.toString();
    }

    /** Epoch nanoseconds as an instant, keeping the nanoseconds. */
    public static Instant nanosToInstant(long epochNanos) {
        return Instant.ofEpochSecond(
                Math.floorDiv(epochNanos, 1_000_000_000L),
                Math.floorMod(epochNanos, 1_000_000_000L));
    }

    private static void string(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value);
        }
    }

    /** Re-emits already serialized JSON through the generator, so the output stays well-formed. */
    private static void copyJson(JsonGenerator g, String json) throws IOException {
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() == null) {
                g.writeNull();
                return;
            }
            g.copyCurrentStructure(p);
            if (p.nextToken() != null && p.currentToken() != JsonToken.NOT_AVAILABLE) {
                throw new IOException("trailing content after structured data JSON");
            }
        }
    }
}
