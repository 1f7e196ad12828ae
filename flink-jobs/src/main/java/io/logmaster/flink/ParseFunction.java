package io.logmaster.flink;

import io.logmaster.event.LogEvent;
import io.logmaster.event.RawRecord;
import io.logmaster.flink.parse.SyslogParser;
import io.logmaster.flink.support.ReceiveDays;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;

/**
 * Parses a raw record into an event and stamps its receive day ({@code logmaster.day}) in the
 * configured zone. The parser never throws: what it cannot parse becomes a warning on the event.
 */
final class ParseFunction extends RichMapFunction<RawRecord, LogEvent> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ParseFunction.class);

    private final SyslogParser parser;
    private final ZoneId zone;
    transient Counter parsed;
    transient Counter withWarnings;
    transient Counter unparsed;

    ParseFunction(ZoneId zone) {
        this.parser = new SyslogParser(zone);
        this.zone = zone;
    }

    /**
     * Counts every outcome, so an unparsed message is never silent: {@code eventsParsed} (a syslog
     * grammar matched), {@code eventsUnparsed} (kept whole as the message, parser "none") and
     * {@code eventsWithWarnings}.
     */
    @Override
    public void open(OpenContext context) {
        MetricGroup metrics = getRuntimeContext().getMetricGroup();
        parsed = metrics.counter("eventsParsed");
        unparsed = metrics.counter("eventsUnparsed");
        withWarnings = metrics.counter("eventsWithWarnings");
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
        if ("none".equals(event.parser)) {
            unparsed.inc();
        } else {
            parsed.inc();
        }
        if (event.warnings.length > 0) {
            withWarnings.inc();
        }
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
