package io.logmaster.compliance.verify;

import io.logmaster.compliance.manifest.Manifest;
import io.logmaster.compliance.manifest.Manifest.DeviceEntry;
import io.logmaster.compliance.manifest.RecordKey;
import io.logmaster.compliance.manifest.SealedDayLayout;
import io.logmaster.compliance.merkle.MerkleTree;
import io.logmaster.compliance.merkle.Sha256;
import io.logmaster.event.EcsJson;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/** Exports a {@link RecordProof} for one event id of a sealed day, and verifies one offline. */
public final class RecordProofs {
    private RecordProofs() {}

    /**
     * Finds the record with {@code eventId} in the day's device files and builds its proof.
     *
     * @return empty if no record of the day has that id
     */
    public static Optional<RecordProof> export(Path day, String eventId) throws IOException {
        byte[] manifestBytes = Files.readAllBytes(day.resolve(SealedDayLayout.MANIFEST));
        Manifest manifest;
        try {
            manifest = Manifest.parse(manifestBytes);
        } catch (Manifest.ManifestFormatException e) {
            throw new IOException(day + ": " + e.getMessage(), e);
        }
        RecordKey key = new RecordKey();
        for (DeviceEntry d : manifest.devices()) {
            MerkleTree.Builder tree = new MerkleTree.Builder();
            long found = -1;
            byte[] foundLine = null;
            long index = 0;
            try (InputStream in =
                    new GZIPInputStream(
                            new BufferedInputStream(Files.newInputStream(day.resolve(d.file()))),
                            1 << 16)) {
                byte[] line = new byte[64 * 1024];
                int len = 0;
                for (int b = in.read(); b >= 0; b = in.read()) {
                    if (b != '\n') {
                        if (len == line.length) {
                            line = Arrays.copyOf(line, len * 2);
                        }
                        line[len++] = (byte) b;
                        continue;
                    }
                    tree.addLeaf(line, 0, len);
                    if (found < 0 && key.parse(line, 0, len) && key.id().equals(eventId)) {
                        found = index;
                        foundLine = Arrays.copyOf(line, len);
                    }
                    index++;
                    len = 0;
                }
            }
            if (found < 0) {
                continue;
            }
            MerkleTree t = tree.build();
            String text = strictUtf8(foundLine);
            return Optional.of(
                    new RecordProof(
                            RecordProof.FORMAT,
                            manifest.day(),
                            d.device(),
                            found,
                            t.size(),
                            text,
                            text == null ? Base64.getEncoder().encodeToString(foundLine) : null,
                            t.inclusionProof((int) found).stream().map(Sha256::hex).toList(),
                            Sha256.hex(t.root()),
                            b64(manifestBytes),
                            b64(
                                    SignatureChecks.readIfExists(
                                            day.resolve(SealedDayLayout.SIGNATURE))),
                            b64(
                                    SignatureChecks.readIfExists(
                                            day.resolve(SealedDayLayout.TIME_STAMP_RESPONSE))),
                            ascii(
                                    SignatureChecks.readIfExists(
                                            day.resolve(SealedDayLayout.SIGNER_CHAIN))),
                            ascii(
                                    SignatureChecks.readIfExists(
                                            day.resolve(SealedDayLayout.TSA_CHAIN)))));
        }
        return Optional.empty();
    }

    /** Checks the proof: inclusion in the device's tree, manifest, signature and time stamp. */
    public static VerificationReport verify(RecordProof proof, Trust trust) {
        VerificationReport report = new VerificationReport();
        if (!RecordProof.FORMAT.equals(proof.format())) {
            report.fail("format: '" + proof.format() + "' is not " + RecordProof.FORMAT);
        }
        byte[] manifestBytes;
        Manifest manifest;
        try {
            manifestBytes = Base64.getDecoder().decode(proof.manifest());
            manifest = Manifest.parse(manifestBytes);
        } catch (IllegalArgumentException | Manifest.ManifestFormatException e) {
            report.fail("manifest: unreadable: " + e.getMessage());
            return report;
        }
        if (!manifest.day().equals(proof.day())) {
            report.fail(
                    "day mismatch: manifest says "
                            + manifest.day()
                            + ", proof says "
                            + proof.day());
        }
        byte[] leaf =
                proof.record() != null
                        ? proof.record().getBytes(StandardCharsets.UTF_8)
                        : Base64.getDecoder().decode(proof.recordB64());
        Optional<DeviceEntry> entry =
                manifest.devices().stream()
                        .filter(d -> d.device().equals(proof.device()))
                        .findFirst();
        if (entry.isEmpty()) {
            report.fail(proof.device() + ": device not in the manifest");
        } else {
            DeviceEntry d = entry.get();
            if (d.merkleRoot().equals(proof.merkleRoot()) && d.records() == proof.treeSize()) {
                report.ok(
                        proof.device()
                                + ": root and tree size ("
                                + d.records()
                                + ") match the manifest");
            } else {
                report.fail(
                        proof.device()
                                + ": merkle root mismatch (manifest "
                                + d.merkleRoot()
                                + " of "
                                + d.records()
                                + " records, proof "
                                + proof.merkleRoot()
                                + " of "
                                + proof.treeSize()
                                + ")");
            }
        }
        try {
            List<byte[]> path = proof.auditPath().stream().map(Sha256::unhex).toList();
            if (MerkleTree.verifyInclusion(
                    leaf,
                    proof.index(),
                    proof.treeSize(),
                    path,
                    Sha256.unhex(proof.merkleRoot()))) {
                report.ok(
                        "inclusion: record is leaf "
                                + proof.index()
                                + " of "
                                + proof.treeSize()
                                + " under root "
                                + proof.merkleRoot());
            } else {
                report.fail("inclusion: audit path does not lead from the record to the root");
            }
        } catch (IllegalArgumentException e) {
            report.fail("inclusion: malformed hash: " + e.getMessage());
        }
        RecordKey key = new RecordKey();
        if (key.parse(leaf, 0, leaf.length)) {
            try {
                LocalDate received =
                        EcsJson.nanosToInstant(key.nanos())
                                .atZone(ZoneId.of(manifest.zone()))
                                .toLocalDate();
                if (received.equals(manifest.day())) {
                    report.ok("record " + key.id() + " received on " + received);
                } else {
                    report.fail(
                            "record "
                                    + key.id()
                                    + " received on "
                                    + received
                                    + ", not on "
                                    + manifest.day());
                }
            } catch (DateTimeException e) {
                report.fail("manifest: unknown zone '" + manifest.zone() + "'");
            }
        } else {
            report.warn("record has no id/received_nanos: " + key.error());
        }
        Instant stampTime =
                SignatureChecks.timeStamp(
                        report,
                        manifestBytes,
                        unb64(proof.timeStampResponse()),
                        null,
                        bytes(proof.tsaChainPem()),
                        trust.tsaAnchors());
        SignatureChecks.signature(
                report,
                manifest,
                manifestBytes,
                unb64(proof.signature()),
                proof.signerChainPem() == null ? new byte[0] : bytes(proof.signerChainPem()),
                null,
                trust.signerAnchors(),
                stampTime != null ? stampTime : manifest.sealedAt());
        return report;
    }

    private static String b64(byte[] b) {
        return b == null ? null : Base64.getEncoder().encodeToString(b);
    }

    private static byte[] unb64(String s) {
        return s == null ? null : Base64.getDecoder().decode(s);
    }

    private static String ascii(byte[] b) {
        return b == null ? null : new String(b, StandardCharsets.US_ASCII);
    }

    private static byte[] bytes(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.US_ASCII);
    }

    private static String strictUtf8(byte[] b) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
