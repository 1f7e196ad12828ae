/**
 * Detached manifest signatures (ECDSA P-256 or RSASSA-PSS, SHA-256) that {@code openssl dgst}
 * verifies: {@link io.logmaster.compliance.sign.JcaManifestSigner} and {@link
 * io.logmaster.compliance.sign.ManifestSignatures}.
 */
package io.logmaster.compliance.sign;
