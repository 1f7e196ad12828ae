package io.logmaster.compliance.verify;

import java.util.List;

/**
 * Trust anchors for the signer and the TSA. An empty list means "use the certificates found in the
 * bundle itself", which proves integrity but not who signed: the report says so loudly.
 */
public record Trust(
        List<java.security.cert.X509Certificate> signerAnchors,
        List<java.security.cert.X509Certificate> tsaAnchors) {
    public Trust {
        signerAnchors = List.copyOf(signerAnchors);
        tsaAnchors = List.copyOf(tsaAnchors);
    }

    /** No anchors: trust the bundle's own certificates (and say so). */
    public static Trust bundleOnly() {
        return new Trust(List.of(), List.of());
    }
}
