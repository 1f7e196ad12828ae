package io.logmaster.compliance.pki;

import io.logmaster.compliance.testing.OpenSsl;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalPkiTest {
    private static final char[] PASSWORD = "local-pki-test-pw".toCharArray();

    @TempDir Path dir;

    @Test
    void createsRootSignerAndTsaWithTheRequiredProfiles() throws Exception {
        LocalPki pki = LocalPki.openOrCreate(dir.resolve("pki"), PASSWORD);

        X509Certificate root = pki.rootCertificate();
        assertThat(cn(root)).isEqualTo("LogMaster Local CA \u2014 NOT LEGALLY QUALIFIED");
        assertThat(root.getBasicConstraints()).isGreaterThanOrEqualTo(0);
        root.verify(root.getPublicKey());

        X509Certificate signer = pki.signer().certificate();
        assertThat(cn(signer)).isEqualTo("LogMaster Seal Signer (local, not qualified)");
        assertThat(signer.getKeyUsage()[0]).as("digitalSignature").isTrue();
        assertThat(signer.getBasicConstraints()).isEqualTo(-1);
        assertThat(
                        ((ECPublicKey) signer.getPublicKey())
                                .getParams()
                                .getCurve()
                                .getField()
                                .getFieldSize())
                .isEqualTo(256);
        signer.verify(root.getPublicKey());
        assertThat(pki.signer().chain()).containsExactly(signer, root);

        X509Certificate tsa = pki.tsa().certificate();
        assertThat(cn(tsa)).isEqualTo("LogMaster Local TSA (NOT LEGALLY QUALIFIED)");
        assertThat(tsa.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.8");
        assertThat(tsa.getCriticalExtensionOIDs()).contains("2.5.29.37");
        tsa.verify(root.getPublicKey());

        for (X509Certificate c : new X509Certificate[] {root, signer, tsa}) {
            Duration validity =
                    Duration.between(c.getNotBefore().toInstant(), c.getNotAfter().toInstant());
            assertThat(validity).isGreaterThanOrEqualTo(Duration.ofDays(3650));
        }
        assertThat(Pem.readCertificates(pki.rootPem())).containsExactly(root);
        assertThat(Pem.readCertificates(pki.signerChainPem())).containsExactly(signer, root);
        assertThat(Pem.readCertificates(pki.tsaChainPem())).containsExactly(tsa, root);
        assertThat(
                        PosixFilePermissions.toString(
                                Files.getPosixFilePermissions(
                                        pki.directory().resolve(LocalPki.TSA_P12))))
                .isEqualTo("rw-------");
    }

    @Test
    void reusesExistingKeysAndCertificatesOnLaterRuns() throws Exception {
        LocalPki first = LocalPki.openOrCreate(dir, PASSWORD);
        byte[] tsaChainPem = Files.readAllBytes(first.tsaChainPem());
        long p12Modified = Files.getLastModifiedTime(dir.resolve(LocalPki.SIGNER_P12)).toMillis();

        LocalPki second = LocalPki.openOrCreate(dir, PASSWORD);

        assertThat(second.rootCertificate()).isEqualTo(first.rootCertificate());
        assertThat(second.signer().chain()).isEqualTo(first.signer().chain());
        assertThat(second.signer().privateKey().getEncoded())
                .isEqualTo(first.signer().privateKey().getEncoded());
        assertThat(second.tsa().privateKey().getEncoded())
                .isEqualTo(first.tsa().privateKey().getEncoded());
        assertThat(Files.readAllBytes(second.tsaChainPem())).isEqualTo(tsaChainPem);
        assertThat(Files.getLastModifiedTime(dir.resolve(LocalPki.SIGNER_P12)).toMillis())
                .isEqualTo(p12Modified);
    }

    @Test
    void reissuesOnlyAMissingLeafFromTheExistingRoot() throws Exception {
        LocalPki first = LocalPki.openOrCreate(dir, PASSWORD);
        Files.delete(dir.resolve(LocalPki.TSA_P12));

        LocalPki second = LocalPki.openOrCreate(dir, PASSWORD);

        assertThat(second.rootCertificate()).isEqualTo(first.rootCertificate());
        assertThat(second.signer().certificate()).isEqualTo(first.signer().certificate());
        assertThat(second.tsa().certificate()).isNotEqualTo(first.tsa().certificate());
        assertThat(Pem.readCertificates(second.tsaChainPem()).get(0))
                .isEqualTo(second.tsa().certificate());
    }

    @Test
    void refusesAWrongPassword() throws Exception {
        LocalPki.openOrCreate(dir, PASSWORD);

        assertThatThrownBy(() -> LocalPki.openOrCreate(dir, "wrong".toCharArray()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(LocalPki.ROOT_P12);
    }

    @Test
    void opensslAcceptsTheChainsAndReadsThePkcs12Files() throws Exception {
        LocalPki pki = LocalPki.openOrCreate(dir, PASSWORD);

        OpenSsl.Result tsa =
                OpenSsl.run(
                        dir,
                        "verify",
                        "-CAfile",
                        LocalPki.ROOT_PEM,
                        "-purpose",
                        "timestampsign",
                        LocalPki.TSA_CHAIN_PEM);
        OpenSsl.Result signer =
                OpenSsl.run(dir, "verify", "-CAfile", LocalPki.ROOT_PEM, LocalPki.SIGNER_CHAIN_PEM);
        OpenSsl.Result p12 =
                OpenSsl.run(
                        dir,
                        "pkcs12",
                        "-in",
                        LocalPki.SIGNER_P12,
                        "-passin",
                        "pass:" + new String(PASSWORD),
                        "-nokeys",
                        "-clcerts");

        assertThat(tsa.output()).contains(LocalPki.TSA_CHAIN_PEM + ": OK");
        assertThat(tsa.exitCode()).isZero();
        assertThat(signer.output()).contains(LocalPki.SIGNER_CHAIN_PEM + ": OK");
        assertThat(p12.exitCode()).as(p12.output()).isZero();
        assertThat(p12.output()).contains("LogMaster Seal Signer (local");
        assertThat(pki.signer().certificate()).isNotNull();
    }

    private static String cn(X509Certificate cert) {
        return ((ASN1String)
                        X500Name.getInstance(cert.getSubjectX500Principal().getEncoded())
                                .getRDNs(BCStyle.CN)[0]
                                .getFirst()
                                .getValue())
                .getString();
    }
}
