package io.logmaster.compliance;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The batch's configuration, parsed once from the environment: {@code LOGMASTER_DATA_DIR} (default
 * ./data), {@code LOGMASTER_ZONE} (Europe/Istanbul), {@code LOGMASTER_SEAL_GRACE} (15m; also 30s,
 * 2h, or ISO-8601 like PT15M), {@code LOGMASTER_TSA_URLS} (comma-separated; needed to seal), {@code
 * LOGMASTER_SEAL_KEY_P12} + {@code LOGMASTER_SEAL_KEY_PASSWORD} (else the local PKI under {@code
 * <data>/pki}, password in {@code <data>/secrets/pki-password}). The password never appears in
 * {@link #toString()}.
 */
public record ComplianceConfig(
        Path dataDir,
        ZoneId zone,
        Duration grace,
        List<URI> tsaUrls,
        Path sealKeyP12,
        char[] sealKeyPassword) {

    public ComplianceConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(grace, "grace");
        tsaUrls = List.copyOf(tsaUrls);
        if (grace.isNegative()) {
            throw new IllegalArgumentException("LOGMASTER_SEAL_GRACE is negative: " + grace);
        }
        if (sealKeyP12 != null && sealKeyPassword == null) {
            throw new IllegalArgumentException(
                    "LOGMASTER_SEAL_KEY_P12 is set but LOGMASTER_SEAL_KEY_PASSWORD is not");
        }
    }

    /** Reads the environment; names the bad variable and value on error. */
    public static ComplianceConfig fromEnv(Map<String, String> env) {
        Path data = Path.of(env.getOrDefault("LOGMASTER_DATA_DIR", "./data"));
        String zoneText = env.getOrDefault("LOGMASTER_ZONE", "Europe/Istanbul");
        ZoneId zone;
        try {
            zone = ZoneId.of(zoneText);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("LOGMASTER_ZONE is not a zone: '" + zoneText + "'");
        }
        Duration grace = duration(env.getOrDefault("LOGMASTER_SEAL_GRACE", "15m"));
        List<URI> urls = new ArrayList<>();
        for (String u : env.getOrDefault("LOGMASTER_TSA_URLS", "").split(",")) {
            if (!u.isBlank()) {
                URI uri = URI.create(u.trim());
                if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                    throw new IllegalArgumentException(
                            "LOGMASTER_TSA_URLS: not an http(s) URL: '" + u.trim() + "'");
                }
                urls.add(uri);
            }
        }
        String p12 = env.get("LOGMASTER_SEAL_KEY_P12");
        String pw = env.get("LOGMASTER_SEAL_KEY_PASSWORD");
        return new ComplianceConfig(
                data,
                zone,
                grace,
                urls,
                p12 == null || p12.isBlank() ? null : Path.of(p12),
                pw == null ? null : pw.toCharArray());
    }

    static Duration duration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("p")) {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            }
            long n = Long.parseLong(t.substring(0, t.length() - 1));
            return switch (t.charAt(t.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                default -> throw new IllegalArgumentException(t);
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "LOGMASTER_SEAL_GRACE is not a duration (15m, 30s, 2h, PT15M): '" + text + "'");
        }
    }

    /** {@code <data>/pki}. */
    public Path pkiDir() {
        return dataDir.resolve("pki");
    }

    /** {@code <data>/secrets/pki-password}. */
    public Path pkiPasswordFile() {
        return dataDir.resolve("secrets").resolve("pki-password");
    }

    @Override
    public String toString() {
        return "ComplianceConfig[dataDir="
                + dataDir
                + ", zone="
                + zone
                + ", grace="
                + grace
                + ", tsaUrls="
                + tsaUrls
                + ", sealKeyP12="
                + sealKeyP12
                + ", sealKeyPassword="
                + (sealKeyPassword == null ? "unset" : "***")
                + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ComplianceConfig c
                && dataDir.equals(c.dataDir)
                && zone.equals(c.zone)
                && grace.equals(c.grace)
                && tsaUrls.equals(c.tsaUrls)
                && Objects.equals(sealKeyP12, c.sealKeyP12)
                && java.util.Arrays.equals(sealKeyPassword, c.sealKeyPassword);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dataDir, zone, grace, tsaUrls, sealKeyP12);
    }
}
