package io.logmaster.compliance.verify;

import io.logmaster.compliance.SealFixture;
import io.logmaster.compliance.pki.Pem;
import io.logmaster.compliance.seal.DayResult;
import io.logmaster.compliance.seal.DaySealer;
import io.logmaster.compliance.seal.SealSettings;
import io.logmaster.compliance.testing.OpenSsl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static io.logmaster.compliance.SealFixture.ZONE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end inside the module: daily files of two days and two devices, sealed with the real
 * signer and the built-in TSA, verified, then tampered with in every way the verifier must name.
 */
class SealVerifierTest {
    private static final LocalDate DAY1 = LocalDate.of(2026, 11, 28);
    private static final LocalDate DAY2 = LocalDate.of(2026, 11, 29);
    private static final String DEVICE = "10.1.2.3";

    @TempDir static Path tmp;
    static SealFixture fx;
    static Path sealed;
    static List<String> day2Lines;

    @BeforeAll
    static void sealTwoDays() throws Exception {
        fx = new SealFixture(tmp);
        Path data = tmp.resolve("data");
        SealFixture.writeDay(data, DAY1, DEVICE, 200, 2, 1);
        SealFixture.writeDay(data, DAY1, "10.9.9.9", 50, 1, 2);
        day2Lines = SealFixture.writeDay(data, DAY2, DEVICE, 300, 3, 3);
        SealFixture.writeDay(data, DAY2, "10.9.9.9", 60, 2, 4);
        DaySealer sealer =
                new DaySealer(
                        new SealSettings(
                                data,
                                ZONE,
                                Duration.ofMinutes(15),
                                Clock.fixed(
                                        DAY2.plusDays(1)
                                                .atStartOfDay(ZONE)
                                                .toInstant()
                                                .plusSeconds(3600),
                                        ZONE)),
                        fx.signer,
                        fx.stamper,
                        List.of(fx.pki.rootCertificate()));
        List<DayResult> results = sealer.sealClosedDays();
        assertThat(results).extracting(DayResult::state).containsOnly(DayResult.State.SEALED);
        sealed = data.resolve("archive/sealed");
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    private Trust realTrust() {
        return new Trust(List.of(fx.pki.rootCertificate()), List.of(fx.pki.rootCertificate()));
    }

    /** A fresh copy of both sealed days to tamper with. */
    private Path copy(String name) throws Exception {
        Path root = tmp.resolve("tamper-" + name);
        SealFixture.copyTree(sealed, root);
        return root;
    }

    @Test
    void untouchedDaysVerifyWithTrustAnchorsAndWithBundleCertificates() throws Exception {
        VerificationReport report =
                new SealVerifier().verify(sealed.resolve(DAY2.toString()), realTrust(), null);
        assertThat(report.failures()).isEmpty();
        assertThat(report.passed()).isTrue();
        assertThat(report.render())
                .contains("OK   chain: links to 2026-11-28")
                .contains("OK   10.1.2.3: 300 record(s)")
                .contains("OK   manifest.sig: signature valid (SHA256withECDSA)")
                .contains("VERDICT: VERIFIED")
                .doesNotContain("untrusted");

        VerificationReport bundle =
                new SealVerifier()
                        .verify(sealed.resolve(DAY1.toString()), Trust.bundleOnly(), null);
        assertThat(bundle.passed()).as(bundle.render()).isTrue();
        assertThat(bundle.warnings())
                .anyMatch(
                        w -> w.startsWith("untrusted: using certificates from the bundle itself"));
        assertThat(bundle.render()).contains("chain: first sealed day");
    }

    @Test
    void aForeignTrustAnchorFailsTheSignerCheck() throws Exception {
        try (SealFixture other = new SealFixture(tmp.resolve("other-pki"))) {
            Trust wrong =
                    new Trust(
                            List.of(other.pki.rootCertificate()),
                            List.of(fx.pki.rootCertificate()));
            VerificationReport r =
                    new SealVerifier().verify(sealed.resolve(DAY1.toString()), wrong, null);
            assertThat(r.failures())
                    .containsExactly("signer certificate: does not chain to any trust anchor");
        }
    }

    @Test
    void opensslAloneVerifiesSignatureAndTimeStamp() throws Exception {
        Path day = sealed.resolve(DAY2.toString());
        OpenSsl.Result sig =
                OpenSsl.run(
                        day,
                        "dgst",
                        "-sha256",
                        "-verify",
                        "signer-public.pem",
                        "-signature",
                        "manifest.sig",
                        "manifest.json");
        assertThat(sig.exitCode()).as(sig.output()).isZero();
        assertThat(sig.output()).contains("Verified OK");
        OpenSsl.Result ts =
                OpenSsl.run(
                        day,
                        "ts",
                        "-verify",
                        "-data",
                        "manifest.json",
                        "-in",
                        "manifest.tsr",
                        "-CAfile",
                        "tsa-chain.pem",
                        "-untrusted",
                        "tsa-chain.pem");
        assertThat(ts.exitCode()).as(ts.output()).isZero();
        assertThat(ts.output()).contains("Verification: OK");
        Files.writeString(day.getParent().resolve("evil.json"), "{}");
        OpenSsl.Result bad =
                OpenSsl.run(
                        day,
                        "ts",
                        "-verify",
                        "-data",
                        "../evil.json",
                        "-in",
                        "manifest.tsr",
                        "-CAfile",
                        "tsa-chain.pem",
                        "-untrusted",
                        "tsa-chain.pem");
        assertThat(bad.exitCode()).isNotZero();
    }

    @Test
    void namesAByteFlippedInAStoredFile() throws Exception {
        Path day = copy("flip").resolve(DAY2.toString());
        Path file = day.resolve("devices/10.1.2.3/records.jsonl.gz");
        byte[] b = Files.readAllBytes(file);
        b[b.length / 2] ^= 0x01;
        Files.write(file, b);

        List<String> failures = new SealVerifier().verify(day, realTrust(), null).failures();

        assertThat(failures)
                .anyMatch(
                        f ->
                                f.startsWith(
                                        "devices/10.1.2.3/records.jsonl.gz: sha256 mismatch"
                                                + " (manifest "));
        assertThat(failures).noneMatch(f -> f.startsWith("10.9.9.9"));
    }

    @Test
    void namesADeletedRecord() throws Exception {
        Path day = copy("delete").resolve(DAY2.toString());
        List<String> lines = new ArrayList<>(day2Lines);
        lines.remove(17);
        rewrite(day, lines);

        List<String> failures = new SealVerifier().verify(day, realTrust(), null).failures();

        assertThat(failures)
                .contains("10.1.2.3: record count mismatch (manifest 300, file 299)")
                .anyMatch(f -> f.startsWith("10.1.2.3: merkle root mismatch (manifest "))
                .anyMatch(
                        f ->
                                f.startsWith(
                                        "devices/10.1.2.3/records.jsonl.gz: content sha256"
                                                + " mismatch"));
    }

    @Test
    void namesTwoSwappedRecords() throws Exception {
        Path day = copy("swap").resolve(DAY2.toString());
        List<String> lines = new ArrayList<>(day2Lines);
        int i = 40;
        while (lines.get(i).substring(0, 60).equals(lines.get(i + 1).substring(0, 60))) {
            i++;
        }
        String t = lines.get(i);
        lines.set(i, lines.get(i + 1));
        lines.set(i + 1, t);
        rewrite(day, lines);

        List<String> failures = new SealVerifier().verify(day, realTrust(), null).failures();

        assertThat(failures)
                .contains("10.1.2.3: records out of order at line " + (i + 2))
                .anyMatch(f -> f.startsWith("10.1.2.3: merkle root mismatch"));
    }

    @Test
    void namesADayDirectoryHoldingAnotherDaysFiles() throws Exception {
        Path root = copy("swapday");
        Path day2 = root.resolve(DAY2.toString());
        io.logmaster.compliance.seal.DaySealerAccess.deleteTree(day2);
        SealFixture.copyTree(root.resolve(DAY1.toString()), day2);

        List<String> failures = new SealVerifier().verify(day2, realTrust(), null).failures();

        assertThat(failures)
                .contains("day mismatch: manifest says 2026-11-28, directory is 2026-11-29");
    }

    @Test
    void namesABrokenChainLink() throws Exception {
        Path root = copy("chain");
        Path m1 = root.resolve(DAY1 + "/manifest.json");
        byte[] b = Files.readAllBytes(m1);
        Files.write(m1, Arrays.copyOf(b, b.length - 1)); // still the file, not the same bytes

        List<String> failures =
                new SealVerifier()
                        .verify(root.resolve(DAY2.toString()), realTrust(), null)
                        .failures();

        assertThat(failures)
                .anyMatch(
                        f ->
                                f.startsWith(
                                        "chain: previous manifest sha256 mismatch for 2026-11-28"));
    }

    @Test
    void namesATokenTakenFromAnotherManifest() throws Exception {
        Path root = copy("token");
        Files.copy(
                root.resolve(DAY1 + "/manifest.tsr"),
                root.resolve(DAY2 + "/manifest.tsr"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        List<String> failures =
                new SealVerifier()
                        .verify(root.resolve(DAY2.toString()), realTrust(), null)
                        .failures();

        assertThat(failures).contains("manifest.tsr: imprint does not match manifest.json");
        assertThat(failures).contains("manifest.tst: is not the token of manifest.tsr");
    }

    @Test
    void namesABadSignatureAndAnEditedManifest() throws Exception {
        Path root = copy("sig");
        Path day = root.resolve(DAY2.toString());
        byte[] sig = Files.readAllBytes(day.resolve("manifest.sig"));
        sig[sig.length - 3] ^= 0x10;
        Files.write(day.resolve("manifest.sig"), sig);
        assertThat(new SealVerifier().verify(day, realTrust(), null).failures())
                .contains("manifest.sig: signature invalid");

        String m = Files.readString(day.resolve("manifest.json"));
        Files.writeString(
                day.resolve("manifest.json"), m.replace("\"records\":300", "\"records\":301"));
        List<String> failures = new SealVerifier().verify(day, realTrust(), null).failures();
        assertThat(failures)
                .contains("10.1.2.3: record count mismatch (manifest 301, file 300)")
                .contains("manifest.tsr: imprint does not match manifest.json")
                .contains("manifest.sig: signature invalid");
    }

    @Test
    void namesAFileNotInTheManifest() throws Exception {
        Path day = copy("extra").resolve(DAY2.toString());
        Files.createDirectories(day.resolve("devices/6.6.6.6"));
        Files.writeString(day.resolve("devices/6.6.6.6/records.jsonl.gz"), "x");
        assertThat(new SealVerifier().verify(day, realTrust(), null).failures())
                .containsExactly("devices/6.6.6.6/records.jsonl.gz: not listed in manifest.json");
    }

    @Test
    void provesASingleRecordAndRejectsAnAlteredOne() throws Exception {
        Path day = sealed.resolve(DAY2.toString());
        String line = day2Lines.get(123);
        String id = line.substring(7, 43);

        RecordProof proof = RecordProofs.export(day, id).orElseThrow();

        assertThat(proof.device()).isEqualTo(DEVICE);
        assertThat(proof.index()).isEqualTo(123);
        assertThat(proof.treeSize()).isEqualTo(300);
        assertThat(proof.record()).isEqualTo(line);
        RecordProof parsed = RecordProof.parse(proof.toJson());
        VerificationReport ok = RecordProofs.verify(parsed, realTrust());
        assertThat(ok.failures()).isEmpty();
        assertThat(ok.render()).contains("inclusion: record is leaf 123 of 300");

        RecordProof altered =
                new RecordProof(
                        parsed.format(),
                        parsed.day(),
                        parsed.device(),
                        parsed.index(),
                        parsed.treeSize(),
                        line.replace("message", "massage"),
                        null,
                        parsed.auditPath(),
                        parsed.merkleRoot(),
                        parsed.manifest(),
                        parsed.signature(),
                        parsed.timeStampResponse(),
                        parsed.signerChainPem(),
                        parsed.tsaChainPem());
        assertThat(RecordProofs.verify(altered, realTrust()).failures())
                .containsExactly("inclusion: audit path does not lead from the record to the root");
        assertThat(RecordProofs.export(day, "no-such-id")).isEmpty();
    }

    @Test
    void trustAnchorsCanBeReadFromPem() throws Exception {
        Path pem = tmp.resolve("root.pem");
        Files.writeString(pem, Pem.certificates(List.of(fx.pki.rootCertificate())));
        assertThat(Pem.readCertificates(pem)).containsExactly(fx.pki.rootCertificate());
    }

    private static void rewrite(Path day, List<String> lines) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        Files.write(day.resolve("devices/10.1.2.3/records.jsonl.gz"), out.toByteArray());
    }
}
