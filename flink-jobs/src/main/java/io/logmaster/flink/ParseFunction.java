package io.logmaster.flink;

import io.logmaster.event.LogEvent;
import io.logmaster.event.RawRecord;
import io.logmaster.flink.parse.SyslogParser;
import io.logmaster.flink.support.ReceiveDays;
import org.apache.flink.api.common.functions.MapFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;

/**
 * Parses a raw record into an event and stamps its receive day ({@code logmaster.day}) in the
 * configured zone. The parser never throws: what it cannot parse becomes a warning on the event.
 */
final class ParseFunction implements MapFunction<RawRecord, LogEvent> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ParseFunction.class);

    private final SyslogParser parser;
    private final ZoneId zone;

    ParseFunction(ZoneId zone) {
        this.parser = new SyslogParser(zone);
        this.zone = zone;
    }

    @Override
    public LogEvent map(RawRecord raw) {
        LogEvent event;
        try {
            event = parser.parse(raw);
        } catch (RuntimeException e) {
            // The parser promises not to throw; if it ever does, one record must not restart the
            // job for ever. Keep the event, unparsed, with the failure as a warning.
            LOG.warn("Parser failed on record {} from {}", raw.id, raw.peerAddress, e);
            event = unparsed(raw, e);
        }
        event.day = ReceiveDays.iso(raw.receivedNanos, zone);
        return event;
    }

    static LogEvent unparsed(RawRecord raw, RuntimeException failure) {
        LogEvent event = new LogEvent();
        event.id = raw.id;
        event.receivedNanos = raw.receivedNanos;
        event.timestampMillis = Math.floorDiv(raw.receivedNanos, 1_000_000L);
        event.original = new String(raw.payload, StandardCharsets.UTF_8);
        event.message = event.original;
        event.peerAddress = raw.peerAddress;
        event.peerPort = raw.peerPort;
        event.transport = raw.transport;
        event.listenerPort = raw.listenerPort;
        event.gateway = raw.gateway;
        event.parser = "none";
        event.warn("parser failed: " + failure);
        return event;
    }
}
