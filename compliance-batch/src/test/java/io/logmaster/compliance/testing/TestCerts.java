package io.logmaster.compliance.testing;

import io.logmaster.compliance.pki.KeyMaterial;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** Small certificate factory for tests that need keys and certificates the local PKI won't make. */
public final class TestCerts {
    private TestCerts() {}

    public static KeyPair ec() throws Exception {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
        gen.initialize(new ECGenParameterSpec("secp256r1"));
        return gen.generateKeyPair();
    }

    public static KeyPair rsa(int bits) throws Exception {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
        gen.initialize(bits);
        return gen.generateKeyPair();
    }

    /** A self-signed CA certificate. */
    public static KeyMaterial root(String cn) throws Exception {
        KeyPair pair = ec();
        X500Name name = new X500Name("CN=" + cn);
        X509v3CertificateBuilder b = builder(name, BigInteger.ONE, name, pair.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign));
        return new KeyMaterial(pair.getPrivate(), List.of(sign(b, pair.getPrivate())));
    }

    /**
     * A leaf issued by {@code issuer} for {@code key}.
     *
     * @param eku null for none, else the single EKU to put in
     */
    public static X509Certificate leaf(
            KeyMaterial issuer,
            String cn,
            BigInteger serial,
            PublicKey key,
            KeyPurposeId eku,
            boolean ekuCritical)
            throws Exception {
        X509v3CertificateBuilder b =
                builder(
                        X500Name.getInstance(
                                issuer.certificate().getSubjectX500Principal().getEncoded()),
                        serial,
                        new X500Name("CN=" + cn),
                        key);
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        if (eku != null) {
            b.addExtension(Extension.extendedKeyUsage, ekuCritical, new ExtendedKeyUsage(eku));
        }
        return sign(b, issuer.privateKey());
    }

    /** A self-signed leaf (no CA) for a signing key. */
    public static X509Certificate selfSigned(KeyPair pair, String cn) throws Exception {
        X500Name name = new X500Name("CN=" + cn);
        return sign(builder(name, BigInteger.TEN, name, pair.getPublic()), pair.getPrivate());
    }

    private static X509v3CertificateBuilder builder(
            X500Name issuer, BigInteger serial, X500Name subject, PublicKey key) {
        Instant now = Instant.now();
        return new JcaX509v3CertificateBuilder(
                issuer,
                serial,
                Date.from(now.minus(Duration.ofHours(1))),
                Date.from(now.plus(Duration.ofDays(365))),
                subject,
                key);
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey key)
            throws Exception {
        String alg = key instanceof ECKey ? "SHA256withECDSA" : "SHA256withRSA";
        return new JcaX509CertificateConverter()
                .getCertificate(b.build(new JcaContentSignerBuilder(alg).build(key)));
    }
}
