package io.logmaster.event;

/**
 * One parsed event, shaped after the Elastic Common Schema; {@link EcsJson} writes its JSON
 * document. A Flink POJO (public fields, no-arg constructor, only types Flink serializes itself),
 * so it never falls back to Kryo. Unknown values stay {@code null} and are omitted from the JSON.
 */
public class LogEvent {
    // event.*
    public String id;

    /** Receive time, epoch nanoseconds (event.created). */
    public long receivedNanos;

    /** Event time, epoch milliseconds (@timestamp): the device's time, or receive time if none. */
    public long timestampMillis;

    /** The payload as UTF-8 text (invalid bytes replaced): event.original. */
    public String original;

    // receive metadata
    public String peerAddress;
    public int peerPort;
    public String transport;
    public int listenerPort;
    public String gateway;

    /** Receive day in the configured zone, ISO date (logmaster.day). */
    public String day;

    // log.syslog.*
    public Integer facility;
    public Integer severity;
    public String hostname;
    public String appname;
    public String procid;
    public String msgid;
    public Integer syslogVersion;

    /** RFC 5424 structured data as a JSON object text {"sd-id":{"name":"value"}}; or null. */
    public String structuredDataJson;

    public String message;

    // source.* (only where a parser found it)
    public String sourceIp;
    public Integer sourcePort;

    // logmaster.parse.*
    public String parser;
    public String[] warnings = new String[0];

    /** For Flink's POJO serializer. */
    public LogEvent() {}

    /** Adds a parse warning; a field that cannot be parsed is a warning, not a lost event. */
    public void warn(String warning) {
        String[] grown = java.util.Arrays.copyOf(warnings, warnings.length + 1);
        grown[warnings.length] = warning;
        warnings = grown;
    }

    /** Syslog severity names of RFC 5424 section 6.2.1, as ECS spells them. */
    public static String severityName(int code) {
        return switch (code) {
            case 0 -> "emergency";
            case 1 -> "alert";
            case 2 -> "critical";
            case 3 -> "error";
            case 4 -> "warning";
            case 5 -> "notice";
            case 6 -> "informational";
            case 7 -> "debug";
            default -> throw new IllegalArgumentException("no syslog severity " + code);
        };
    }
}
