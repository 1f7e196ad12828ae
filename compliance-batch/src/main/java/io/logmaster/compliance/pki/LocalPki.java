package io.logmaster.compliance.pki;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Objects;

/**
 * A local, self-made PKI for the local stack and air-gapped trials: a self-signed root CA ("NOT
 * LEGALLY QUALIFIED"), a seal-signing certificate and an RFC 3161 TSA certificate, both ECDSA P-256
 * and issued by the root with 10-year validity. Keys are kept in PKCS#12 files under one caller
 * supplied password; certificates also as PEM ({@value #ROOT_PEM}, {@value #SIGNER_CHAIN_PEM},
 * {@value #TSA_CHAIN_PEM}). The first {@link #openOrCreate} creates the files; later calls reuse
 * them, so the same certificates survive restarts. Nothing here is legally qualified under Law
 * 5651: production uses a qualified TSA (Kamu SM) and the operator's own signing certificate.
 */
public final class LocalPki {
    public static final String ROOT_P12 = "root-ca.p12";
    public static final String SIGNER_P12 = "signer.p12";
    public static final String TSA_P12 = "tsa.p12";
    public static final String ROOT_PEM = "root-ca.pem";
    public static final String SIGNER_CHAIN_PEM = "signer-chain.pem";
    public static final String TSA_CHAIN_PEM = "tsa-chain.pem";

    static final String ROOT_CN = "LogMaster Local CA \u2014 NOT LEGALLY QUALIFIED";
    static final String SIGNER_CN = "LogMaster Seal Signer (local, not qualified)";
    static final String TSA_CN = "LogMaster Local TSA (NOT LEGALLY QUALIFIED)";
    static final Duration VALIDITY = Duration.ofDays(3653);

    private static final Logger LOG = LoggerFactory.getLogger(LocalPki.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dir;
    private final KeyMaterial root;
    private final KeyMaterial signer;
    private final KeyMaterial tsa;

    private LocalPki(Path dir, KeyMaterial root, KeyMaterial signer, KeyMaterial tsa) {
        this.dir = dir;
        this.root = root;
        this.signer = signer;
        this.tsa = tsa;
    }

    /**
     * Opens the PKI in {@code dir}, creating whatever is missing (the directory, the root, the
     * signer, the TSA key and the PEM files). Existing keys are never replaced.
     *
     * @throws IOException when files cannot be read or written, or the password is wrong
     */
    public static synchronized LocalPki openOrCreate(Path dir, char[] password) throws IOException {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(password, "password");
        if (password.length == 0) {
            throw new IllegalArgumentException("PKI password is empty");
        }
        Files.createDirectories(dir);
        Path rootFile = dir.resolve(ROOT_P12);
        KeyMaterial root;
        if (Files.exists(rootFile)) {
            root = KeyMaterial.load(rootFile, password);
        } else {
            if (Files.exists(dir.resolve(SIGNER_P12)) || Files.exists(dir.resolve(TSA_P12))) {
                throw new IOException(
                        "local PKI in " + dir + " has issued keys but no " + ROOT_P12);
            }
            root = createRoot();
            writePkcs12(rootFile, root, password);
            LOG.info("created local root CA (not legally qualified) in {}", dir);
        }
        KeyMaterial signer = openOrIssue(dir.resolve(SIGNER_P12), root, password, false);
        KeyMaterial tsa = openOrIssue(dir.resolve(TSA_P12), root, password, true);
        writeIfChanged(dir.resolve(ROOT_PEM), Pem.certificates(root.chain()));
        writeIfChanged(dir.resolve(SIGNER_CHAIN_PEM), Pem.certificates(signer.chain()));
        writeIfChanged(dir.resolve(TSA_CHAIN_PEM), Pem.certificates(tsa.chain()));
        return new LocalPki(dir, root, signer, tsa);
    }

    public Path directory() {
        return dir;
    }

    /** The self-signed root certificate: the trust anchor for the signer and the TSA. */
    public X509Certificate rootCertificate() {
        return root.certificate();
    }

    /** Seal-signing key; chain = signer certificate, root. */
    public KeyMaterial signer() {
        return signer;
    }

    /** TSA key; chain = TSA certificate, root. */
    public KeyMaterial tsa() {
        return tsa;
    }

    public Path rootPem() {
        return dir.resolve(ROOT_PEM);
    }

    public Path signerChainPem() {
        return dir.resolve(SIGNER_CHAIN_PEM);
    }

    public Path tsaChainPem() {
        return dir.resolve(TSA_CHAIN_PEM);
    }

    private static KeyMaterial openOrIssue(
            Path file, KeyMaterial root, char[] password, boolean timeStamping) throws IOException {
        if (Files.exists(file)) {
            KeyMaterial existing = KeyMaterial.load(file, password);
            if (!existing.chain().get(existing.chain().size() - 1).equals(root.certificate())) {
                throw new IOException(file + " was not issued by the local root CA");
            }
            return existing;
        }
        KeyMaterial issued = issue(root, timeStamping);
        writePkcs12(file, issued, password);
        LOG.info(
                "issued local certificate {} into {}",
                issued.certificate().getSubjectX500Principal(),
                file);
        return issued;
    }

    private static KeyMaterial createRoot() throws IOException {
        KeyPair pair = newEcKeyPair();
        X500Name name = name(ROOT_CN);
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = builder(name, name, pair.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(
                    Extension.keyUsage,
                    true,
                    new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(
                    Extension.subjectKeyIdentifier,
                    false,
                    ext.createSubjectKeyIdentifier(pair.getPublic()));
            X509Certificate cert = sign(builder, pair.getPrivate());
            return new KeyMaterial(pair.getPrivate(), List.of(cert));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("creating local root CA", e);
        }
    }

    private static KeyMaterial issue(KeyMaterial root, boolean timeStamping) throws IOException {
        KeyPair pair = newEcKeyPair();
        X509Certificate rootCert = root.certificate();
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder =
                    builder(
                            X500Name.getInstance(rootCert.getSubjectX500Principal().getEncoded()),
                            name(timeStamping ? TSA_CN : SIGNER_CN),
                            pair.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            if (timeStamping) {
                // RFC 3161 2.3: exactly one EKU, id-kp-timeStamping, critical (openssl ts
                // -verify insists).
                builder.addExtension(
                        Extension.extendedKeyUsage,
                        true,
                        new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
            }
            builder.addExtension(
                    Extension.subjectKeyIdentifier,
                    false,
                    ext.createSubjectKeyIdentifier(pair.getPublic()));
            builder.addExtension(
                    Extension.authorityKeyIdentifier,
                    false,
                    ext.createAuthorityKeyIdentifier(rootCert));
            X509Certificate cert = sign(builder, root.privateKey());
            return new KeyMaterial(pair.getPrivate(), List.of(cert, rootCert));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("issuing local certificate", e);
        }
    }

    private static X509v3CertificateBuilder builder(
            X500Name issuer, X500Name subject, PublicKey key) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        // Positive 127-bit serial: unique without bookkeeping.
        BigInteger serial = new BigInteger(127, RANDOM).setBit(126);
        return new JcaX509v3CertificateBuilder(
                issuer,
                serial,
                Date.from(now.minus(Duration.ofMinutes(5))),
                Date.from(now.plus(VALIDITY)),
                subject,
                key);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey issuerKey)
            throws GeneralSecurityException, CertIOException {
        try {
            return new JcaX509CertificateConverter()
                    .getCertificate(
                            builder.build(
                                    new JcaContentSignerBuilder("SHA256withECDSA")
                                            .build(issuerKey)));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("building certificate signer", e);
        }
    }

    private static X500Name name(String cn) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, "LogMaster")
                .addRDN(BCStyle.CN, cn)
                .build();
    }

    private static KeyPair newEcKeyPair() {
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
            gen.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return gen.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC P-256 key generation unavailable", e);
        }
    }

    private static void writePkcs12(Path file, KeyMaterial material, char[] password)
            throws IOException {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(
                    "key",
                    material.privateKey(),
                    password,
                    material.chain().toArray(new Certificate[0]));
            store.store(out, password);
        } catch (GeneralSecurityException e) {
            throw new IOException("writing PKCS#12 " + file, e);
        }
        ownerOnly(tmp);
        move(tmp, file);
    }

    private static void ownerOnly(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    private static void writeIfChanged(Path file, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        if (Files.exists(file) && java.util.Arrays.equals(Files.readAllBytes(file), bytes)) {
            return;
        }
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.write(tmp, bytes);
        move(tmp, file);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(
                    from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
