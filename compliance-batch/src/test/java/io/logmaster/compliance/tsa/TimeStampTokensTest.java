package io.logmaster.compliance.tsa;

import io.logmaster.compliance.pki.KeyMaterial;
import io.logmaster.compliance.pki.LocalPki;
import io.logmaster.compliance.testing.TestCerts;
import io.logmaster.compliance.tsa.TokenVerification.Problem;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TimeStampTokensTest {
    @TempDir Path dir;

    private LocalPki pki;
    private byte[] digest;
    private TimeStamper.Stamp stamp;

    @BeforeEach
    void stampOnce() throws Exception {
        pki = LocalPki.openOrCreate(dir.resolve("pki"), "pw".toCharArray());
        digest = MessageDigest.getInstance("SHA-256").digest("manifest".getBytes());
        try (BuiltInTsa tsa = new BuiltInTsa(pki.tsa(), dir.resolve("serial"), 0)) {
            stamp =
                    new HttpTimeStamper(
                                    List.of(TsaEndpoint.of("local", tsa.url())),
                                    new RetryPolicy(1, Duration.ZERO, Duration.ZERO),
                                    List.of())
                            .stamp(digest);
        }
    }

    @Test
    void acceptsTheResponseAndTheBareTokenFromATrustedTsa() {
        TokenVerification fromResponse =
                TimeStampTokens.verify(stamp.responseDer(), digest, List.of(pki.rootCertificate()));
        TokenVerification fromToken =
                TimeStampTokens.verify(stamp.tokenDer(), digest, List.of(pki.rootCertificate()));

        assertThat(fromResponse.failures()).isEmpty();
        assertThat(fromResponse.ok()).isTrue();
        assertThat(fromResponse.chainChecked()).isTrue();
        assertThat(fromResponse.genTime()).isEqualTo(stamp.genTime());
        assertThat(fromResponse.policy()).isEqualTo(BuiltInTsa.POLICY_OID);
        assertThat(fromResponse.tsaCertificate()).isEqualTo(pki.tsa().certificate());
        assertThat(fromResponse.serialNumber()).isEqualTo(BigInteger.ONE);
        assertThat(fromToken.summary()).isEqualTo("OK");
    }

    @Test
    void namesAnImprintMismatch() {
        byte[] other = digest.clone();
        other[31] ^= 1;

        TokenVerification result =
                TimeStampTokens.verify(stamp.responseDer(), other, List.of(pki.rootCertificate()));

        assertThat(result.ok()).isFalse();
        assertThat(result.failures())
                .extracting(TokenVerification.Failure::problem)
                .containsExactly(Problem.IMPRINT_MISMATCH);
    }

    @Test
    void namesAnUntrustedChain() throws Exception {
        LocalPki other = LocalPki.openOrCreate(dir.resolve("other"), "pw".toCharArray());

        TokenVerification result =
                TimeStampTokens.verify(stamp.tokenDer(), digest, List.of(other.rootCertificate()));

        assertThat(result.failures())
                .extracting(TokenVerification.Failure::problem)
                .containsExactly(Problem.UNTRUSTED_CHAIN);
    }

    @Test
    void namesABadSignature() {
        byte[] tampered = stamp.tokenDer().clone();
        // The ECDSA signature value is the last element of the token: flip its last byte.
        tampered[tampered.length - 1] ^= 0x01;

        TokenVerification result =
                TimeStampTokens.verify(tampered, digest, List.of(pki.rootCertificate()));

        assertThat(result.has(Problem.BAD_SIGNATURE)).as(result.summary()).isTrue();
    }

    @Test
    void namesARejectedResponseAndGarbage() throws Exception {
        byte[] rejected =
                new TimeStampResponseGenerator(
                                tokenGenerator(pki.tsa()), Set.of(NISTObjectIdentifiers.id_sha256))
                        .generateFailResponse(
                                PKIStatus.REJECTION, PKIFailureInfo.badRequest, "no credit")
                        .getEncoded();

        TokenVerification notGranted = TimeStampTokens.verify(rejected, digest, List.of());
        TokenVerification garbage =
                TimeStampTokens.verify(new byte[] {0x30, 0x03, 1, 2, 3}, digest, List.of());

        assertThat(notGranted.failures())
                .extracting(TokenVerification.Failure::problem)
                .containsExactly(Problem.NOT_GRANTED);
        assertThat(notGranted.summary()).contains("rejection").contains("no credit");
        assertThat(garbage.failures())
                .extracting(TokenVerification.Failure::problem)
                .containsExactly(Problem.MALFORMED);
    }

    @Test
    void namesASignerCertificateWithoutTheTimeStampingEku() throws Exception {
        KeyMaterial root = TestCerts.root("Test Root");
        KeyPair pair = TestCerts.ec();
        BigInteger serial = BigInteger.valueOf(4242);
        X509Certificate proper =
                TestCerts.leaf(
                        root,
                        "Test TSA",
                        serial,
                        pair.getPublic(),
                        KeyPurposeId.id_kp_timeStamping,
                        true);
        // Same issuer, serial and key, but no EKU: what a mis-issued TSA certificate looks like.
        X509Certificate noEku =
                TestCerts.leaf(root, "Test TSA", serial, pair.getPublic(), null, false);
        TimeStampRequestGenerator g = new TimeStampRequestGenerator();
        g.setCertReq(false);
        byte[] token =
                tokenGenerator(
                                new KeyMaterial(
                                        pair.getPrivate(), List.of(proper, root.certificate())))
                        .generate(
                                g.generate(TSPAlgorithms.SHA256, digest, BigInteger.ONE),
                                BigInteger.ONE,
                                new Date())
                        .getEncoded();

        TokenVerification bad =
                TimeStampTokens.verify(token, digest, List.of(root.certificate()), List.of(noEku));
        TokenVerification good =
                TimeStampTokens.verify(token, digest, List.of(root.certificate()), List.of(proper));
        TokenVerification missing =
                TimeStampTokens.verify(token, digest, List.of(root.certificate()));

        assertThat(bad.failures())
                .extracting(TokenVerification.Failure::problem)
                .containsExactly(Problem.MISSING_EKU);
        assertThat(good.summary()).isEqualTo("OK");
        assertThat(missing.failures())
                .extracting(TokenVerification.Failure::problem)
                .containsExactly(Problem.NO_TSA_CERTIFICATE);
    }

    private static TimeStampTokenGenerator tokenGenerator(KeyMaterial key) throws Exception {
        return new TimeStampTokenGenerator(
                new JcaSimpleSignerInfoGeneratorBuilder()
                        .build("SHA256withECDSA", key.privateKey(), key.certificate()),
                new JcaDigestCalculatorProviderBuilder()
                        .build()
                        .get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
                new ASN1ObjectIdentifier(BuiltInTsa.POLICY_OID));
    }
}
