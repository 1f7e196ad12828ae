package io.logmaster.api.compliance;

import io.logmaster.api.error.InvalidParameterException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * An auditor bundle: the sealed days of a date range, each day's directory copied as-is under
 * {@code <day>/}, plus a top-level README.txt on verifying them with OpenSSL alone. {@link #plan}
 * decides what goes in (reading only manifests and directory listings); {@link #writeTo} streams
 * the zip with constant memory.
 */
final class AuditorBundle {

    static final String MANIFEST = "manifest.json";
    static final String DEVICES = "devices";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * A sealed day of the bundle.
     *
     * @param devices the manifest's device names, empty if the manifest is unreadable
     * @param files the files to include, relative to {@code dir} with '/' separators, sorted
     * @param stamped whether the day has its time-stamp response (else it is pending)
     * @param manifestReadable whether manifest.json parsed as a seal manifest
     */
    record SealedDay(
            LocalDate day,
            Path dir,
            List<String> devices,
            List<String> files,
            boolean stamped,
            boolean manifestReadable) {}

    private final LocalDate from;
    private final LocalDate to;
    private final String device;
    private final List<SealedDay> sealed;
    private final List<LocalDate> missing;

    private AuditorBundle(
            LocalDate from,
            LocalDate to,
            String device,
            List<SealedDay> sealed,
            List<LocalDate> missing) {
        this.from = from;
        this.to = to;
        this.device = device;
        this.sealed = List.copyOf(sealed);
        this.missing = List.copyOf(missing);
    }

    /**
     * Decides the content of the bundle of {@code [from, to]}.
     *
     * @param device only this device's files, or null for all; must be listed in the manifest of at
     *     least one sealed day of the range
     * @throws InvalidParameterException naming {@code device} if no sealed day of the range lists
     *     it
     */
    static AuditorBundle plan(Path sealedRoot, LocalDate from, LocalDate to, String device)
            throws IOException {
        List<SealedDay> sealed = new ArrayList<>();
        List<LocalDate> missing = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            // The directory name comes from a parsed date, never from request text.
            Path dir = sealedRoot.resolve(d.toString());
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)
                    || !Files.isRegularFile(dir.resolve(MANIFEST), LinkOption.NOFOLLOW_LINKS)) {
                missing.add(d);
                continue;
            }
            List<String> devices = manifestDevices(dir.resolve(MANIFEST));
            sealed.add(
                    new SealedDay(
                            d,
                            dir,
                            devices == null ? List.of() : devices,
                            files(dir),
                            Files.isRegularFile(
                                    dir.resolve("manifest.tsr"), LinkOption.NOFOLLOW_LINKS),
                            devices != null));
        }
        if (device != null) {
            if (sealed.stream().noneMatch(s -> s.devices().contains(device))) {
                throw new InvalidParameterException(
                        "device",
                        "'device' is not a device of any sealed day from "
                                + from
                                + " to "
                                + to
                                + ".");
            }
            List<SealedDay> filtered = new ArrayList<>();
            String prefix = DEVICES + "/" + device + "/";
            for (SealedDay s : sealed) {
                List<String> kept =
                        s.files().stream()
                                .filter(f -> !f.startsWith(DEVICES + "/") || f.startsWith(prefix))
                                .toList();
                filtered.add(
                        new SealedDay(
                                s.day(),
                                s.dir(),
                                s.devices(),
                                kept,
                                s.stamped(),
                                s.manifestReadable()));
            }
            sealed = filtered;
        }
        return new AuditorBundle(from, to, device, sealed, missing);
    }

    /** The {@code device} values of the manifest, or null if it is not a readable manifest. */
    private static List<String> manifestDevices(Path manifest) throws IOException {
        try {
            JsonNode devices = JSON.readTree(Files.readAllBytes(manifest)).get("devices");
            if (devices == null || !devices.isArray()) {
                return null;
            }
            Set<String> names = new LinkedHashSet<>();
            for (JsonNode d : devices) {
                JsonNode name = d.get("device");
                if (name != null && name.isString()) {
                    names.add(name.asString());
                }
            }
            return List.copyOf(names);
        } catch (JacksonException e) {
            return null;
        }
    }

    /** Every regular file under {@code dir} (symbolic links are neither followed nor included). */
    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .sorted(Comparator.naturalOrder())
                    .toList();
        }
    }

    List<SealedDay> sealed() {
        return sealed;
    }

    List<LocalDate> missing() {
        return missing;
    }

    /** The download's file name. */
    String fileName() {
        return "logmaster-bundle-" + from + "-" + to + ".zip";
    }

    /** Streams the zip: README.txt first, then each sealed day's files under {@code <day>/}. */
    void writeTo(OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        zip.putNextEntry(new ZipEntry("README.txt"));
        zip.write(readme().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        for (SealedDay s : sealed) {
            for (String file : s.files()) {
                // Already compressed files are only stored quickly.
                zip.setLevel(
                        file.endsWith(".gz") ? Deflater.BEST_SPEED : Deflater.DEFAULT_COMPRESSION);
                ZipEntry entry = new ZipEntry(s.day() + "/" + file);
                Path path = s.dir().resolve(file);
                entry.setLastModifiedTime(Files.getLastModifiedTime(path));
                zip.putNextEntry(entry);
                Files.copy(path, zip);
                zip.closeEntry();
            }
        }
        zip.finish();
        out.flush();
    }

    /** The top-level README.txt. */
    String readme() {
        StringBuilder sb = new StringBuilder();
        sb.append("LogMaster auditor bundle: sealed days ")
                .append(from)
                .append(" to ")
                .append(to)
                .append(device == null ? " (all devices)\n" : " (device " + device + " only)\n")
                .append("\n");
        sb.append("Sealed days in this bundle (").append(sealed.size()).append("):\n");
        if (sealed.isEmpty()) {
            sb.append("  none\n");
        }
        for (SealedDay s : sealed) {
            sb.append("  ").append(s.day());
            if (!s.stamped()) {
                sb.append("  PENDING: no time stamp yet (no manifest.tsr), seal only");
            }
            if (!s.manifestReadable()) {
                sb.append("  WARNING: manifest.json is not a readable seal manifest");
            } else if (device != null && !s.devices().contains(device)) {
                sb.append("  (no records of device ").append(device).append(" that day)");
            }
            sb.append('\n');
        }
        sb.append("\nMissing days, NOT sealed, so not in this bundle (")
                .append(missing.size())
                .append("):\n");
        if (missing.isEmpty()) {
            sb.append("  none\n");
        }
        for (LocalDate d : missing) {
            sb.append("  ").append(d).append("  missing: not sealed\n");
        }
        if (device != null) {
            sb.append("\nDevice filter: only devices/")
                    .append(device)
                    .append("/ of each day is included. The files of other devices are")
                    .append(" omitted;\nmanifest.json is whole and still lists their names,")
                    .append(" sizes and SHA-256 hashes,\nso the signature and time stamp")
                    .append(" verify unchanged.\n");
        }
        sb.append(
                """

                Each day's directory DAY/ holds exactly the files of the sealed day (see
                DAY/README.txt): manifest.json (canonical JSON listing every device file with
                size and SHA-256), manifest.sig (detached signature), manifest.tsr (RFC 3161
                time-stamp response), manifest.tst (the token alone), signer-chain.pem,
                signer-public.pem, tsa-chain.pem, and devices/DEVICE/records.jsonl.gz.

                Verify each day with OpenSSL and coreutils alone (from this directory):

                1. Signature over the manifest:
                   openssl dgst -sha256 -verify DAY/signer-public.pem \\
                     -signature DAY/manifest.sig DAY/manifest.json
                   -> "Verified OK". Check that the key is that of a certificate you trust:
                   openssl verify -CAfile YOUR-TRUSTED-CA.pem -untrusted DAY/signer-chain.pem \\
                     DAY/signer-chain.pem

                2. Trusted time stamp over the manifest (ROOT-CA.pem: the TSA's root CA,
                   obtained by yourself, not from this bundle):
                   openssl ts -verify -data DAY/manifest.json -in DAY/manifest.tsr \\
                     -CAfile ROOT-CA.pem -untrusted DAY/tsa-chain.pem
                   -> "Verification: OK". The time:  openssl ts -reply -in DAY/manifest.tsr -text

                3. Files against the manifest, for each device in DAY/manifest.json:
                   sha256sum DAY/devices/DEVICE/records.jsonl.gz           (= stored_sha256)
                   gzip -dc DAY/devices/DEVICE/records.jsonl.gz | sha256sum (= sha256)
                   gzip -dc DAY/devices/DEVICE/records.jsonl.gz | wc -l     (= records)

                4. Read the records (one JSON object per line, byte-exact as received):
                   gzip -dc DAY/devices/DEVICE/records.jsonl.gz

                5. Chain of days: "previous" in DAY/manifest.json holds the day and the
                   manifest_sha256 of the previous sealed day. For consecutive days A < B:
                   sha256sum A/manifest.json   must equal B's previous.manifest_sha256
                   A day cannot be altered, removed or swapped without breaking the signature
                   and time stamp of the day after it. "previous": null marks the first seal.

                Everything, including the Merkle roots and record order, is also checked by:
                   logmaster verify DAY --trust-signer CA.pem --trust-tsa TSA-CA.pem
                """);
        return sb.toString();
    }
}
