package io.logmaster.compliance.tsa;

import io.logmaster.compliance.pki.LocalPki;
import io.logmaster.compliance.testing.OpenSsl;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpTimeStamperTest {
    private static final RetryPolicy THREE_TRIES =
            new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1));

    @TempDir Path dir;

    private final List<Duration> sleeps = new ArrayList<>();
    private final List<AutoCloseable> servers = new ArrayList<>();
    private LocalPki pki;
    private byte[] digest;

    @BeforeEach
    void setUp() throws Exception {
        pki = LocalPki.openOrCreate(dir.resolve("pki"), "pw".toCharArray());
        Files.writeString(dir.resolve("manifest.json"), "{\"day\":\"2026-03-01\"}");
        digest =
                MessageDigest.getInstance("SHA-256")
                        .digest(Files.readAllBytes(dir.resolve("manifest.json")));
    }

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable s : servers) {
            s.close();
        }
    }

    @Test
    void stampsADigestThatOpensslVerifies() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        BuiltInTsa tsa = builtIn(Clock.fixed(now, ZoneOffset.UTC));
        HttpTimeStamper stamper =
                stamper(
                        List.of(TsaEndpoint.of("local", tsa.url())),
                        List.of(pki.rootCertificate()));

        TimeStamper.Stamp stamp = stamper.stamp(digest);

        assertThat(stamp.tsaName()).isEqualTo("local");
        assertThat(stamp.genTime()).isEqualTo(now);
        TimeStampToken token =
                new TimeStampToken(new org.bouncycastle.cms.CMSSignedData(stamp.tokenDer()));
        assertThat(token.getTimeStampInfo().getMessageImprintDigest()).isEqualTo(digest);
        assertThat(token.getTimeStampInfo().getPolicy().getId()).isEqualTo(BuiltInTsa.POLICY_OID);
        assertThat(token.getTimeStampInfo().getNonce()).isNotNull();
        assertThat(TimeStampTokens.parseToken(stamp.responseDer()).getEncoded())
                .isEqualTo(stamp.tokenDer());

        Files.write(dir.resolve("resp.tsr"), stamp.responseDer());
        Files.write(dir.resolve("token.tst"), stamp.tokenDer());
        Path pkiDir = pki.directory();
        OpenSsl.Result byDigest =
                OpenSsl.run(
                        dir,
                        "ts",
                        "-verify",
                        "-digest",
                        HexFormat.of().formatHex(digest),
                        "-in",
                        "resp.tsr",
                        "-CAfile",
                        pkiDir.resolve("root-ca.pem").toString(),
                        "-untrusted",
                        pkiDir.resolve("tsa-chain.pem").toString());
        OpenSsl.Result byData =
                OpenSsl.run(
                        dir,
                        "ts",
                        "-verify",
                        "-data",
                        "manifest.json",
                        "-in",
                        "resp.tsr",
                        "-CAfile",
                        pkiDir.resolve("root-ca.pem").toString());
        OpenSsl.Result tokenByData =
                OpenSsl.run(
                        dir,
                        "ts",
                        "-verify",
                        "-data",
                        "manifest.json",
                        "-in",
                        "token.tst",
                        "-token_in",
                        "-CAfile",
                        pkiDir.resolve("root-ca.pem").toString());
        assertThat(byDigest.output()).as(byDigest.output()).contains("Verification: OK");
        assertThat(byDigest.exitCode()).isZero();
        assertThat(byData.output()).as(byData.output()).contains("Verification: OK");
        assertThat(tokenByData.output()).as(tokenByData.output()).contains("Verification: OK");
    }

    @Test
    void opensslRejectsTheTokenForADifferentDigest() throws Exception {
        BuiltInTsa tsa = builtIn(Clock.systemUTC());
        TimeStamper.Stamp stamp =
                stamper(List.of(TsaEndpoint.of("local", tsa.url())), List.of()).stamp(digest);
        Files.write(dir.resolve("resp.tsr"), stamp.responseDer());
        byte[] other = digest.clone();
        other[0] ^= 1;

        OpenSsl.Result r =
                OpenSsl.run(
                        dir,
                        "ts",
                        "-verify",
                        "-digest",
                        HexFormat.of().formatHex(other),
                        "-in",
                        "resp.tsr",
                        "-CAfile",
                        pki.rootPem().toString());

        assertThat(r.output())
                .contains("Verification: FAILED")
                .contains("message imprint mismatch");
        assertThat(r.exitCode()).isNotZero();
    }

    @Test
    void echoesTheRequestNonceAndSendsTheKamuSmIdentityHeader() throws Exception {
        BuiltInTsa tsa = builtIn(Clock.systemUTC());
        HttpClient forward = HttpClient.newHttpClient();
        TestTsaServer recorder =
                server(
                        r -> {
                            HttpResponse<byte[]> res =
                                    forward.send(
                                            HttpRequest.newBuilder(tsa.url())
                                                    .header("Content-Type", BuiltInTsa.QUERY_TYPE)
                                                    .POST(
                                                            HttpRequest.BodyPublishers.ofByteArray(
                                                                    r.body()))
                                                    .build(),
                                            HttpResponse.BodyHandlers.ofByteArray());
                            return new TestTsaServer.Reply(res.statusCode(), res.body());
                        });
        KamuSmCredentials creds = new KamuSmCredentials(12345, "kamu-pw");

        TimeStamper.Stamp stamp =
                stamper(
                                List.of(TsaEndpoint.kamuSm("kamusm-test", recorder.url(), creds)),
                                List.of(pki.rootCertificate()))
                        .stamp(digest);

        assertThat(recorder.received).hasSize(1);
        TestTsaServer.Received sent = recorder.received.get(0);
        TimeStampRequest request = new TimeStampRequest(sent.body());
        assertThat(sent.headers().getFirst("Content-Type"))
                .isEqualTo("application/timestamp-query");
        assertThat(request.getCertReq()).isTrue();
        assertThat(request.getMessageImprintDigest()).isEqualTo(digest);
        assertThat(request.getNonce()).isNotNull();
        assertThat(request.getNonce().bitLength()).isLessThanOrEqualTo(64);
        TimeStampToken token = TimeStampTokens.parseToken(stamp.responseDer());
        assertThat(token.getTimeStampInfo().getNonce()).isEqualTo(request.getNonce());
        KamuSmIdentity.Parsed identity =
                KamuSmIdentity.Parsed.of(sent.headers().getFirst("identity"));
        assertThat(identity.customerNumber()).isEqualTo(12345);
        assertThat(identity.decryptDigest("kamu-pw")).isEqualTo(digest);
        assertThat(stamp.tsaName()).isEqualTo("kamusm-test");
    }

    @Test
    void aClosedPortFailsQuicklyAfterTheConfiguredAttempts() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        HttpTimeStamper stamper =
                stamper(
                        List.of(
                                TsaEndpoint.of(
                                        "down", URI.create("http://127.0.0.1:" + port + "/"))),
                        List.of());
        long start = System.nanoTime();

        assertThatThrownBy(() -> stamper.stamp(digest))
                .isInstanceOf(TimeStampUnavailableException.class)
                .hasMessageContaining("down (http://127.0.0.1:" + port + "/)")
                .hasMessageContaining("after 3 attempts");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    void fallsBackToTheSecondTsaWhenTheFirstIsDown() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        BuiltInTsa second = builtIn(Clock.systemUTC());

        TimeStamper.Stamp stamp =
                stamper(
                                List.of(
                                        TsaEndpoint.of(
                                                "first",
                                                URI.create("http://127.0.0.1:" + port + "/")),
                                        TsaEndpoint.of("second", second.url())),
                                List.of(pki.rootCertificate()))
                        .stamp(digest);

        assertThat(stamp.tsaName()).isEqualTo("second");
        assertThat(second.granted()).isEqualTo(1);
        assertThat(
                        TimeStampTokens.verify(
                                        stamp.responseDer(), digest, List.of(pki.rootCertificate()))
                                .ok())
                .isTrue();
    }

    @Test
    void aRejectionInsideHttp200IsAFailureAndNotRetried() throws Exception {
        TimeStampResponseGenerator generator = generator();
        TestTsaServer kamuLike =
                server(
                        r ->
                                new TestTsaServer.Reply(
                                        200,
                                        generator
                                                .generateFailResponse(
                                                        PKIStatus.REJECTION,
                                                        PKIFailureInfo.badRequest,
                                                        "User 999 is not known")
                                                .getEncoded()));

        assertThatThrownBy(
                        () ->
                                stamper(List.of(TsaEndpoint.of("kamu", kamuLike.url())), List.of())
                                        .stamp(digest))
                .isInstanceOf(TimeStampUnavailableException.class)
                .hasMessageContaining("kamu (")
                .hasMessageContaining("rejection")
                .hasMessageContaining("User 999 is not known")
                .hasMessageContaining("after 1 attempt");
        assertThat(kamuLike.received).hasSize(1);
    }

    @Test
    void aTokenWithAnotherNonceIsRejected() throws Exception {
        TimeStampResponseGenerator generator = generator();
        TestTsaServer broken =
                server(
                        r -> {
                            TimeStampRequest asked = new TimeStampRequest(r.body());
                            TimeStampRequestGenerator g = new TimeStampRequestGenerator();
                            g.setCertReq(true);
                            TimeStampRequest forged =
                                    g.generate(
                                            TSPAlgorithms.SHA256,
                                            asked.getMessageImprintDigest(),
                                            asked.getNonce().add(BigInteger.ONE));
                            return new TestTsaServer.Reply(
                                    200,
                                    generator
                                            .generate(forged, BigInteger.TEN, new java.util.Date())
                                            .getEncoded());
                        });

        assertThatThrownBy(
                        () ->
                                stamper(List.of(TsaEndpoint.of("broken", broken.url())), List.of())
                                        .stamp(digest))
                .isInstanceOf(TimeStampUnavailableException.class)
                .hasMessageContaining("broken (")
                .hasMessageContaining("does not match the request")
                .hasMessageContainingAll("nonce");
    }

    @Test
    void aTsaOutsideTheTrustedRootsIsRejected() throws Exception {
        BuiltInTsa tsa = builtIn(Clock.systemUTC());
        LocalPki otherPki = LocalPki.openOrCreate(dir.resolve("other-pki"), "pw".toCharArray());

        assertThatThrownBy(
                        () ->
                                stamper(
                                                List.of(TsaEndpoint.of("local", tsa.url())),
                                                List.of(otherPki.rootCertificate()))
                                        .stamp(digest))
                .isInstanceOf(TimeStampUnavailableException.class)
                .hasMessageContaining("UNTRUSTED_CHAIN");
    }

    @Test
    void serverErrorsAndGarbageAreRetriedThenReported() throws Exception {
        TestTsaServer failing = server(r -> new TestTsaServer.Reply(503, new byte[0]));
        TestTsaServer garbage =
                server(
                        r ->
                                new TestTsaServer.Reply(
                                        200, "<html>oops</html>".getBytes(StandardCharsets.UTF_8)));

        assertThatThrownBy(
                        () ->
                                stamper(
                                                List.of(
                                                        TsaEndpoint.of("busy", failing.url()),
                                                        TsaEndpoint.of("proxy", garbage.url())),
                                                List.of())
                                        .stamp(digest))
                .isInstanceOf(TimeStampUnavailableException.class)
                .hasMessageContaining("busy (")
                .hasMessageContaining("HTTP status 503 after 3 attempts")
                .hasMessageContaining("proxy (")
                .hasMessageContaining("not a DER TimeStampResp");
        assertThat(failing.received).hasSize(3);
        assertThat(garbage.received).hasSize(3);
    }

    private HttpTimeStamper stamper(
            List<TsaEndpoint> endpoints, List<java.security.cert.X509Certificate> roots) {
        List<TsaEndpoint> quick = new ArrayList<>();
        for (TsaEndpoint e : endpoints) {
            quick.add(e.withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5)));
        }
        return new HttpTimeStamper(quick, THREE_TRIES, roots, sleeps::add);
    }

    private BuiltInTsa builtIn(Clock clock) throws Exception {
        BuiltInTsa tsa = new BuiltInTsa(pki.tsa(), dir.resolve("tsa/serial"), 0, clock);
        servers.add(tsa);
        return tsa;
    }

    private TestTsaServer server(TestTsaServer.Handler handler) throws Exception {
        TestTsaServer s = new TestTsaServer(handler);
        servers.add(s);
        return s;
    }

    /**
     * A correctly signing response generator with the local TSA key, for deliberately broken TSAs.
     */
    private TimeStampResponseGenerator generator() throws Exception {
        TimeStampTokenGenerator tokens =
                new TimeStampTokenGenerator(
                        new JcaSimpleSignerInfoGeneratorBuilder()
                                .build(
                                        "SHA256withECDSA",
                                        pki.tsa().privateKey(),
                                        pki.tsa().certificate()),
                        new JcaDigestCalculatorProviderBuilder()
                                .build()
                                .get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
                        new ASN1ObjectIdentifier(BuiltInTsa.POLICY_OID));
        tokens.addCertificates(new JcaCertStore(List.of(pki.tsa().certificate())));
        return new TimeStampResponseGenerator(tokens, Set.of(NISTObjectIdentifiers.id_sha256));
    }
}
