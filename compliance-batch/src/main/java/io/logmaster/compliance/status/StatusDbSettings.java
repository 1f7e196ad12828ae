package io.logmaster.compliance.status;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The PostgreSQL database the day status goes to: {@code LOGMASTER_PG_URL} (jdbc:postgresql://…),
 * {@code LOGMASTER_PG_USER} (default logmaster) and {@code LOGMASTER_PG_PASSWORD}. The password
 * never appears in {@link #toString()}.
 */
public record StatusDbSettings(String url, String user, String password) {
    public StatusDbSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException(
                    "LOGMASTER_PG_URL is not a jdbc:postgresql: URL: '" + url + "'");
        }
    }

    /** Empty unless both LOGMASTER_PG_URL and LOGMASTER_PG_PASSWORD are set (not blank). */
    public static Optional<StatusDbSettings> fromEnv(Map<String, String> env) {
        String url = env.get("LOGMASTER_PG_URL");
        String password = env.get("LOGMASTER_PG_PASSWORD");
        if (url == null || url.isBlank() || password == null || password.isEmpty()) {
            return Optional.empty();
        }
        String user = env.getOrDefault("LOGMASTER_PG_USER", "logmaster");
        return Optional.of(
                new StatusDbSettings(
                        url.trim(), user == null || user.isBlank() ? "logmaster" : user, password));
    }

    @Override
    public String toString() {
        return "StatusDbSettings[url=" + url + ", user=" + user + ", password=***]";
    }
}
