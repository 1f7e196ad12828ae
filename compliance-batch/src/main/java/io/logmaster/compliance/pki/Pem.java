package io.logmaster.compliance.pki;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/** Reads and writes PEM certificates and public keys in the form OpenSSL expects. */
public final class Pem {
    private Pem() {}

    /** PEM text of the certificates, in the given order. */
    public static String certificates(List<X509Certificate> chain) {
        return write(chain.toArray());
    }

    /** PEM text ({@code PUBLIC KEY}, SubjectPublicKeyInfo) of the key. */
    public static String publicKey(PublicKey key) {
        return write(key);
    }

    /** All certificates in a PEM file, in file order. */
    public static List<X509Certificate> readCertificates(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
                PEMParser parser = new PEMParser(reader)) {
            List<X509Certificate> certs = new ArrayList<>();
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
            for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
                if (o instanceof X509CertificateHolder holder) {
                    certs.add(converter.getCertificate(holder));
                }
            }
            if (certs.isEmpty()) {
                throw new IOException("no CERTIFICATE block in " + file);
            }
            return List.copyOf(certs);
        } catch (CertificateException e) {
            throw new IOException("bad certificate in " + file, e);
        }
    }

    private static String write(Object... objects) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            for (Object o : objects) {
                writer.writeObject(o);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing PEM to memory", e);
        }
        return out.toString();
    }
}
