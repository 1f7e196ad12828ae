package io.logmaster.compliance.seal;

import io.logmaster.compliance.manifest.Manifest;

/** The README.txt of a sealed day: how to verify it with OpenSSL and coreutils alone. */
final class SealReadme {
    private SealReadme() {}

    static String text(Manifest m) {
        String prev =
                m.previous() == null
                        ? "   This is the first sealed day: manifest.json has \"previous\":null.\n"
                        : "   sha256sum ../"
                                + m.previous().day()
                                + "/manifest.json\n"
                                + "   must print "
                                + m.previous().manifestSha256()
                                + "\n";
        return "LogMaster sealed day "
                + m.day()
                + " ("
                + m.format()
                + ", day cut in zone "
                + m.zone()
                + ")\n"
                + "\n"
                + "Files\n"
                + "  manifest.json      canonical JSON (sorted keys, no whitespace): every device file\n"
                + "                     with SHA-256 and size of the stored .gz and of its content,\n"
                + "                     record count, RFC 6962 Merkle root; the previous day's seal\n"
                + "  manifest.sig       detached signature over manifest.json\n"
                + "  manifest.tsr       RFC 3161 time-stamp response over SHA-256(manifest.json)\n"
                + "  manifest.tst       the time-stamp token alone (short form)\n"
                + "  signer-chain.pem   signing certificate, then its issuers\n"
                + "  signer-public.pem  the signing certificate's public key\n"
                + "  tsa-chain.pem      the TSA certificate, then its issuers\n"
                + "  devices/<device>/records.jsonl.gz\n"
                + "                     one record (JSON) per line, byte-exact as received,\n"
                + "                     sorted by received_nanos then id (gzip, possibly several\n"
                + "                     concatenated members: gzip -dc reads them as one file)\n"
                + "\n"
                + "Verify with OpenSSL alone (in this directory)\n"
                + "1. Signature:\n"
                + "   openssl dgst -sha256 -verify signer-public.pem -signature manifest.sig"
                + " manifest.json\n"
                + "   The key must be the first certificate's, and that certificate one you trust:\n"
                + "   openssl x509 -in signer-chain.pem -pubkey -noout | diff - signer-public.pem\n"
                + "   openssl x509 -in signer-chain.pem -outform DER | openssl dgst -sha256\n"
                + "     (= signer.certificate_sha256 in manifest.json)\n"
                + "   openssl verify -CAfile YOUR-TRUSTED-CA.pem -untrusted signer-chain.pem"
                + " signer-chain.pem\n"
                + "2. Time stamp (missing while the day is pending):\n"
                + "   openssl ts -verify -data manifest.json -in manifest.tsr -CAfile tsa-chain.pem"
                + " -untrusted tsa-chain.pem\n"
                + "   openssl ts -reply -in manifest.tsr -text     (shows the time)\n"
                + "   For real trust use the TSA's CA you obtained yourself as -CAfile.\n"
                + "3. Files: for each device in manifest.json\n"
                + "   sha256sum devices/DEVICE/records.jsonl.gz                 (= stored_sha256)\n"
                + "   gzip -dc devices/DEVICE/records.jsonl.gz | sha256sum      (= sha256)\n"
                + "   gzip -dc devices/DEVICE/records.jsonl.gz | wc -l          (= records)\n"
                + "4. Chain to the previous sealed day:\n"
                + prev
                + "5. Everything, including the Merkle roots and record order:\n"
                + "   logmaster verify <this directory> --trust-signer CA.pem --trust-tsa TSA-CA.pem\n";
    }
}
