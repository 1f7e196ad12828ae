package io.logmaster.compliance.tsa;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * One RFC 3161 TSA to ask, in a list ordered by preference.
 *
 * @param name short name used in logs and errors (e.g. "kamusm", "local")
 * @param url the TSA's HTTP(S) URL
 * @param kamuSm Kamu SM account for the {@code identity} header, or null for a plain TSA
 * @param policyOid policy to request and require in the token, or null for the TSA's default
 * @param connectTimeout TCP connect timeout
 * @param requestTimeout timeout for the whole HTTP exchange
 */
public record TsaEndpoint(
        String name,
        URI url,
        KamuSmCredentials kamuSm,
        String policyOid,
        Duration connectTimeout,
        Duration requestTimeout) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    public TsaEndpoint {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("TSA name is blank");
        }
        Objects.requireNonNull(url, "url");
        if (!"http".equalsIgnoreCase(url.getScheme())
                && !"https".equalsIgnoreCase(url.getScheme())) {
            throw new IllegalArgumentException("TSA " + name + " URL is not http(s): " + url);
        }
        if (policyOid != null && !policyOid.matches("[0-2](\\.\\d+)+")) {
            throw new IllegalArgumentException(
                    "TSA " + name + " policy is not an OID: " + policyOid);
        }
        requirePositive(connectTimeout, "connectTimeout", name);
        requirePositive(requestTimeout, "requestTimeout", name);
    }

    /** A plain TSA with default timeouts. */
    public static TsaEndpoint of(String name, URI url) {
        return new TsaEndpoint(
                name, url, null, null, DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT);
    }

    /** A Kamu SM TSA with default timeouts. */
    public static TsaEndpoint kamuSm(String name, URI url, KamuSmCredentials credentials) {
        Objects.requireNonNull(credentials, "credentials");
        return new TsaEndpoint(
                name, url, credentials, null, DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT);
    }

    /** This endpoint with other timeouts. */
    public TsaEndpoint withTimeouts(Duration connect, Duration request) {
        return new TsaEndpoint(name, url, kamuSm, policyOid, connect, request);
    }

    private static void requirePositive(Duration d, String what, String name) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(
                    "TSA " + name + " " + what + " must be positive: " + d);
        }
    }
}
