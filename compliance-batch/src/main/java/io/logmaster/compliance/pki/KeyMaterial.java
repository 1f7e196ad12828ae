package io.logmaster.compliance.pki;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A private key with its certificate chain (the key's certificate first, then its issuers). The
 * constructor checks that the key belongs to the first certificate.
 */
public record KeyMaterial(PrivateKey privateKey, List<X509Certificate> chain) {
    // Not registered globally: only for decrypting PEM keys whose ciphers the JDK names
    // differently.
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    public KeyMaterial {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(chain, "chain");
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("certificate chain is empty");
        }
        chain = List.copyOf(chain);
        if (!matches(privateKey, chain.get(0))) {
            throw new IllegalArgumentException(
                    "private key does not belong to certificate "
                            + chain.get(0).getSubjectX500Principal());
        }
    }

    /** The key's own certificate. */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    /**
     * Loads the only (or first) private-key entry of a PKCS#12 file; the entry password is the
     * store password.
     */
    public static KeyMaterial load(Path pkcs12, char[] password) throws IOException {
        try (InputStream in = Files.newInputStream(pkcs12)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            for (String alias : Collections.list(store.aliases())) {
                if (!store.isKeyEntry(alias)) {
                    continue;
                }
                Key key = store.getKey(alias, password);
                if (key instanceof PrivateKey privateKey) {
                    List<X509Certificate> chain = new ArrayList<>();
                    for (Certificate c : store.getCertificateChain(alias)) {
                        chain.add((X509Certificate) c);
                    }
                    return new KeyMaterial(privateKey, chain);
                }
            }
            throw new IOException("no private key entry in " + pkcs12);
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            // A wrong password surfaces as an IOException from KeyStore.load.
            throw new IOException(
                    "loading key material from PKCS#12 " + pkcs12 + ": " + e.getMessage(), e);
        }
    }

    /**
     * Loads a PEM private key (PKCS#8, traditional OpenSSL, or encrypted with {@code keyPassword})
     * and a PEM certificate chain file (key's certificate first).
     *
     * @param keyPassword password of an encrypted key file, or null for an unencrypted one
     */
    public static KeyMaterial load(Path keyPem, Path chainPem, char[] keyPassword)
            throws IOException {
        List<X509Certificate> chain = Pem.readCertificates(chainPem);
        try {
            return new KeyMaterial(readPrivateKey(keyPem, keyPassword), chain);
        } catch (IllegalArgumentException e) {
            throw new IOException("key " + keyPem + " and chain " + chainPem + " do not match", e);
        }
    }

    private static PrivateKey readPrivateKey(Path keyPem, char[] password) throws IOException {
        try (Reader reader = Files.newBufferedReader(keyPem, StandardCharsets.US_ASCII);
                PEMParser parser = new PEMParser(reader)) {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
                if (o instanceof PrivateKeyInfo info) {
                    return converter.getPrivateKey(info);
                }
                if (o instanceof PEMKeyPair pair) {
                    return converter.getKeyPair(pair).getPrivate();
                }
                if (o instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
                    requirePassword(password, keyPem);
                    return converter.getPrivateKey(
                            encrypted.decryptPrivateKeyInfo(
                                    new JceOpenSSLPKCS8DecryptorProviderBuilder()
                                            .setProvider(BC)
                                            .build(password)));
                }
                if (o instanceof PEMEncryptedKeyPair encrypted) {
                    requirePassword(password, keyPem);
                    return converter
                            .getKeyPair(
                                    encrypted.decryptKeyPair(
                                            new JcePEMDecryptorProviderBuilder()
                                                    .setProvider(BC)
                                                    .build(password)))
                            .getPrivate();
                }
            }
            throw new IOException("no private key in " + keyPem);
        } catch (OperatorCreationException | PKCSException e) {
            throw new IOException("decrypting private key " + keyPem, e);
        }
    }

    private static void requirePassword(char[] password, Path keyPem) throws IOException {
        if (password == null) {
            throw new IOException("private key " + keyPem + " is encrypted and no password given");
        }
    }

    private static boolean matches(PrivateKey key, X509Certificate cert) {
        String algorithm;
        if (key instanceof ECKey) {
            algorithm = "SHA256withECDSA";
        } else if (key instanceof RSAKey) {
            algorithm = "SHA256withRSA";
        } else {
            throw new IllegalArgumentException(
                    "unsupported key algorithm " + key.getAlgorithm() + " (use EC or RSA)");
        }
        try {
            byte[] probe = "logmaster key check".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] sig = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(cert.getPublicKey());
            verifier.update(probe);
            return verifier.verify(sig);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "KeyMaterial[" + certificate().getSubjectX500Principal() + "]";
    }
}
