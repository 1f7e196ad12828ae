package io.logmaster.compliance.tsa;

import io.logmaster.compliance.tsa.TokenVerification.Failure;
import io.logmaster.compliance.tsa.TokenVerification.Problem;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.tsp.TimeStampResp;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.SignerInformationVerifier;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenInfo;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Offline verification of an RFC 3161 time stamp (a full {@code TimeStampResp} or the bare {@code
 * TimeStampToken}) against an expected SHA-256 digest: the imprint, the CMS signature, the signer
 * certificate's timeStamping EKU (RFC 3161 2.3), the signed ESSCertID, and, when trust anchors are
 * given, the certificate path at genTime. Every failed check is reported, not only the first.
 */
public final class TimeStampTokens {
    private TimeStampTokens() {}

    /** Verifies with the certificates the token carries. */
    public static TokenVerification verify(
            byte[] tokenOrResponseDer, byte[] expectedSha256, List<X509Certificate> trustAnchors) {
        return verify(tokenOrResponseDer, expectedSha256, trustAnchors, List.of());
    }

    /**
     * Verifies a token.
     *
     * @param tokenOrResponseDer DER {@code TimeStampResp} ({@code .tsr}) or {@code TimeStampToken}
     *     ({@code .tst})
     * @param expectedSha256 the 32-byte digest that must be the token's imprint
     * @param trustAnchors TSA roots; empty skips the path check ({@link
     *     TokenVerification#chainChecked()} is then false)
     * @param extraCertificates certificates to search for the signer and intermediates besides
     *     those in the token (e.g. a stored tsa-chain.pem)
     */
    public static TokenVerification verify(
            byte[] tokenOrResponseDer,
            byte[] expectedSha256,
            List<X509Certificate> trustAnchors,
            List<X509Certificate> extraCertificates) {
        List<Failure> failures = new ArrayList<>();
        TimeStampToken token;
        try {
            token = parse(tokenOrResponseDer, failures);
        } catch (IOException | TSPException | IllegalArgumentException | ClassCastException e) {
            failures.add(new Failure(Problem.MALFORMED, String.valueOf(e.getMessage())));
            return new TokenVerification(failures, null, null, null, null, false);
        }
        if (token == null) {
            return new TokenVerification(failures, null, null, null, null, false);
        }
        TimeStampTokenInfo info = token.getTimeStampInfo();
        Instant genTime = info.getGenTime().toInstant();

        if (!NISTObjectIdentifiers.id_sha256.equals(info.getMessageImprintAlgOID())) {
            failures.add(
                    new Failure(
                            Problem.UNSUPPORTED_HASH,
                            "imprint algorithm "
                                    + info.getMessageImprintAlgOID()
                                    + ", not SHA-256"));
        } else if (expectedSha256 == null
                || !MessageDigest.isEqual(info.getMessageImprintDigest(), expectedSha256)) {
            failures.add(
                    new Failure(
                            Problem.IMPRINT_MISMATCH,
                            "token imprint "
                                    + hex(info.getMessageImprintDigest())
                                    + " != expected "
                                    + (expectedSha256 == null ? "null" : hex(expectedSha256))));
        }

        List<X509Certificate> candidates = new ArrayList<>(extraCertificates);
        X509Certificate signerCert = null;
        try {
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
            for (X509CertificateHolder holder : token.getCertificates().getMatches(null)) {
                candidates.add(converter.getCertificate(holder));
            }
            for (X509Certificate c : candidates) {
                if (token.getSID().match(new JcaX509CertificateHolder(c))) {
                    signerCert = c;
                    break;
                }
            }
        } catch (GeneralSecurityException e) {
            failures.add(new Failure(Problem.MALFORMED, "bad certificate in token: " + e));
        }
        if (signerCert == null) {
            failures.add(
                    new Failure(
                            Problem.NO_TSA_CERTIFICATE,
                            "signer certificate "
                                    + token.getSID().getIssuer()
                                    + " #"
                                    + token.getSID().getSerialNumber()
                                    + " not found"));
            return result(failures, info, null, false);
        }

        String ekuProblem = ekuProblem(signerCert);
        if (ekuProblem != null) {
            failures.add(new Failure(Problem.MISSING_EKU, ekuProblem));
        }
        try {
            SignerInformationVerifier verifier =
                    new JcaSimpleSignerInfoVerifierBuilder().build(signerCert);
            if (!token.isSignatureValid(verifier)) {
                failures.add(
                        new Failure(
                                Problem.BAD_SIGNATURE,
                                "signature does not verify with "
                                        + signerCert.getSubjectX500Principal()));
            } else if (ekuProblem == null) {
                try {
                    // ESSCertID(v2) hash and issuer/serial, validity at genTime (RFC 3161 2.4.2,
                    // RFC 5816).
                    token.validate(verifier);
                } catch (TSPException e) {
                    failures.add(new Failure(Problem.CERTIFICATE_MISMATCH, e.getMessage()));
                }
            }
        } catch (OperatorCreationException | TSPException e) {
            failures.add(new Failure(Problem.BAD_SIGNATURE, "cannot check signature: " + e));
        }

        boolean chainChecked = false;
        if (trustAnchors != null && !trustAnchors.isEmpty()) {
            chainChecked = true;
            String chainProblem = chainProblem(signerCert, candidates, trustAnchors, genTime);
            if (chainProblem != null) {
                failures.add(new Failure(Problem.UNTRUSTED_CHAIN, chainProblem));
            }
        }
        return result(failures, info, signerCert, chainChecked);
    }

    /** The token inside a DER {@code TimeStampResp} or {@code TimeStampToken}. */
    public static TimeStampToken parseToken(byte[] tokenOrResponseDer) throws IOException {
        List<Failure> failures = new ArrayList<>();
        try {
            TimeStampToken token = parse(tokenOrResponseDer, failures);
            if (token == null) {
                throw new IOException(failures.get(0).detail());
            }
            return token;
        } catch (TSPException | IllegalArgumentException | ClassCastException e) {
            throw new IOException("not a time stamp token or response", e);
        }
    }

    private static TimeStampToken parse(byte[] der, List<Failure> failures)
            throws IOException, TSPException {
        if (der == null || der.length == 0) {
            throw new IOException("empty input");
        }
        ASN1Sequence seq = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(der));
        if (seq.size() > 0 && seq.getObjectAt(0) instanceof ASN1ObjectIdentifier) {
            return new TimeStampToken(ContentInfo.getInstance(seq));
        }
        TimeStampResponse response = new TimeStampResponse(TimeStampResp.getInstance(seq));
        int status = response.getStatus();
        if (status != 0 && status != 1) {
            failures.add(new Failure(Problem.NOT_GRANTED, describeStatus(response)));
            return null;
        }
        TimeStampToken token = response.getTimeStampToken();
        if (token == null) {
            failures.add(new Failure(Problem.MALFORMED, "granted response without a token"));
        }
        return token;
    }

    /** "rejection (failInfo 0x80): text" style description of a response status. */
    static String describeStatus(TimeStampResponse response) {
        String name =
                switch (response.getStatus()) {
                    case 0 -> "granted";
                    case 1 -> "grantedWithMods";
                    case 2 -> "rejection";
                    case 3 -> "waiting";
                    case 4 -> "revocationWarning";
                    case 5 -> "revocationNotification";
                    default -> "status " + response.getStatus();
                };
        StringBuilder sb = new StringBuilder(name);
        if (response.getFailInfo() != null) {
            sb.append(" (failInfo 0x")
                    .append(Integer.toHexString(response.getFailInfo().intValue()))
                    .append(')');
        }
        if (response.getStatusString() != null) {
            sb.append(": ").append(response.getStatusString());
        }
        return sb.toString();
    }

    private static String ekuProblem(X509Certificate cert) {
        Set<String> critical = cert.getCriticalExtensionOIDs();
        try {
            List<String> eku = cert.getExtendedKeyUsage();
            if (eku == null) {
                return "no extendedKeyUsage in " + cert.getSubjectX500Principal();
            }
            if (critical == null || !critical.contains(Extension.extendedKeyUsage.getId())) {
                return "extendedKeyUsage not critical in " + cert.getSubjectX500Principal();
            }
            if (eku.size() != 1 || !KeyPurposeId.id_kp_timeStamping.getId().equals(eku.get(0))) {
                return "extendedKeyUsage "
                        + eku
                        + " is not exactly timeStamping in "
                        + cert.getSubjectX500Principal();
            }
            return null;
        } catch (CertificateParsingException e) {
            return "unreadable extendedKeyUsage: " + e.getMessage();
        }
    }

    private static String chainProblem(
            X509Certificate signer,
            Collection<X509Certificate> candidates,
            List<X509Certificate> anchors,
            Instant at) {
        for (X509Certificate anchor : anchors) {
            if (anchor.equals(signer)) {
                return null;
            }
        }
        try {
            Set<TrustAnchor> trust = new HashSet<>();
            for (X509Certificate anchor : anchors) {
                trust.add(new TrustAnchor(anchor, null));
            }
            List<X509Certificate> path = buildPath(signer, candidates, anchors);
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            PKIXParameters params = new PKIXParameters(trust);
            params.setRevocationEnabled(false);
            params.setDate(java.util.Date.from(at));
            CertPathValidator.getInstance("PKIX").validate(factory.generateCertPath(path), params);
            return null;
        } catch (GeneralSecurityException e) {
            return signer.getSubjectX500Principal()
                    + " does not chain to a trusted TSA root: "
                    + e.getMessage();
        }
    }

    /** signer, then issuers found among candidates, stopping before a trust anchor. */
    private static List<X509Certificate> buildPath(
            X509Certificate signer,
            Collection<X509Certificate> candidates,
            List<X509Certificate> anchors) {
        List<X509Certificate> path = new ArrayList<>();
        X509Certificate current = signer;
        path.add(current);
        for (int depth = 0; depth < 8; depth++) {
            X509Certificate issuer = null;
            for (X509Certificate anchor : anchors) {
                if (anchor.getSubjectX500Principal().equals(current.getIssuerX500Principal())) {
                    return path;
                }
            }
            for (X509Certificate c : candidates) {
                if (!c.equals(current)
                        && c.getSubjectX500Principal().equals(current.getIssuerX500Principal())
                        && !c.getSubjectX500Principal().equals(c.getIssuerX500Principal())) {
                    issuer = c;
                    break;
                }
            }
            if (issuer == null) {
                return path;
            }
            path.add(issuer);
            current = issuer;
        }
        return path;
    }

    private static TokenVerification result(
            List<Failure> failures,
            TimeStampTokenInfo info,
            X509Certificate signer,
            boolean chainChecked) {
        BigInteger serial = info.getSerialNumber();
        return new TokenVerification(
                failures,
                info.getGenTime().toInstant(),
                serial,
                info.getPolicy() == null ? null : info.getPolicy().getId(),
                signer,
                chainChecked);
    }

    static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            sb.append(Character.forDigit((b >> 4) & 0xF, 16))
                    .append(Character.forDigit(b & 0xF, 16));
        }
        return sb.toString();
    }
}
