package io.logmaster.compliance.retention;

/** A kind of stored data with its own retention period; {@link #key()} is its journal name. */
public enum DataClass {
    /** Live daily files, {@code <data>/archive/live/YYYY-MM-DD}. */
    LIVE("live", "LOGMASTER_RETENTION_LIVE"),
    /** Sealed days, {@code <data>/archive/sealed/YYYY-MM-DD}. */
    ARCHIVE("archive", "LOGMASTER_RETENTION_ARCHIVE"),
    /** Elasticsearch daily indices {@code logmaster-events-YYYY.MM.DD} (UTC days). */
    SEARCH("search", "LOGMASTER_RETENTION_SEARCH"),
    /** PostgreSQL daily partitions {@code events_YYYYMMDD} of {@code events}. */
    EVENTS("events", "LOGMASTER_RETENTION_EVENTS");

    private final String key;
    private final String env;

    DataClass(String key, String env) {
        this.key = key;
        this.env = env;
    }

    public String key() {
        return key;
    }

    public String env() {
        return env;
    }
}
