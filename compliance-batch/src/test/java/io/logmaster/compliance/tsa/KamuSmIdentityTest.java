package io.logmaster.compliance.tsa;

import io.logmaster.compliance.testing.OpenSsl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

class KamuSmIdentityTest {
    private static final KamuSmCredentials CREDENTIALS =
            new KamuSmCredentials(7521, "3VilLuA8-ğüş");
    private static final HexFormat HEX = HexFormat.of();

    @TempDir Path dir;

    @Test
    void headerHoldsCustomerSaltIterationsIvAndTheEncryptedDigest() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest("day".getBytes());

        String header = KamuSmIdentity.header(CREDENTIALS, digest, new SecureRandom());
        KamuSmIdentity.Parsed parsed = KamuSmIdentity.Parsed.of(header);

        assertThat(header).matches("30[0-9a-f]+");
        assertThat(parsed.customerNumber()).isEqualTo(7521);
        assertThat(parsed.salt()).hasSize(16);
        assertThat(parsed.iterations()).isEqualTo(100);
        assertThat(parsed.iv()).isEqualTo(parsed.salt());
        assertThat(parsed.encryptedDigest()).hasSize(48);
        assertThat(parsed.decryptDigest(CREDENTIALS.password())).isEqualTo(digest);
    }

    @Test
    void eachHeaderUsesAFreshSalt() throws Exception {
        byte[] digest = new byte[32];
        SecureRandom random = new SecureRandom();

        String a = KamuSmIdentity.header(CREDENTIALS, digest, random);
        String b = KamuSmIdentity.header(CREDENTIALS, digest, random);

        assertThat(a).isNotEqualTo(b);
        assertThat(KamuSmIdentity.Parsed.of(a).salt())
                .isNotEqualTo(KamuSmIdentity.Parsed.of(b).salt());
    }

    @Test
    void wrongPasswordDoesNotRecoverTheDigest() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest("x".getBytes());
        KamuSmIdentity.Parsed parsed =
                KamuSmIdentity.Parsed.of(
                        KamuSmIdentity.header(CREDENTIALS, digest, new SecureRandom()));

        byte[] recovered;
        try {
            recovered = parsed.decryptDigest("wrong");
        } catch (IllegalStateException badPadding) {
            recovered = new byte[0];
        }
        assertThat(recovered).isNotEqualTo(digest);
    }

    @Test
    void derivationAndEncryptionMatchOpenssl() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest("openssl".getBytes());
        byte[] salt = HEX.parseHex("00112233445566778899aabbccddeeff");
        KamuSmCredentials ascii = new KamuSmCredentials(42, "passw0rd");

        OpenSsl.Result kdf =
                OpenSsl.run(
                        dir,
                        "kdf",
                        "-keylen",
                        "32",
                        "-kdfopt",
                        "digest:SHA256",
                        "-kdfopt",
                        "pass:passw0rd",
                        "-kdfopt",
                        "hexsalt:" + HEX.formatHex(salt),
                        "-kdfopt",
                        "iter:100",
                        "PBKDF2");
        String opensslKey = kdf.output().trim().replace(":", "").toLowerCase();
        Files.write(dir.resolve("digest.bin"), digest);
        OpenSsl.Result enc =
                OpenSsl.run(
                        dir,
                        "enc",
                        "-aes-256-cbc",
                        "-K",
                        opensslKey,
                        "-iv",
                        HEX.formatHex(salt),
                        "-in",
                        "digest.bin",
                        "-out",
                        "digest.enc");

        assertThat(kdf.exitCode()).as(kdf.output()).isZero();
        assertThat(enc.exitCode()).as(enc.output()).isZero();
        assertThat(HEX.formatHex(KamuSmIdentity.deriveKey("passw0rd", salt, 100)))
                .isEqualTo(opensslKey);
        KamuSmIdentity.Parsed parsed =
                KamuSmIdentity.Parsed.of(KamuSmIdentity.header(ascii, digest, salt));
        assertThat(parsed.encryptedDigest())
                .isEqualTo(Files.readAllBytes(dir.resolve("digest.enc")));
    }
}
