package io.logmaster.compliance.retention;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Retention settings, parsed once from the environment: per data class a period in whole days
 * ({@code LOGMASTER_RETENTION_ARCHIVE}, {@code _LIVE}, {@code _SEARCH}, {@code _EVENTS}; default
 * {@code 730d}; also ISO-8601 like {@code P730D}), {@code LOGMASTER_ES_URL} (search retention is
 * skipped when unset) and {@code LOGMASTER_PG_URL}/{@code _USER}/{@code _PASSWORD} (events
 * retention is skipped when the URL is unset). Live files must not outlive their seal: a live day
 * whose sealed day is gone would be sealed again, so {@code LIVE <= ARCHIVE} is required. The
 * password never appears in {@link #toString()}.
 */
public record RetentionConfig(
        Path dataDir,
        ZoneId zone,
        Map<DataClass, Integer> days,
        URI esUrl,
        String pgUrl,
        String pgUser,
        char[] pgPassword) {

    /** Two years, the Law 5651 default for mass-use providers. */
    public static final int DEFAULT_DAYS = 730;

    public RetentionConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(zone, "zone");
        days = Map.copyOf(days);
        for (DataClass c : DataClass.values()) {
            Integer d = days.get(c);
            if (d == null || d < 1) {
                throw new IllegalArgumentException(c.env() + " must be at least 1 day: " + d);
            }
        }
        if (days.get(DataClass.LIVE) > days.get(DataClass.ARCHIVE)) {
            throw new IllegalArgumentException(
                    "LOGMASTER_RETENTION_LIVE ("
                            + days.get(DataClass.LIVE)
                            + "d) exceeds LOGMASTER_RETENTION_ARCHIVE ("
                            + days.get(DataClass.ARCHIVE)
                            + "d): a live day outliving its seal would be sealed again");
        }
        if (pgUrl != null && !pgUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException(
                    "LOGMASTER_PG_URL is not a jdbc:postgresql: URL: '" + pgUrl + "'");
        }
    }

    /** Reads the environment over the batch's data directory and zone. */
    public static RetentionConfig fromEnv(Map<String, String> env, Path dataDir, ZoneId zone) {
        Map<DataClass, Integer> days = new EnumMap<>(DataClass.class);
        for (DataClass c : DataClass.values()) {
            days.put(c, days(c.env(), env.getOrDefault(c.env(), DEFAULT_DAYS + "d")));
        }
        URI es = null;
        String esText = blankToNull(env.get("LOGMASTER_ES_URL"));
        if (esText != null) {
            es = URI.create(esText.endsWith("/") ? esText : esText + "/");
            if (!"http".equals(es.getScheme()) && !"https".equals(es.getScheme())) {
                throw new IllegalArgumentException(
                        "LOGMASTER_ES_URL is not an http(s) URL: '" + esText + "'");
            }
        }
        String pw = env.get("LOGMASTER_PG_PASSWORD");
        return new RetentionConfig(
                dataDir,
                zone,
                days,
                es,
                blankToNull(env.get("LOGMASTER_PG_URL")),
                env.getOrDefault("LOGMASTER_PG_USER", "logmaster"),
                pw == null ? null : pw.toCharArray());
    }

    /** Whole days of {@code text}: {@code 730d}, or ISO-8601 {@code P730D} / {@code PT17520H}. */
    static int days(String name, String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            long n;
            if (t.endsWith("d") && !t.startsWith("p")) {
                n = Long.parseLong(t.substring(0, t.length() - 1));
            } else {
                Duration d = Duration.parse(t.toUpperCase(Locale.ROOT));
                if (!d.equals(Duration.ofDays(d.toDays()))) {
                    throw new IllegalArgumentException("not whole days");
                }
                n = d.toDays();
            }
            return Math.toIntExact(n);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    name + " is not a number of whole days (730d, P730D): '" + text + "'");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** Retention of {@code c} in days. */
    int daysOf(DataClass c) {
        return days.get(c);
    }

    @Override
    public String toString() {
        return "RetentionConfig[dataDir="
                + dataDir
                + ", zone="
                + zone
                + ", days="
                + days
                + ", esUrl="
                + esUrl
                + ", pgUrl="
                + pgUrl
                + ", pgUser="
                + pgUser
                + ", pgPassword="
                + (pgPassword == null ? "unset" : "***")
                + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RetentionConfig c
                && dataDir.equals(c.dataDir)
                && zone.equals(c.zone)
                && days.equals(c.days)
                && Objects.equals(esUrl, c.esUrl)
                && Objects.equals(pgUrl, c.pgUrl)
                && Objects.equals(pgUser, c.pgUser)
                && java.util.Arrays.equals(pgPassword, c.pgPassword);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dataDir, zone, days, esUrl, pgUrl, pgUser);
    }
}
