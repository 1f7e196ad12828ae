package io.logmaster.compliance.tsa;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.logmaster.compliance.pki.KeyMaterial;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A minimal RFC 3161 time-stamping authority over HTTP (RFC 3161 3.4) for the local stack and
 * air-gapped trials — <b>NOT LEGALLY QUALIFIED</b>: its tokens carry the private policy {@value
 * #POLICY_OID} and the TSA name of a local, self-made certificate. It listens on 127.0.0.1, accepts
 * {@code POST} of {@code application/timestamp-query} with a SHA-256 imprint and answers {@code
 * application/timestamp-reply}; nonce and certReq are honoured; serial numbers increase and are
 * persisted so they never repeat across restarts. Any bad request gets a {@code TimeStampResp} with
 * status rejection (HTTP 200), never an HTTP error. Running once the constructor returns; {@link
 * #close()} stops it.
 */
public final class BuiltInTsa implements AutoCloseable {
    /**
     * Policy OID of the built-in TSA: a UUID-derived OID under the ITU-T/ISO "2.25" arc (X.667),
     * from UUID f7b1cb0d-75fb-466e-a372-1e24cc41f015, generated for LogMaster's local,
     * not-legally-qualified TSA. Qualified TSAs (e.g. Kamu SM) use their own registered policies.
     */
    public static final String POLICY_OID = "2.25.329242469898464058208416494813387550741";

    static final int MAX_REQUEST_BYTES = 16 * 1024;
    static final String QUERY_TYPE = "application/timestamp-query";
    static final String REPLY_TYPE = "application/timestamp-reply";

    private static final Logger LOG = LoggerFactory.getLogger(BuiltInTsa.class);

    private final TimeStampResponseGenerator responses;
    private final SerialNumbers serials;
    private final Clock clock;
    private final HttpServer server;
    private final ExecutorService executor;
    private final AtomicLong granted = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();

    /** Starts a TSA on 127.0.0.1:{@code port} (0 = any free port) with the system clock. */
    public BuiltInTsa(KeyMaterial tsaKey, Path serialFile, int port) throws IOException {
        this(tsaKey, serialFile, port, Clock.systemUTC());
    }

    /**
     * Starts a TSA.
     *
     * @param tsaKey TSA key and chain (certificate with critical EKU timeStamping, then issuers)
     * @param serialFile where the last serial number is kept
     * @param port TCP port on 127.0.0.1; 0 picks a free one ({@link #port()})
     * @param clock source of genTime
     */
    public BuiltInTsa(KeyMaterial tsaKey, Path serialFile, int port, Clock clock)
            throws IOException {
        Objects.requireNonNull(tsaKey, "tsaKey");
        Objects.requireNonNull(serialFile, "serialFile");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("TSA port out of range: " + port);
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        this.serials = new SerialNumbers(serialFile);
        this.responses = responseGenerator(tsaKey);
        this.server =
                HttpServer.create(
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        this.executor = Executors.newFixedThreadPool(2, r -> daemon(r, "builtin-tsa"));
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        LOG.info(
                "built-in TSA (not legally qualified) listening on {} as {}",
                url(),
                tsaKey.certificate().getSubjectX500Principal());
    }

    /** The port actually bound. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:<port>/}. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + port() + "/");
    }

    /** Requests answered with a granted token. */
    public long granted() {
        return granted.get();
    }

    /** Requests answered with a rejection (or an HTTP error for a non-POST). */
    public long rejected() {
        return rejected.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                rejected.incrementAndGet();
                exchange.getResponseHeaders().set("Allow", "POST");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] reply;
            try {
                reply = answer(exchange).getEncoded();
            } catch (IOException | TSPException | RuntimeException e) {
                LOG.warn("built-in TSA failed to answer a request from {}", remote(exchange), e);
                reply = internalError();
            }
            exchange.getResponseHeaders().set("Content-Type", REPLY_TYPE);
            exchange.sendResponseHeaders(200, reply.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply);
            }
        }
    }

    private TimeStampResponse answer(HttpExchange exchange) throws IOException, TSPException {
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        byte[] body = readLimited(exchange.getRequestBody());
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith(QUERY_TYPE)) {
            return reject(PKIFailureInfo.badRequest, "Content-Type must be " + QUERY_TYPE);
        }
        if (body == null) {
            return reject(PKIFailureInfo.badRequest, "request larger than " + MAX_REQUEST_BYTES);
        }
        TimeStampRequest request;
        try {
            request = new TimeStampRequest(body);
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            return reject(PKIFailureInfo.badDataFormat, "not a DER TimeStampReq");
        }
        TimeStampResponse response;
        synchronized (this) {
            // generate() validates algorithm/policy/extensions and answers a rejection itself.
            response =
                    responses.generate(
                            request, serials.next(), java.util.Date.from(clock.instant()));
        }
        if (response.getStatus() == PKIStatus.GRANTED
                || response.getStatus() == PKIStatus.GRANTED_WITH_MODS) {
            granted.incrementAndGet();
        } else {
            rejected.incrementAndGet();
            LOG.debug(
                    "built-in TSA rejected a request from {}: {}",
                    remote(exchange),
                    response.getStatusString());
        }
        return response;
    }

    private TimeStampResponse reject(int failInfo, String text) throws TSPException {
        rejected.incrementAndGet();
        LOG.debug("built-in TSA rejected a request: {}", text);
        return fail(failInfo, text);
    }

    private TimeStampResponse fail(int failInfo, String text) throws TSPException {
        return responses.generateFailResponse(PKIStatus.REJECTION, failInfo, text);
    }

    private byte[] internalError() throws IOException {
        rejected.incrementAndGet();
        try {
            return fail(PKIFailureInfo.systemFailure, "internal error").getEncoded();
        } catch (TSPException e) {
            throw new IOException("cannot even encode a failure response", e);
        }
    }

    private static byte[] readLimited(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_REQUEST_BYTES + 1);
        return bytes.length > MAX_REQUEST_BYTES ? null : bytes;
    }

    private static String remote(HttpExchange exchange) {
        return String.valueOf(exchange.getRemoteAddress());
    }

    private static TimeStampResponseGenerator responseGenerator(KeyMaterial tsaKey) {
        X509Certificate cert = tsaKey.certificate();
        String sigAlg = tsaKey.privateKey() instanceof ECKey ? "SHA256withECDSA" : "SHA256withRSA";
        try {
            TimeStampTokenGenerator tokens =
                    new TimeStampTokenGenerator(
                            new JcaSimpleSignerInfoGeneratorBuilder()
                                    .build(sigAlg, tsaKey.privateKey(), cert),
                            // SHA-256 => ESSCertIDv2 (RFC 5816).
                            new JcaDigestCalculatorProviderBuilder()
                                    .build()
                                    .get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
                            new ASN1ObjectIdentifier(POLICY_OID));
            tokens.setResolution(TimeStampTokenGenerator.R_MILLISECONDS);
            tokens.setAccuracySeconds(1);
            tokens.setTSA(
                    new GeneralName(
                            X500Name.getInstance(cert.getSubjectX500Principal().getEncoded())));
            // Sent only when the request asks (certReq): the TSA certificate and intermediates,
            // not the self-signed root, which the verifier must already trust.
            List<X509Certificate> certs = new ArrayList<>();
            for (X509Certificate c : tsaKey.chain()) {
                if (!c.getSubjectX500Principal().equals(c.getIssuerX500Principal())) {
                    certs.add(c);
                }
            }
            tokens.addCertificates(new JcaCertStore(certs.isEmpty() ? List.of(cert) : certs));
            return new TimeStampResponseGenerator(
                    tokens,
                    Set.of(NISTObjectIdentifiers.id_sha256),
                    Set.of(new ASN1ObjectIdentifier(POLICY_OID)));
        } catch (OperatorCreationException | TSPException | GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "cannot build a TSA from " + cert.getSubjectX500Principal(), e);
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
