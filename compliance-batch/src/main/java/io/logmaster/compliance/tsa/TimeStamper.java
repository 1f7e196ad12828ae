package io.logmaster.compliance.tsa;

/**
 * Obtains an RFC 3161 time stamp over a SHA-256 digest. Implementations check the response status
 * and verify the token against the request (imprint, nonce) before returning it: a returned stamp
 * is always a real, matching one, never a placeholder.
 */
public interface TimeStamper {
    /**
     * @param sha256 the 32-byte message imprint
     * @return the stamp: the full DER {@code TimeStampResp} (for {@code openssl ts -verify -in})
     *     and the DER token ({@code TimeStampToken}, the short form), plus who issued it
     * @throws TimeStampUnavailableException when no configured TSA produced a valid stamp; the day
     *     then stays pending and is stamped on a later run
     */
    Stamp stamp(byte[] sha256) throws TimeStampUnavailableException;

    /** A verified time stamp. */
    record Stamp(byte[] responseDer, byte[] tokenDer, String tsaName, java.time.Instant genTime) {}
}
