package io.logmaster.compliance.tsa;

import io.logmaster.compliance.pki.LocalPki;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BuiltInTsaTest {
    @TempDir Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private LocalPki pki;

    @BeforeEach
    void setUp() throws Exception {
        pki = LocalPki.openOrCreate(dir.resolve("pki"), "pw".toCharArray());
    }

    @Test
    void grantsASha256RequestHonouringNonceAndCertReq() throws Exception {
        try (BuiltInTsa tsa = new BuiltInTsa(pki.tsa(), dir.resolve("serial"), 0)) {
            HttpResponse<byte[]> withCert =
                    post(tsa, request(TSPAlgorithms.SHA256, 32, true, 77), BuiltInTsa.QUERY_TYPE);
            HttpResponse<byte[]> withoutCert =
                    post(tsa, request(TSPAlgorithms.SHA256, 32, false, 78), BuiltInTsa.QUERY_TYPE);

            assertThat(withCert.statusCode()).isEqualTo(200);
            assertThat(withCert.headers().firstValue("Content-Type"))
                    .contains("application/timestamp-reply");
            TimeStampToken token = new TimeStampResponse(withCert.body()).getTimeStampToken();
            assertThat(token.getTimeStampInfo().getNonce()).isEqualTo(BigInteger.valueOf(77));
            assertThat(token.getTimeStampInfo().getPolicy().getId())
                    .isEqualTo(BuiltInTsa.POLICY_OID);
            assertThat(X500Name.getInstance(token.getTimeStampInfo().getTsa().getName()).toString())
                    .contains("NOT LEGALLY QUALIFIED");
            assertThat(token.getCertificates().getMatches(null)).hasSize(1);
            TimeStampToken bare = new TimeStampResponse(withoutCert.body()).getTimeStampToken();
            assertThat(bare.getTimeStampInfo().getNonce()).isEqualTo(BigInteger.valueOf(78));
            assertThat(bare.getCertificates().getMatches(null)).isEmpty();
            assertThat(tsa.granted()).isEqualTo(2);
        }
    }

    @Test
    void badRequestsGetARejectionStatusNotAnHttpError() throws Exception {
        try (BuiltInTsa tsa = new BuiltInTsa(pki.tsa(), dir.resolve("serial"), 0)) {
            TimeStampResponse garbage =
                    new TimeStampResponse(
                            post(
                                            tsa,
                                            "not asn.1".getBytes(StandardCharsets.US_ASCII),
                                            BuiltInTsa.QUERY_TYPE)
                                    .body());
            TimeStampResponse sha1 =
                    new TimeStampResponse(
                            post(
                                            tsa,
                                            request(TSPAlgorithms.SHA1, 20, true, 1),
                                            BuiltInTsa.QUERY_TYPE)
                                    .body());
            TimeStampResponse wrongType =
                    new TimeStampResponse(
                            post(tsa, request(TSPAlgorithms.SHA256, 32, true, 2), "text/plain")
                                    .body());
            TimeStampResponse oversized =
                    new TimeStampResponse(
                            post(
                                            tsa,
                                            new byte[BuiltInTsa.MAX_REQUEST_BYTES + 1],
                                            BuiltInTsa.QUERY_TYPE)
                                    .body());
            HttpResponse<byte[]> get =
                    http.send(
                            HttpRequest.newBuilder(tsa.url()).GET().build(),
                            HttpResponse.BodyHandlers.ofByteArray());

            assertThat(garbage.getStatus()).isEqualTo(2);
            assertThat(garbage.getFailInfo().intValue()).isEqualTo(PKIFailureInfo.badDataFormat);
            assertThat(sha1.getStatus()).isEqualTo(2);
            assertThat(sha1.getFailInfo().intValue() & PKIFailureInfo.badAlg).isNotZero();
            assertThat(wrongType.getStatus()).isEqualTo(2);
            assertThat(wrongType.getStatusString()).contains("Content-Type");
            assertThat(oversized.getStatus()).isEqualTo(2);
            assertThat(get.statusCode()).isEqualTo(405);
            assertThat(tsa.rejected()).isEqualTo(5);
            assertThat(tsa.granted()).isZero();
        }
    }

    @Test
    void serialNumbersIncreaseAndSurviveARestart() throws Exception {
        Path serialFile = dir.resolve("tsa/serial");
        BigInteger first;
        BigInteger second;
        try (BuiltInTsa tsa = new BuiltInTsa(pki.tsa(), serialFile, 0)) {
            first =
                    serial(
                            post(
                                    tsa,
                                    request(TSPAlgorithms.SHA256, 32, true, 1),
                                    BuiltInTsa.QUERY_TYPE));
            second =
                    serial(
                            post(
                                    tsa,
                                    request(TSPAlgorithms.SHA256, 32, true, 2),
                                    BuiltInTsa.QUERY_TYPE));
        }
        BigInteger afterRestart;
        try (BuiltInTsa tsa = new BuiltInTsa(pki.tsa(), serialFile, 0)) {
            afterRestart =
                    serial(
                            post(
                                    tsa,
                                    request(TSPAlgorithms.SHA256, 32, true, 3),
                                    BuiltInTsa.QUERY_TYPE));
        }

        assertThat(second).isGreaterThan(first);
        assertThat(afterRestart).isGreaterThan(second);
        assertThat(java.nio.file.Files.readString(serialFile).trim())
                .isEqualTo(afterRestart.toString());
    }

    @Test
    void mainStartsFromEnvAndPrintsTheReadyLine() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BuiltInTsaMain.Config config =
                BuiltInTsaMain.Config.fromEnv(
                        Map.of(
                                "LOGMASTER_DATA_DIR",
                                dir.resolve("data").toString(),
                                "LOGMASTER_TSA_KEY_PASSWORD",
                                "main-pw"));

        try (BuiltInTsa tsa =
                BuiltInTsaMain.start(config, new PrintStream(out, true, StandardCharsets.UTF_8))) {
            assertThat(out.toString(StandardCharsets.UTF_8))
                    .isEqualTo(
                            "tsa ready on http://127.0.0.1:" + tsa.port() + System.lineSeparator());
            assertThat(
                            serial(
                                    post(
                                            tsa,
                                            request(TSPAlgorithms.SHA256, 32, true, 9),
                                            BuiltInTsa.QUERY_TYPE)))
                    .isEqualTo(BigInteger.ONE);
        }
        assertThat(dir.resolve("data/pki/tsa-chain.pem")).exists();
        assertThat(dir.resolve("data/tsa/serial")).hasContent("1");
        assertThat(config.toString()).doesNotContain("main-pw");
    }

    @Test
    void configRequiresAPasswordAndAValidPort() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> BuiltInTsaMain.Config.fromEnv(Map.of()))
                .hasMessageContaining("LOGMASTER_TSA_KEY_PASSWORD");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () ->
                                BuiltInTsaMain.Config.fromEnv(
                                        Map.of(
                                                "LOGMASTER_TSA_PORT",
                                                "70000",
                                                "LOGMASTER_TSA_KEY_PASSWORD",
                                                "x")))
                .hasMessageContaining("70000");
    }

    private static BigInteger serial(HttpResponse<byte[]> response) throws Exception {
        return new TimeStampResponse(response.body())
                .getTimeStampToken()
                .getTimeStampInfo()
                .getSerialNumber();
    }

    private static byte[] request(
            org.bouncycastle.asn1.ASN1ObjectIdentifier alg, int length, boolean certReq, long nonce)
            throws Exception {
        TimeStampRequestGenerator g = new TimeStampRequestGenerator();
        g.setCertReq(certReq);
        byte[] digest = new byte[length];
        digest[0] = 42;
        TimeStampRequest r = g.generate(alg, digest, BigInteger.valueOf(nonce));
        return r.getEncoded();
    }

    private HttpResponse<byte[]> post(BuiltInTsa tsa, byte[] body, String contentType)
            throws Exception {
        return http.send(
                HttpRequest.newBuilder(tsa.url())
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
