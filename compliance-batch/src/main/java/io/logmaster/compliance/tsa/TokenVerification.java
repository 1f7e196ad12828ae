package io.logmaster.compliance.tsa;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Outcome of {@link TimeStampTokens#verify}: what was found in the token and every check that
 * failed. {@link #ok()} only when nothing failed.
 *
 * @param failures the failed checks, in check order; empty when the token is good
 * @param genTime the token's genTime, or null when the token could not be read
 * @param serialNumber the token's serial number, or null
 * @param policy the token's policy OID, or null
 * @param tsaCertificate the signer certificate found for the token, or null
 * @param chainChecked whether the TSA certificate was path-validated against trust anchors (false
 *     when none were given)
 */
public record TokenVerification(
        List<Failure> failures,
        Instant genTime,
        BigInteger serialNumber,
        String policy,
        X509Certificate tsaCertificate,
        boolean chainChecked) {

    public TokenVerification {
        failures = List.copyOf(failures);
    }

    /** True when every check passed. */
    public boolean ok() {
        return failures.isEmpty();
    }

    /** True when some failed check has this problem. */
    public boolean has(Problem problem) {
        return failures.stream().anyMatch(f -> f.problem() == problem);
    }

    /** A one-line summary of the failures, or "OK". */
    public String summary() {
        if (ok()) {
            return "OK";
        }
        StringBuilder sb = new StringBuilder();
        for (Failure f : failures) {
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append(f.problem()).append(": ").append(f.detail());
        }
        return sb.toString();
    }

    /** What went wrong. */
    public enum Problem {
        /** Not a DER TimeStampResp or TimeStampToken. */
        MALFORMED,
        /** A TimeStampResp whose status is neither granted nor grantedWithMods. */
        NOT_GRANTED,
        /** The imprint is not SHA-256. */
        UNSUPPORTED_HASH,
        /** The imprint differs from the expected SHA-256. */
        IMPRINT_MISMATCH,
        /** The signer certificate is neither in the token nor among the extra certificates. */
        NO_TSA_CERTIFICATE,
        /** The CMS signature does not verify with the signer certificate. */
        BAD_SIGNATURE,
        /**
         * The signer certificate does not match the signed ESSCertID, or was not valid at genTime.
         */
        CERTIFICATE_MISMATCH,
        /** The signer certificate lacks a critical extendedKeyUsage of exactly timeStamping. */
        MISSING_EKU,
        /** The signer certificate does not chain to any trust anchor. */
        UNTRUSTED_CHAIN
    }

    /** One failed check with a human-readable detail. */
    public record Failure(Problem problem, String detail) {
        public Failure {
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
