package io.logmaster.compliance.sign;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Signs manifest bytes with the seal key: a detached signature that {@code openssl dgst -sha256
 * -verify signer-public.pem -signature manifest.sig manifest.json} accepts (ECDSA P-256 with
 * SHA-256, DER-encoded; or RSA-PSS with SHA-256).
 */
public interface ManifestSigner {
    /** The detached signature over {@code data}. */
    byte[] sign(byte[] data);

    /** JCA name of the algorithm, e.g. {@code SHA256withECDSA}. */
    String algorithm();

    /** The signing certificate first, then its issuers. */
    List<X509Certificate> certificateChain();
}
