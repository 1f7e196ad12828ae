package io.logmaster.compliance.pki;

import io.logmaster.compliance.testing.OpenSsl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyMaterialTest {
    @TempDir Path dir;

    @BeforeEach
    void opensslMakesAKeyAndCertificate() throws Exception {
        openssl(
                "genpkey",
                "-algorithm",
                "EC",
                "-pkeyopt",
                "ec_paramgen_curve:P-256",
                "-out",
                "key.pem");
        openssl(
                "req",
                "-x509",
                "-new",
                "-key",
                "key.pem",
                "-subj",
                "/CN=Customer Seal",
                "-days",
                "30",
                "-out",
                "cert.pem");
    }

    @Test
    void loadsAnOpensslPemKeyAndCertificate() throws Exception {
        KeyMaterial material =
                KeyMaterial.load(dir.resolve("key.pem"), dir.resolve("cert.pem"), null);

        assertThat(material.certificate().getSubjectX500Principal().getName())
                .isEqualTo("CN=Customer Seal");
        assertThat(material.privateKey().getAlgorithm()).isEqualTo("EC");
        assertThat(material.chain()).hasSize(1);
    }

    @Test
    void loadsAnEncryptedPemKeyOnlyWithItsPassword() throws Exception {
        openssl(
                "pkcs8",
                "-topk8",
                "-in",
                "key.pem",
                "-v2",
                "aes-256-cbc",
                "-passout",
                "pass:s3cret",
                "-out",
                "key-enc.pem");

        KeyMaterial material =
                KeyMaterial.load(
                        dir.resolve("key-enc.pem"),
                        dir.resolve("cert.pem"),
                        "s3cret".toCharArray());

        assertThat(material.certificate().getSubjectX500Principal().getName())
                .isEqualTo("CN=Customer Seal");
        assertThatThrownBy(
                        () ->
                                KeyMaterial.load(
                                        dir.resolve("key-enc.pem"), dir.resolve("cert.pem"), null))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("encrypted");
    }

    @Test
    void loadsAnOpensslPkcs12File() throws Exception {
        openssl(
                "pkcs12",
                "-export",
                "-inkey",
                "key.pem",
                "-in",
                "cert.pem",
                "-passout",
                "pass:p12pw",
                "-out",
                "seal.p12");

        KeyMaterial material = KeyMaterial.load(dir.resolve("seal.p12"), "p12pw".toCharArray());

        assertThat(material.certificate().getSubjectX500Principal().getName())
                .isEqualTo("CN=Customer Seal");
    }

    @Test
    void refusesAKeyThatDoesNotBelongToTheCertificate() throws Exception {
        openssl(
                "genpkey",
                "-algorithm",
                "EC",
                "-pkeyopt",
                "ec_paramgen_curve:P-256",
                "-out",
                "other.pem");

        assertThatThrownBy(
                        () ->
                                KeyMaterial.load(
                                        dir.resolve("other.pem"), dir.resolve("cert.pem"), null))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("do not match");
    }

    private void openssl(String... args) throws Exception {
        OpenSsl.Result r = OpenSsl.run(dir, args);
        assertThat(r.exitCode()).as(r.output()).isZero();
    }
}
