package io.logmaster.compliance.tsa;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.tsp.TimeStampResp;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.math.BigInteger;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@link TimeStamper} over RFC 3161 HTTP (section 3.4): asks each configured TSA in order of
 * preference, retrying each with exponential backoff, and returns the first stamp that passes every
 * check — PKIStatus granted/grantedWithMods (Kamu SM reports errors inside an HTTP 200), the token
 * matches the request (imprint, nonce, policy, certificate present), the signature verifies with
 * the TSA certificate in the token, and, when TSA roots are configured, that certificate chains to
 * one of them. Requests carry a random 64-bit nonce and certReq=true; Kamu SM endpoints also get
 * the {@code identity} header ({@link KamuSmIdentity}).
 */
public final class HttpTimeStamper implements TimeStamper {
    /** Waits between attempts; injected so tests do not sleep. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    static final int MAX_RESPONSE_BYTES = 1 << 20;

    private static final Logger LOG = LoggerFactory.getLogger(HttpTimeStamper.class);

    private final List<TsaEndpoint> endpoints;
    private final List<HttpClient> clients;
    private final RetryPolicy retry;
    private final List<X509Certificate> trustedRoots;
    private final Sleeper sleeper;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param endpoints TSAs in order of preference (at least one)
     * @param retry attempts and backoff per TSA
     * @param trustedRoots TSA root certificates the TSA certificate must chain to; empty = accept
     *     any certificate the token carries (signature still checked)
     */
    public HttpTimeStamper(
            List<TsaEndpoint> endpoints, RetryPolicy retry, List<X509Certificate> trustedRoots) {
        this(endpoints, retry, trustedRoots, d -> Thread.sleep(d.toMillis()));
    }

    /** As the other constructor, with an explicit way to wait between attempts. */
    public HttpTimeStamper(
            List<TsaEndpoint> endpoints,
            RetryPolicy retry,
            List<X509Certificate> trustedRoots,
            Sleeper sleeper) {
        Objects.requireNonNull(endpoints, "endpoints");
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("no TSA endpoints configured");
        }
        this.endpoints = List.copyOf(endpoints);
        this.retry = Objects.requireNonNull(retry, "retry");
        this.trustedRoots = List.copyOf(Objects.requireNonNull(trustedRoots, "trustedRoots"));
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        List<HttpClient> list = new ArrayList<>();
        for (TsaEndpoint e : this.endpoints) {
            list.add(
                    HttpClient.newBuilder()
                            .version(HttpClient.Version.HTTP_1_1)
                            .connectTimeout(e.connectTimeout())
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .build());
        }
        this.clients = List.copyOf(list);
    }

    @Override
    public Stamp stamp(byte[] sha256) throws TimeStampUnavailableException {
        Objects.requireNonNull(sha256, "sha256");
        if (sha256.length != 32) {
            throw new IllegalArgumentException(
                    "SHA-256 imprint must be 32 bytes, got " + sha256.length);
        }
        StringBuilder failures = new StringBuilder();
        Exception lastCause = null;
        for (int i = 0; i < endpoints.size(); i++) {
            TsaEndpoint endpoint = endpoints.get(i);
            for (int attempt = 1; ; attempt++) {
                try {
                    Stamp stamp = attempt(endpoint, clients.get(i), sha256);
                    if (i > 0 || attempt > 1) {
                        LOG.info(
                                "time stamp from TSA {} after {} failed tries: {}",
                                endpoint.name(),
                                attempt - 1,
                                failures);
                    }
                    return stamp;
                } catch (AttemptFailure f) {
                    lastCause = f;
                    boolean again = f.retryable && attempt < retry.attempts();
                    LOG.debug(
                            "TSA {} attempt {} failed (retry: {}): {}",
                            endpoint.name(),
                            attempt,
                            again,
                            f.getMessage());
                    if (!again) {
                        if (failures.length() > 0) {
                            failures.append("; ");
                        }
                        failures.append(endpoint.name())
                                .append(" (")
                                .append(endpoint.url())
                                .append("): ")
                                .append(f.getMessage())
                                .append(" after ")
                                .append(attempt)
                                .append(attempt == 1 ? " attempt" : " attempts");
                        break;
                    }
                    try {
                        sleeper.sleep(retry.backoffAfter(attempt));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new TimeStampUnavailableException(
                                "interrupted while waiting to retry TSA "
                                        + endpoint.name()
                                        + "; so far: "
                                        + failures,
                                e);
                    }
                }
            }
        }
        throw new TimeStampUnavailableException(
                "no TSA produced a valid time stamp: " + failures, lastCause);
    }

    private Stamp attempt(TsaEndpoint endpoint, HttpClient client, byte[] sha256)
            throws AttemptFailure {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        if (endpoint.policyOid() != null) {
            generator.setReqPolicy(new ASN1ObjectIdentifier(endpoint.policyOid()));
        }
        // Positive 64-bit nonce (RFC 3161 2.4.1: large random number).
        BigInteger nonce = new BigInteger(64, random);
        TimeStampRequest request = generator.generate(TSPAlgorithms.SHA256, sha256, nonce);
        byte[] body;
        try {
            body = request.getEncoded();
        } catch (IOException e) {
            throw new AttemptFailure("cannot encode request: " + e.getMessage(), false, e);
        }
        HttpRequest.Builder http =
                HttpRequest.newBuilder(endpoint.url())
                        .timeout(endpoint.requestTimeout())
                        .header("Content-Type", BuiltInTsa.QUERY_TYPE)
                        .header("Accept", BuiltInTsa.REPLY_TYPE)
                        .header("Cache-Control", "no-cache")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (endpoint.kamuSm() != null) {
            http.header("identity", KamuSmIdentity.header(endpoint.kamuSm(), sha256, random));
        }
        HttpResponse<byte[]> response;
        try {
            response = client.send(http.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new AttemptFailure("HTTP failed: " + describe(e), true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AttemptFailure("interrupted", false, e);
        }
        if (response.statusCode() != 200) {
            throw new AttemptFailure(
                    "HTTP status " + response.statusCode(), response.statusCode() >= 500, null);
        }
        byte[] der = response.body();
        if (der.length > MAX_RESPONSE_BYTES) {
            throw new AttemptFailure("response larger than " + MAX_RESPONSE_BYTES, false, null);
        }
        TimeStampResponse tsr;
        try {
            // fromByteArray rejects trailing bytes, so `der` is exactly the TimeStampResp.
            tsr =
                    new TimeStampResponse(
                            TimeStampResp.getInstance(ASN1Primitive.fromByteArray(der)));
        } catch (IOException | TSPException | IllegalArgumentException | ClassCastException e) {
            throw new AttemptFailure(
                    "response is not a DER TimeStampResp (" + der.length + " bytes)", true, e);
        }
        int status = tsr.getStatus();
        if (status != 0 && status != 1) {
            // waiting (3) may clear up; rejection and revocation will not.
            throw new AttemptFailure(
                    "TSA answered " + TimeStampTokens.describeStatus(tsr), status == 3, null);
        }
        try {
            tsr.validate(request);
        } catch (TSPException e) {
            throw new AttemptFailure(
                    "token does not match the request: " + e.getMessage(), false, e);
        }
        TimeStampToken token = tsr.getTimeStampToken();
        byte[] tokenDer;
        try {
            tokenDer = token.getEncoded();
        } catch (IOException e) {
            throw new AttemptFailure("cannot encode token: " + e.getMessage(), false, e);
        }
        TokenVerification check = TimeStampTokens.verify(tokenDer, sha256, trustedRoots);
        if (!check.ok()) {
            throw new AttemptFailure("token rejected: " + check.summary(), false, null);
        }
        return new Stamp(der, tokenDer, endpoint.name(), check.genTime());
    }

    private static String describe(IOException e) {
        String type = e.getClass().getSimpleName();
        Throwable cause = e.getCause() != null && e.getMessage() == null ? e.getCause() : e;
        return cause.getMessage() == null ? type : type + ": " + cause.getMessage();
    }

    /** One failed attempt; retryable when the next attempt might succeed. */
    private static final class AttemptFailure extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean retryable;

        AttemptFailure(String message, boolean retryable, Throwable cause) {
            super(message, cause);
            this.retryable = retryable;
        }
    }
}
