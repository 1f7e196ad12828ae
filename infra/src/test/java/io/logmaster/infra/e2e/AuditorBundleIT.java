package io.logmaster.infra.e2e;

import io.logmaster.compliance.ComplianceMain;
import io.logmaster.infra.stack.LocalStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auditor bundle on the real stack: a sealed day downloaded as admin through {@code GET
 * /api/v1/compliance/bundle} unzips into files that OpenSSL alone accepts ({@code openssl ts
 * -verify} against the stack's root CA, {@code openssl dgst -verify}), and the download is recorded
 * in {@code compliance_downloads}. The day sealed here is a drill day far in the future with one
 * hand-written daily file, so sealing it never pre-empts the seal of today that {@link SealDayIT}
 * checks, nor breaks the chain of real days (a later day links to it, none is linked from it).
 */
class AuditorBundleIT {
    private static final LocalDate DRILL_DAY = LocalDate.of(2099, 12, 31);
    private static final String DEVICE = "198.51.100.77";

    @TempDir Path tmp;

    @Test
    void bundleOfASealedDayVerifiesWithOpenSslAndIsAudited() throws Exception {
        LocalStack stack = SharedStack.get();
        ZoneId zone = stack.config().zone();
        Path root = stack.config().dirs().root();
        LocalDate day = DRILL_DAY;
        Path live = root.resolve("archive/live/" + day + "/" + DEVICE);
        Files.createDirectories(live);
        Instant at = ZonedDateTime.of(day.atTime(12, 0), zone).toInstant();
        long nanos = at.getEpochSecond() * 1_000_000_000L;
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            lines.add(
                    "{\"id\":\"bundle-drill-"
                            + i
                            + "\",\"received\":\""
                            + at.plusSeconds(i)
                            + "\",\"received_nanos\":"
                            + (nanos + i * 1_000_000_000L)
                            + ",\"peer\":\""
                            + DEVICE
                            + "\",\"peer_port\":514,\"transport\":\"udp\",\"listener_port\":514,"
                            + "\"gateway\":\"it\",\"raw\":\"<86>bundle drill "
                            + i
                            + "\"}");
        }
        Files.write(live.resolve("part-0-0.jsonl"), lines, StandardCharsets.UTF_8);

        Clock afterDayEnd =
                Clock.fixed(
                        ZonedDateTime.of(day.plusDays(1).atStartOfDay(), zone)
                                .plusMinutes(16)
                                .toInstant(),
                        zone);
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int code =
                ComplianceMain.run(
                        new String[] {"seal", "--day", day.toString()},
                        stack.config().componentEnv(),
                        new PrintStream(buf, true, StandardCharsets.UTF_8),
                        afterDayEnd);
        String output = buf.toString(StandardCharsets.UTF_8);
        System.out.println(output);
        assertThat(code).as(output).isZero();
        Path sealed = root.resolve("archive/sealed/" + day);
        assertThat(sealed.resolve("manifest.tsr")).isRegularFile();

        long before = downloads(stack, day);
        ApiClient admin =
                new ApiClient(stack.config().apiUrl(), "admin", SharedStack.ADMIN_PASSWORD);
        byte[] zip =
                admin.getBytes(
                        "/api/v1/compliance/bundle?from="
                                + day.minusDays(1)
                                + "&to="
                                + day
                                + "&device="
                                + DEVICE);
        assertThat(downloads(stack, day)).isEqualTo(before + 1);

        Path out = tmp.resolve("bundle");
        List<String> names = unzip(zip, out);
        String d = day.toString();
        assertThat(names)
                .contains(
                        "README.txt",
                        d + "/manifest.json",
                        d + "/manifest.sig",
                        d + "/manifest.tsr",
                        d + "/manifest.tst",
                        d + "/signer-public.pem",
                        d + "/tsa-chain.pem",
                        d + "/devices/" + DEVICE + "/records.jsonl.gz");
        // Every file as sealed, byte for byte.
        for (String name : names) {
            if (name.startsWith(d + "/")) {
                assertThat(out.resolve(name))
                        .hasSameBinaryContentAs(sealed.resolve(name.substring(d.length() + 1)));
            }
        }
        assertThat(Files.readString(out.resolve("README.txt")))
                .contains(day.minusDays(1) + "  missing: not sealed")
                .contains("device " + DEVICE + " only");

        Path rootCa = root.resolve("pki/root-ca.pem");
        assertThat(
                        OpenSsl.run(
                                out,
                                "ts",
                                "-verify",
                                "-data",
                                d + "/manifest.json",
                                "-in",
                                d + "/manifest.tsr",
                                "-CAfile",
                                rootCa.toString(),
                                "-untrusted",
                                d + "/tsa-chain.pem"))
                .contains("Verification: OK");
        assertThat(
                        OpenSsl.run(
                                out,
                                "dgst",
                                "-sha256",
                                "-verify",
                                d + "/signer-public.pem",
                                "-signature",
                                d + "/manifest.sig",
                                d + "/manifest.json"))
                .contains("Verified OK");
    }

    /** Rows of compliance_downloads for admin's bundle of exactly (day - 1, day). */
    private static long downloads(LocalStack stack, LocalDate day) throws Exception {
        try (Connection c =
                        DriverManager.getConnection(
                                stack.config().pgUrl(), "logmaster", stack.config().pgPassword());
                PreparedStatement ps =
                        c.prepareStatement(
                                "SELECT count(*) FROM compliance_downloads WHERE username = 'admin'"
                                        + " AND from_day = ? AND to_day = ? AND device = ?"
                                        + " AND days = 1 AND at > now() - interval '10 minutes'")) {
            ps.setObject(1, day.minusDays(1));
            ps.setObject(2, day);
            ps.setString(3, DEVICE);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static List<String> unzip(byte[] zip, Path to) throws Exception {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                Path target = to.resolve(e.getName()).normalize();
                assertThat(target).startsWithRaw(to);
                Files.createDirectories(target.getParent());
                Files.write(target, in.readAllBytes());
                names.add(e.getName());
            }
        }
        return names;
    }
}
