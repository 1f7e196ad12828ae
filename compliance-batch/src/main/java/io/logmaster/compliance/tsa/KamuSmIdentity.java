package io.logmaster.compliance.tsa;

import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

/**
 * The Kamu SM {@code identity} HTTP header that authenticates a time-stamp request.
 *
 * <p><b>Layout is our best reading, unverified against the real service.</b> Kamu SM does not
 * publish it in full; we follow the public client kamusm-zd-rs (github.com/omerbustun/kamusm-zd-rs,
 * "ESYAReqEx"), which states compatibility with the official Java client:
 *
 * <pre>
 * ESYAReqEx ::= SEQUENCE {
 *     userid                  INTEGER,        -- customer number
 *     salt                    OCTET STRING,   -- 16 random bytes
 *     iterationCount          INTEGER,        -- 100
 *     iv                      OCTET STRING,   -- the same 16 bytes as salt
 *     encryptedMessageImprint OCTET STRING }  -- AES-256-CBC/PKCS#7 of the imprint digest
 * </pre>
 *
 * with key = PBKDF2-HMAC-SHA256(UTF-8 password, salt, 100, 32 bytes); the plaintext is the raw
 * hashedMessage (the 32 digest bytes, not the DER MessageImprint); the header value is the DER
 * encoding as a lowercase hex number (Java {@code BigInteger.toString(16)}; DER starts with 0x30,
 * so no leading zero is lost).
 */
final class KamuSmIdentity {
    static final int ITERATIONS = 100;
    static final int SALT_BYTES = 16;

    private KamuSmIdentity() {}

    /** The header value for a request over {@code digest}, with a fresh random salt. */
    static String header(KamuSmCredentials credentials, byte[] digest, SecureRandom random) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return header(credentials, digest, salt);
    }

    /** The header value with the given salt (which is also the IV). */
    static String header(KamuSmCredentials credentials, byte[] digest, byte[] salt) {
        byte[] encrypted = crypt(Cipher.ENCRYPT_MODE, credentials.password(), salt, digest);
        ASN1EncodableVector v = new ASN1EncodableVector();
        v.add(new ASN1Integer(credentials.customerNumber()));
        v.add(new DEROctetString(salt));
        v.add(new ASN1Integer(ITERATIONS));
        v.add(new DEROctetString(salt));
        v.add(new DEROctetString(encrypted));
        try {
            byte[] der = new DERSequence(v).getEncoded(ASN1Encoding.DER);
            return new BigInteger(1, der).toString(16);
        } catch (IOException e) {
            throw new UncheckedIOException("encoding Kamu SM identity", e);
        }
    }

    /** A parsed identity header; {@link #decryptDigest} recovers the digest with the password. */
    record Parsed(
            long customerNumber, byte[] salt, int iterations, byte[] iv, byte[] encryptedDigest) {
        static Parsed of(String headerHex) throws IOException {
            byte[] der = new BigInteger(headerHex, 16).toByteArray();
            if (der.length > 1 && der[0] == 0) {
                der = java.util.Arrays.copyOfRange(der, 1, der.length);
            }
            ASN1Sequence seq = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(der));
            if (seq.size() != 5) {
                throw new IOException("identity has " + seq.size() + " fields, expected 5");
            }
            return new Parsed(
                    ASN1Integer.getInstance(seq.getObjectAt(0)).longValueExact(),
                    ASN1OctetString.getInstance(seq.getObjectAt(1)).getOctets(),
                    ASN1Integer.getInstance(seq.getObjectAt(2)).intValueExact(),
                    ASN1OctetString.getInstance(seq.getObjectAt(3)).getOctets(),
                    ASN1OctetString.getInstance(seq.getObjectAt(4)).getOctets());
        }

        byte[] decryptDigest(String password) {
            return crypt(Cipher.DECRYPT_MODE, password, salt, encryptedDigest, iterations, iv);
        }
    }

    /** PBKDF2-HMAC-SHA256 over the UTF-8 password (explicit, independent of JCE char handling). */
    static byte[] deriveKey(String password, byte[] salt, int iterations) {
        PKCS5S2ParametersGenerator gen = new PKCS5S2ParametersGenerator(new SHA256Digest());
        gen.init(password.getBytes(StandardCharsets.UTF_8), salt, iterations);
        return ((KeyParameter) gen.generateDerivedParameters(256)).getKey();
    }

    private static byte[] crypt(int mode, String password, byte[] salt, byte[] input) {
        return crypt(mode, password, salt, input, ITERATIONS, salt);
    }

    private static byte[] crypt(
            int mode, String password, byte[] salt, byte[] input, int iterations, byte[] iv) {
        try {
            Cipher aes = Cipher.getInstance("AES/CBC/PKCS5Padding");
            aes.init(
                    mode,
                    new SecretKeySpec(deriveKey(password, salt, iterations), "AES"),
                    new IvParameterSpec(iv));
            return aes.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-CBC for the Kamu SM identity", e);
        }
    }
}
