/**
 * Key material: {@link io.logmaster.compliance.pki.LocalPki}, a self-made, <b>NOT LEGALLY
 * QUALIFIED</b> CA with a seal signer and a TSA certificate for the local stack, and {@link
 * io.logmaster.compliance.pki.KeyMaterial} for an operator's own key and certificate chain.
 */
package io.logmaster.compliance.pki;
