/**
 * RFC 3161 time stamping: {@link io.logmaster.compliance.tsa.HttpTimeStamper} (client with
 * fallback, retries and full token checks, including the Kamu SM {@code identity} header), {@link
 * io.logmaster.compliance.tsa.TimeStampTokens} (offline verification) and {@link
 * io.logmaster.compliance.tsa.BuiltInTsa} — a local TSA that is <b>NOT LEGALLY QUALIFIED</b>
 * (self-made certificate, private policy {@value
 * io.logmaster.compliance.tsa.BuiltInTsa#POLICY_OID}); for Law 5651 use a qualified TSA such as
 * Kamu SM.
 */
package io.logmaster.compliance.tsa;
