package io.logmaster.compliance.seal;

import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;

import java.io.IOException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/** The certificates carried in an RFC 3161 token, the TSA's own first. */
final class TokenCertificates {
    private TokenCertificates() {}

    static List<X509Certificate> of(byte[] tokenDer) {
        try {
            TimeStampToken token = new TimeStampToken(ContentInfo.getInstance(tokenDer));
            JcaX509CertificateConverter conv = new JcaX509CertificateConverter();
            List<X509Certificate> signerFirst = new ArrayList<>();
            List<X509Certificate> others = new ArrayList<>();
            for (X509CertificateHolder h : token.getCertificates().getMatches(null)) {
                if (token.getSID().match(h)) {
                    signerFirst.add(conv.getCertificate(h));
                } else {
                    others.add(conv.getCertificate(h));
                }
            }
            signerFirst.addAll(others);
            return signerFirst;
        } catch (TSPException | IOException | CertificateException | IllegalArgumentException e) {
            throw new IllegalStateException("reading certificates of the time-stamp token", e);
        }
    }
}
