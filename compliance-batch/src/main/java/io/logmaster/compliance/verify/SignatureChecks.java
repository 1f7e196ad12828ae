package io.logmaster.compliance.verify;

import io.logmaster.compliance.manifest.Manifest;
import io.logmaster.compliance.manifest.SealedDayLayout;
import io.logmaster.compliance.merkle.Sha256;
import io.logmaster.compliance.pki.Pem;
import io.logmaster.compliance.sign.ManifestSignatures;
import io.logmaster.compliance.tsa.TimeStampTokens;
import io.logmaster.compliance.tsa.TokenVerification;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/** Checks of the manifest's signature and time stamp, shared by day and proof verification. */
final class SignatureChecks {
    static final String UNTRUSTED_SIGNER =
            "untrusted: using certificates from the bundle itself for the signer"
                    + " (integrity only; pass --trust-signer CA.pem to prove who signed)";
    static final String UNTRUSTED_TSA =
            "untrusted: using certificates from the bundle itself for the TSA"
                    + " (pass --trust-tsa TSA-CA.pem to prove the time)";

    private SignatureChecks() {}

    /** Parses PEM text of certificates. */
    static List<X509Certificate> certificates(byte[] pem, String what) throws IOException {
        try {
            List<X509Certificate> out = new ArrayList<>();
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            for (var c : cf.generateCertificates(new ByteArrayInputStream(pem))) {
                out.add((X509Certificate) c);
            }
            if (out.isEmpty()) {
                throw new IOException(what + ": no certificate");
            }
            return out;
        } catch (GeneralSecurityException e) {
            throw new IOException(what + ": unreadable certificate: " + e.getMessage(), e);
        }
    }

    /**
     * Checks signature and signer certificate.
     *
     * @param at the time the certificates must have been valid (the stamp's genTime, else
     *     sealed_at)
     */
    static void signature(
            VerificationReport report,
            Manifest manifest,
            byte[] manifestBytes,
            byte[] signature,
            byte[] signerChainPem,
            byte[] signerPublicPem,
            List<X509Certificate> anchors,
            Instant at) {
        List<X509Certificate> chain;
        try {
            chain = certificates(signerChainPem, SealedDayLayout.SIGNER_CHAIN);
        } catch (IOException e) {
            report.fail(e.getMessage());
            report.fail(SealedDayLayout.SIGNATURE + ": cannot be checked without the certificate");
            return;
        }
        X509Certificate cert = chain.get(0);
        String certSha = der(cert);
        if (certSha.equals(manifest.signer().certificateSha256())) {
            report.ok(
                    SealedDayLayout.SIGNER_CHAIN
                            + ": certificate matches manifest signer"
                            + " ("
                            + cert.getSubjectX500Principal()
                            + ")");
        } else {
            report.fail(
                    SealedDayLayout.SIGNER_CHAIN
                            + ": certificate sha256 mismatch (manifest "
                            + manifest.signer().certificateSha256()
                            + ", file "
                            + certSha
                            + ")");
        }
        if (signerPublicPem != null) {
            String expected = Pem.publicKey(cert.getPublicKey()).trim();
            if (expected.equals(
                    new String(signerPublicPem, java.nio.charset.StandardCharsets.US_ASCII)
                            .trim())) {
                report.ok(SealedDayLayout.SIGNER_PUBLIC_KEY + ": is the certificate's key");
            } else {
                report.fail(
                        SealedDayLayout.SIGNER_PUBLIC_KEY
                                + ": is not the key of the signing certificate");
            }
        }
        if (signature == null) {
            report.fail(SealedDayLayout.SIGNATURE + ": missing");
        } else if (ManifestSignatures.verify(
                manifestBytes, signature, cert, manifest.signer().algorithm())) {
            report.ok(
                    SealedDayLayout.SIGNATURE
                            + ": signature valid ("
                            + manifest.signer().algorithm()
                            + ")");
        } else {
            report.fail(SealedDayLayout.SIGNATURE + ": signature invalid");
        }
        List<X509Certificate> trust = anchors;
        if (trust.isEmpty()) {
            report.warn(UNTRUSTED_SIGNER);
            trust = List.of(chain.get(chain.size() - 1));
        }
        String path = chainTo(chain, trust, at);
        if (path == null) {
            report.ok("signer certificate chains to a trust anchor, valid at " + at);
        } else {
            report.fail("signer certificate: " + path);
        }
    }

    /**
     * Checks the time stamp over the manifest; returns its genTime, or null when there is none or
     * it is unusable.
     */
    static Instant timeStamp(
            VerificationReport report,
            byte[] manifestBytes,
            byte[] tsr,
            byte[] tst,
            byte[] tsaChainPem,
            List<X509Certificate> anchors) {
        if (tsr == null) {
            report.fail(
                    SealedDayLayout.TIME_STAMP_RESPONSE
                            + ": missing: the day is pending (not time-stamped yet)");
            return null;
        }
        List<X509Certificate> extra = List.of();
        if (tsaChainPem != null) {
            try {
                extra = certificates(tsaChainPem, SealedDayLayout.TSA_CHAIN);
            } catch (IOException e) {
                report.fail(e.getMessage());
            }
        }
        List<X509Certificate> trust = anchors;
        if (trust.isEmpty()) {
            report.warn(UNTRUSTED_TSA);
            trust = extra.isEmpty() ? List.of() : List.of(extra.get(extra.size() - 1));
            if (trust.isEmpty()) {
                report.fail(SealedDayLayout.TSA_CHAIN + ": missing, TSA certificate unchecked");
            }
        }
        byte[] digest = Sha256.of(manifestBytes);
        TokenVerification v = TimeStampTokens.verify(tsr, digest, trust, extra);
        report(report, SealedDayLayout.TIME_STAMP_RESPONSE, v);
        if (tst != null) {
            TokenVerification t = TimeStampTokens.verify(tst, digest, trust, extra);
            report(report, SealedDayLayout.TIME_STAMP_TOKEN, t);
            if (v.serialNumber() != null
                    && t.serialNumber() != null
                    && !v.serialNumber().equals(t.serialNumber())) {
                report.fail(
                        SealedDayLayout.TIME_STAMP_TOKEN
                                + ": is not the token of "
                                + SealedDayLayout.TIME_STAMP_RESPONSE);
            }
        }
        return v.ok() ? v.genTime() : null;
    }

    private static void report(VerificationReport report, String file, TokenVerification v) {
        if (v.ok()) {
            report.ok(
                    file
                            + ": time stamp valid, genTime "
                            + v.genTime()
                            + ", TSA "
                            + (v.tsaCertificate() == null
                                    ? "?"
                                    : v.tsaCertificate().getSubjectX500Principal())
                            + (v.chainChecked() ? "" : " (chain not checked)"));
            return;
        }
        for (TokenVerification.Failure f : v.failures()) {
            if (f.problem() == TokenVerification.Problem.IMPRINT_MISMATCH) {
                report.fail(file + ": imprint does not match " + SealedDayLayout.MANIFEST);
            } else {
                report.fail(
                        file
                                + ": "
                                + f.problem()
                                        .name()
                                        .toLowerCase(java.util.Locale.ROOT)
                                        .replace('_', ' ')
                                + ": "
                                + f.detail());
            }
        }
    }

    /** Null when chain[0] links up to an anchor, each certificate valid at {@code at}. */
    static String chainTo(List<X509Certificate> chain, List<X509Certificate> anchors, Instant at) {
        for (int i = 0; i < chain.size(); i++) {
            X509Certificate c = chain.get(i);
            try {
                c.checkValidity(Date.from(at));
            } catch (CertificateExpiredException | CertificateNotYetValidException e) {
                return c.getSubjectX500Principal() + " not valid at " + at;
            }
            for (X509Certificate a : anchors) {
                if (a.equals(c) || signedBy(c, a)) {
                    return null;
                }
            }
            if (i + 1 < chain.size() && !signedBy(c, chain.get(i + 1))) {
                return c.getSubjectX500Principal() + " is not signed by the next certificate";
            }
        }
        return "does not chain to any trust anchor";
    }

    private static boolean signedBy(X509Certificate c, X509Certificate issuer) {
        if (!c.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            return false;
        }
        try {
            c.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    static String der(X509Certificate cert) {
        try {
            return Sha256.hex(Sha256.of(cert.getEncoded()));
        } catch (GeneralSecurityException e) {
            return "unencodable";
        }
    }

    static byte[] readIfExists(Path file) throws IOException {
        return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
    }
}
