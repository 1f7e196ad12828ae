package io.logmaster.compliance.sign;

import io.logmaster.compliance.pki.LocalPki;
import io.logmaster.compliance.pki.Pem;
import io.logmaster.compliance.testing.OpenSsl;
import io.logmaster.compliance.testing.TestCerts;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JcaManifestSignerTest {
    private static final byte[] MANIFEST =
            "{\"day\":\"2026-03-01\",\"format\":\"logmaster-seal/1\"}"
                    .getBytes(StandardCharsets.UTF_8);

    @TempDir Path dir;

    @Test
    void ecdsaSignatureVerifiesWithOpensslAndAFlippedByteFails() throws Exception {
        LocalPki pki = LocalPki.openOrCreate(dir.resolve("pki"), "pw".toCharArray());
        JcaManifestSigner signer = new JcaManifestSigner(pki.signer());

        byte[] sig = signer.sign(MANIFEST);
        writeFiles(sig, signer.certificateChain().get(0));

        assertThat(signer.algorithm()).isEqualTo("SHA256withECDSA");
        assertThat(sig[0]).as("DER SEQUENCE").isEqualTo((byte) 0x30);
        OpenSsl.Result ok = dgstVerify();
        assertThat(ok.output()).contains("Verified OK");
        assertThat(ok.exitCode()).isZero();
        assertThat(
                        ManifestSignatures.verify(
                                MANIFEST,
                                sig,
                                signer.certificateChain().get(0),
                                signer.algorithm()))
                .isTrue();

        byte[] tampered = MANIFEST.clone();
        tampered[5] ^= 0x01;
        Files.write(dir.resolve("manifest.json"), tampered);
        OpenSsl.Result bad = dgstVerify();
        assertThat(bad.output()).contains("Verification failure").doesNotContain("Verified OK");
        assertThat(bad.exitCode()).isNotZero();
        assertThat(
                        ManifestSignatures.verify(
                                tampered,
                                sig,
                                signer.certificateChain().get(0),
                                signer.algorithm()))
                .isFalse();
    }

    @Test
    void rsaPssSignatureVerifiesWithOpensslAndAFlippedByteFails() throws Exception {
        KeyPair pair = TestCerts.rsa(2048);
        X509Certificate cert = TestCerts.selfSigned(pair, "RSA Seal");
        JcaManifestSigner signer = new JcaManifestSigner(pair.getPrivate(), List.of(cert));

        byte[] sig = signer.sign(MANIFEST);
        writeFiles(sig, cert);

        assertThat(signer.algorithm()).isEqualTo(ManifestSignatures.RSA_PSS);
        assertThat(sig).hasSize(256);
        OpenSsl.Result ok =
                dgstVerify("-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:32");
        assertThat(ok.output()).contains("Verified OK");
        assertThat(ManifestSignatures.verify(MANIFEST, sig, cert, signer.algorithm())).isTrue();

        byte[] flippedSig = sig.clone();
        flippedSig[100] ^= 0x40;
        Files.write(dir.resolve("manifest.sig"), flippedSig);
        OpenSsl.Result bad =
                dgstVerify("-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:32");
        assertThat(bad.output()).contains("Verification failure");
        assertThat(ManifestSignatures.verify(MANIFEST, flippedSig, cert, signer.algorithm()))
                .isFalse();
    }

    @Test
    void verifiesASignatureMadeByOpenssl() throws Exception {
        KeyPair pair = TestCerts.ec();
        X509Certificate cert = TestCerts.selfSigned(pair, "EC Seal");
        StringWriter pem = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(pem)) {
            w.writeObject(new JcaPKCS8Generator(pair.getPrivate(), null));
        }
        Files.writeString(dir.resolve("key.pem"), pem.toString());
        Files.write(dir.resolve("manifest.json"), MANIFEST);

        OpenSsl.Result r =
                OpenSsl.run(
                        dir,
                        "dgst",
                        "-sha256",
                        "-sign",
                        "key.pem",
                        "-out",
                        "manifest.sig",
                        "manifest.json");

        assertThat(r.exitCode()).as(r.output()).isZero();
        byte[] sig = Files.readAllBytes(dir.resolve("manifest.sig"));
        assertThat(ManifestSignatures.verify(MANIFEST, sig, cert, ManifestSignatures.ECDSA))
                .isTrue();
        assertThat(
                        ManifestSignatures.verify(
                                MANIFEST, new byte[] {1, 2, 3}, cert, ManifestSignatures.ECDSA))
                .isFalse();
    }

    @Test
    void refusesAKeyThatDoesNotMatchTheChainAndWrongAlgorithms() throws Exception {
        KeyPair pair = TestCerts.ec();
        X509Certificate other = TestCerts.selfSigned(TestCerts.ec(), "Other");
        X509Certificate rsaCert = TestCerts.selfSigned(TestCerts.rsa(2048), "RSA");

        assertThatThrownBy(() -> new JcaManifestSigner(pair.getPrivate(), List.of(other)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not belong");
        assertThatThrownBy(
                        () ->
                                ManifestSignatures.verify(
                                        MANIFEST, new byte[8], rsaCert, ManifestSignatures.ECDSA))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesRsaKeysShorterThan2048Bits() throws Exception {
        KeyPair pair = TestCerts.rsa(1024);
        X509Certificate cert = TestCerts.selfSigned(pair, "Short RSA");

        assertThatThrownBy(() -> new JcaManifestSigner(pair.getPrivate(), List.of(cert)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1024");
    }

    private void writeFiles(byte[] sig, X509Certificate cert) throws Exception {
        Files.write(dir.resolve("manifest.json"), MANIFEST);
        Files.write(dir.resolve("manifest.sig"), sig);
        Files.writeString(dir.resolve("pub.pem"), Pem.publicKey(cert.getPublicKey()));
    }

    private OpenSsl.Result dgstVerify(String... extra) throws Exception {
        List<String> args =
                new java.util.ArrayList<>(List.of("dgst", "-sha256", "-verify", "pub.pem"));
        args.addAll(List.of(extra));
        args.addAll(List.of("-signature", "manifest.sig", "manifest.json"));
        return OpenSsl.run(dir, args.toArray(String[]::new));
    }
}
