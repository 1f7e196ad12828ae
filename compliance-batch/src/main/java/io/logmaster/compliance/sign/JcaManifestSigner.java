package io.logmaster.compliance.sign;

import io.logmaster.compliance.pki.KeyMaterial;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Objects;

/**
 * {@link ManifestSigner} over a JCA private key: ECDSA P-256 keys sign with {@value
 * ManifestSignatures#ECDSA}, RSA keys (2048 bits or more) with RSASSA-PSS ({@value
 * ManifestSignatures#RSA_PSS}). The constructor checks that the key belongs to the first
 * certificate of the chain.
 */
public final class JcaManifestSigner implements ManifestSigner {
    private final PrivateKey key;
    private final List<X509Certificate> chain;
    private final String algorithm;

    public JcaManifestSigner(PrivateKey key, List<X509Certificate> chain) {
        KeyMaterial material = new KeyMaterial(key, chain);
        this.key = material.privateKey();
        this.chain = material.chain();
        this.algorithm = ManifestSignatures.algorithmFor(key);
        if (chain.get(0).getPublicKey() instanceof ECPublicKey ec
                && ec.getParams().getCurve().getField().getFieldSize() != 256) {
            throw new IllegalArgumentException(
                    "EC signing key must be P-256, got a "
                            + ec.getParams().getCurve().getField().getFieldSize()
                            + "-bit curve");
        }
        if (chain.get(0).getPublicKey() instanceof RSAPublicKey rsa
                && rsa.getModulus().bitLength() < 2048) {
            throw new IllegalArgumentException(
                    "RSA signing key must have at least 2048 bits, got "
                            + rsa.getModulus().bitLength());
        }
    }

    public JcaManifestSigner(KeyMaterial material) {
        this(Objects.requireNonNull(material, "material").privateKey(), material.chain());
    }

    @Override
    public byte[] sign(byte[] data) {
        Objects.requireNonNull(data, "data");
        try {
            Signature signature = ManifestSignatures.signer(algorithm, key);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "signing " + data.length + " bytes with " + algorithm, e);
        }
    }

    @Override
    public String algorithm() {
        return algorithm;
    }

    @Override
    public List<X509Certificate> certificateChain() {
        return chain;
    }
}
