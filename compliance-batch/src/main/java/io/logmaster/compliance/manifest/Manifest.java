package io.logmaster.compliance.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The manifest of a sealed day ({@code manifest.json}, format {@value #FORMAT}): every device file
 * with its hashes, sizes and Merkle root, the link to the previous sealed day, the signer. {@link
 * #toCanonicalBytes()} is the exact signed and time-stamped form; {@link #parse(byte[])} reads it
 * back for verification.
 */
public record Manifest(
        String format,
        LocalDate day,
        String zone,
        Instant sealedAt,
        Previous previous,
        List<DeviceEntry> devices,
        Totals totals,
        Signer signer,
        List<String> warnings) {

    /** The format tag of this version. */
    public static final String FORMAT = "logmaster-seal/1";

    private static final ObjectMapper JSON = new ObjectMapper();

    public Manifest {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(sealedAt, "sealedAt");
        Objects.requireNonNull(totals, "totals");
        Objects.requireNonNull(signer, "signer");
        devices = List.copyOf(devices);
        warnings = List.copyOf(warnings);
    }

    /** The most recent earlier sealed day and the SHA-256 (hex) of its manifest.json bytes. */
    public record Previous(LocalDate day, String manifestSha256) {
        public Previous {
            Objects.requireNonNull(day, "previous.day");
            Objects.requireNonNull(manifestSha256, "previous.manifest_sha256");
        }
    }

    /**
     * One device's canonical file: {@code sha256}/{@code size} of the uncompressed canonical bytes,
     * {@code storedSha256}/{@code storedSize} of the .gz; first/last received are ISO instants or
     * null for a device without records.
     */
    public record DeviceEntry(
            String device,
            String file,
            long records,
            long size,
            String sha256,
            long storedSize,
            String storedSha256,
            String merkleRoot,
            String firstReceived,
            String lastReceived) {
        public DeviceEntry {
            Objects.requireNonNull(device, "device");
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(sha256, "sha256");
            Objects.requireNonNull(storedSha256, "stored_sha256");
            Objects.requireNonNull(merkleRoot, "merkle_root");
        }
    }

    /** Count of devices and records of the day. */
    public record Totals(long devices, long records) {}

    /** JCA signature algorithm and SHA-256 (hex) of the signing certificate's DER. */
    public record Signer(String algorithm, String certificateSha256) {
        public Signer {
            Objects.requireNonNull(algorithm, "signer.algorithm");
            Objects.requireNonNull(certificateSha256, "signer.certificate_sha256");
        }
    }

    /** The canonical JSON bytes (what is signed and time-stamped). */
    public byte[] toCanonicalBytes() {
        return CanonicalJson.toBytes(toMap());
    }

    /** The manifest as plain JSON values (maps, lists, strings, longs, null). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", format);
        m.put("day", day.toString());
        m.put("zone", zone);
        m.put("sealed_at", sealedAt.toString());
        if (previous == null) {
            m.put("previous", null);
        } else {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("day", previous.day().toString());
            p.put("manifest_sha256", previous.manifestSha256());
            m.put("previous", p);
        }
        List<Object> ds = new ArrayList<>();
        for (DeviceEntry d : devices) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("device", d.device());
            e.put("file", d.file());
            e.put("records", d.records());
            e.put("size", d.size());
            e.put("sha256", d.sha256());
            e.put("stored_size", d.storedSize());
            e.put("stored_sha256", d.storedSha256());
            e.put("merkle_root", d.merkleRoot());
            e.put("first_received", d.firstReceived());
            e.put("last_received", d.lastReceived());
            ds.add(e);
        }
        m.put("devices", ds);
        m.put("totals", Map.of("devices", totals.devices(), "records", totals.records()));
        m.put(
                "signer",
                Map.of(
                        "algorithm",
                        signer.algorithm(),
                        "certificate_sha256",
                        signer.certificateSha256()));
        m.put("warnings", new ArrayList<Object>(warnings));
        return m;
    }

    /**
     * Parses manifest bytes (not necessarily canonical: compare with {@link #toCanonicalBytes()} to
     * check that).
     *
     * @throws ManifestFormatException naming the missing or malformed field
     */
    public static Manifest parse(byte[] bytes) throws ManifestFormatException {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new ManifestFormatException("manifest.json is not valid JSON: " + e.getMessage());
        }
        if (!(root instanceof ObjectNode)) {
            throw new ManifestFormatException("manifest.json is not a JSON object");
        }
        JsonNode prev = field(root, "previous");
        Previous previous =
                prev.isNull()
                        ? null
                        : new Previous(date(prev, "day"), text(prev, "manifest_sha256"));
        List<DeviceEntry> devices = new ArrayList<>();
        JsonNode ds = field(root, "devices");
        if (!ds.isArray()) {
            throw new ManifestFormatException("manifest field 'devices' is not an array");
        }
        for (JsonNode d : ds) {
            devices.add(
                    new DeviceEntry(
                            text(d, "device"),
                            text(d, "file"),
                            number(d, "records"),
                            number(d, "size"),
                            text(d, "sha256"),
                            number(d, "stored_size"),
                            text(d, "stored_sha256"),
                            text(d, "merkle_root"),
                            textOrNull(d, "first_received"),
                            textOrNull(d, "last_received")));
        }
        JsonNode totals = field(root, "totals");
        JsonNode signer = field(root, "signer");
        List<String> warnings = new ArrayList<>();
        JsonNode ws = field(root, "warnings");
        if (!ws.isArray()) {
            throw new ManifestFormatException("manifest field 'warnings' is not an array");
        }
        ws.forEach(w -> warnings.add(w.asText()));
        Instant sealedAt;
        try {
            sealedAt = Instant.parse(text(root, "sealed_at"));
        } catch (DateTimeParseException e) {
            throw new ManifestFormatException("manifest field 'sealed_at' is not an ISO instant");
        }
        return new Manifest(
                text(root, "format"),
                date(root, "day"),
                text(root, "zone"),
                sealedAt,
                previous,
                devices,
                new Totals(number(totals, "devices"), number(totals, "records")),
                new Signer(text(signer, "algorithm"), text(signer, "certificate_sha256")),
                warnings);
    }

    private static JsonNode field(JsonNode node, String name) throws ManifestFormatException {
        JsonNode v = node == null ? null : node.get(name);
        if (v == null) {
            throw new ManifestFormatException("manifest field '" + name + "' is missing");
        }
        return v;
    }

    private static String text(JsonNode node, String name) throws ManifestFormatException {
        JsonNode v = field(node, name);
        if (!v.isTextual()) {
            throw new ManifestFormatException("manifest field '" + name + "' is not a string");
        }
        return v.asText();
    }

    private static String textOrNull(JsonNode node, String name) throws ManifestFormatException {
        JsonNode v = field(node, name);
        return v.isNull() ? null : text(node, name);
    }

    private static long number(JsonNode node, String name) throws ManifestFormatException {
        JsonNode v = field(node, name);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new ManifestFormatException("manifest field '" + name + "' is not an integer");
        }
        return v.asLong();
    }

    private static LocalDate date(JsonNode node, String name) throws ManifestFormatException {
        try {
            return LocalDate.parse(text(node, name));
        } catch (DateTimeParseException e) {
            throw new ManifestFormatException(
                    "manifest field '" + name + "' is not a date YYYY-MM-DD");
        }
    }

    /** The manifest bytes cannot be read as a manifest; the message names the field. */
    public static final class ManifestFormatException extends Exception {
        private static final long serialVersionUID = 1L;

        public ManifestFormatException(String message) {
            super(message);
        }
    }
}
