package io.logmaster.compliance.sign;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Objects;

/**
 * The two manifest signature algorithms and their verification: {@value #ECDSA} (ECDSA P-256 over
 * SHA-256, DER-encoded signature) and {@value #RSA_PSS} (RSASSA-PSS, SHA-256, MGF1 with SHA-256,
 * 32-byte salt, trailer 1), i.e. what {@code openssl dgst -sha256 [-sigopt rsa_padding_mode:pss
 * -sigopt rsa_pss_saltlen:32]} produces and checks.
 */
public final class ManifestSignatures {
    /** ECDSA with SHA-256; the signature is the DER {@code ECDSA-Sig-Value}. */
    public static final String ECDSA = "SHA256withECDSA";

    /** RSASSA-PSS with SHA-256, MGF1-SHA-256 and a 32-byte salt (BouncyCastle's name for it). */
    public static final String RSA_PSS = "SHA256withRSAandMGF1";

    static final PSSParameterSpec PSS =
            new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1);

    private ManifestSignatures() {}

    /**
     * True when {@code sig} is a valid signature over {@code data} by the key of {@code cert}.
     *
     * @param algorithm {@link #ECDSA} or {@link #RSA_PSS}
     * @throws IllegalArgumentException for an unknown algorithm or one that does not fit the key
     */
    public static boolean verify(byte[] data, byte[] sig, X509Certificate cert, String algorithm) {
        Objects.requireNonNull(cert, "cert");
        return verify(data, sig, cert.getPublicKey(), algorithm);
    }

    /** As {@link #verify(byte[], byte[], X509Certificate, String)}, with a bare public key. */
    public static boolean verify(byte[] data, byte[] sig, PublicKey key, String algorithm) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(sig, "sig");
        try {
            Signature verifier = instance(algorithm, key);
            verifier.initVerify(key);
            verifier.update(data);
            return verifier.verify(sig);
        } catch (java.security.SignatureException e) {
            // Malformed signature bytes (e.g. not DER): simply not valid.
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "cannot verify with " + algorithm + " and a " + key.getAlgorithm() + " key", e);
        }
    }

    /** The algorithm name for a key: {@link #ECDSA} for EC keys, {@link #RSA_PSS} for RSA. */
    static String algorithmFor(java.security.Key key) {
        if (key instanceof ECKey) {
            return ECDSA;
        }
        if (key instanceof RSAKey) {
            return RSA_PSS;
        }
        throw new IllegalArgumentException(
                "unsupported signing key algorithm " + key.getAlgorithm() + " (use EC or RSA)");
    }

    static Signature signer(String algorithm, PrivateKey key) throws GeneralSecurityException {
        Signature signature = instance(algorithm, key);
        signature.initSign(key);
        return signature;
    }

    private static Signature instance(String algorithm, java.security.Key key)
            throws GeneralSecurityException {
        String expected = algorithmFor(key);
        if (!expected.equals(algorithm)) {
            throw new GeneralSecurityException(
                    "algorithm " + algorithm + " does not fit a " + key.getAlgorithm() + " key");
        }
        if (RSA_PSS.equals(algorithm)) {
            // JDK provider, parameters pinned explicitly rather than relying on defaults.
            Signature pss = Signature.getInstance("RSASSA-PSS");
            pss.setParameter(PSS);
            return pss;
        }
        return Signature.getInstance(ECDSA);
    }
}
