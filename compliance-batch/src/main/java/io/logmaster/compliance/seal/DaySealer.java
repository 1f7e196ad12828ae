package io.logmaster.compliance.seal;

import io.logmaster.compliance.manifest.Manifest;
import io.logmaster.compliance.manifest.Manifest.DeviceEntry;
import io.logmaster.compliance.manifest.SealedDayLayout;
import io.logmaster.compliance.merkle.Sha256;
import io.logmaster.compliance.pki.Pem;
import io.logmaster.compliance.sign.ManifestSigner;
import io.logmaster.compliance.tsa.TimeStampUnavailableException;
import io.logmaster.compliance.tsa.TimeStamper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Seals closed days of daily files into {@code <data>/archive/sealed/YYYY-MM-DD/} (layout in {@link
 * SealedDayLayout}, contract in the module README): canonical gzip file and Merkle root per device,
 * manifest chained to the previous sealed day, detached signature, RFC 3161 time stamp. Everything
 * is built in {@code sealed/.YYYY-MM-DD.work/} and renamed into place in one atomic move. A sealed
 * day is never re-sealed; a day sealed while no TSA answered is "pending" and only gets its stamp
 * (over the unchanged manifest bytes) on a later run.
 */
public final class DaySealer {
    private static final Logger LOG = LoggerFactory.getLogger(DaySealer.class);

    private final SealSettings settings;
    private final ManifestSigner signer;
    private final TimeStamper stamper;
    private final List<X509Certificate> tsaIssuers;

    /**
     * @param tsaIssuers certificates added to {@code tsa-chain.pem} after those carried in the
     *     token (e.g. the CA of the TSA certificate), may be empty
     */
    public DaySealer(
            SealSettings settings,
            ManifestSigner signer,
            TimeStamper stamper,
            List<X509Certificate> tsaIssuers) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.stamper = Objects.requireNonNull(stamper, "stamper");
        this.tsaIssuers = List.copyOf(tsaIssuers);
        if (signer.certificateChain().isEmpty()) {
            throw new IllegalArgumentException("manifest signer has no certificate");
        }
    }

    public DaySealer(SealSettings settings, ManifestSigner signer, TimeStamper stamper) {
        this(settings, signer, stamper, List.of());
    }

    /** True once now is past the end of {@code day} in the zone plus the grace period. */
    public boolean isClosed(LocalDate day) {
        return settings.clock().instant().isAfter(closesAt(day));
    }

    private Instant closesAt(LocalDate day) {
        return day.plusDays(1).atStartOfDay(settings.zone()).toInstant().plus(settings.grace());
    }

    /**
     * Seals every closed day that has daily files and no seal yet, oldest first (so each links to
     * the one before), and retries the stamp of pending days. Stops sealing at the first failed
     * day: a later day must not chain past a gap.
     */
    public List<DayResult> sealClosedDays() {
        TreeSet<LocalDate> days = new TreeSet<>();
        days.addAll(dayDirs(settings.liveDir()));
        days.addAll(dayDirs(settings.sealedDir()));
        List<DayResult> results = new ArrayList<>();
        for (LocalDate day : days) {
            if (!isClosed(day)) {
                break;
            }
            DayResult r = sealOrRestamp(day);
            results.add(r);
            if (r.state() == DayResult.State.FAILED) {
                LOG.error("Sealing stopped at {}: {}", day, r.reason());
                break;
            }
        }
        return results;
    }

    /**
     * Seals one day (or adds the missing stamp of a pending one).
     *
     * @throws IllegalStateException if the day is not closed yet
     */
    public DayResult seal(LocalDate day) {
        if (!isClosed(day)) {
            throw new IllegalStateException(
                    "day "
                            + day
                            + " is not closed yet: it ends at "
                            + day.plusDays(1).atStartOfDay(settings.zone())
                            + ", sealing is allowed after "
                            + closesAt(day)
                            + " (grace "
                            + settings.grace()
                            + ")");
        }
        return sealOrRestamp(day);
    }

    private DayResult sealOrRestamp(LocalDate day) {
        Path sealed = settings.sealedDir().resolve(day.toString());
        try {
            if (Files.isDirectory(sealed)) {
                if (Files.exists(sealed.resolve(SealedDayLayout.TIME_STAMP_RESPONSE))) {
                    return DayResult.skipped(day, "already sealed");
                }
                return restamp(day, sealed);
            }
            Path live = settings.liveDir().resolve(day.toString());
            if (!Files.isDirectory(live)) {
                return DayResult.failed(day, "no daily files: " + live + " does not exist");
            }
            return sealNew(day, live, sealed);
        } catch (IOException | RuntimeException e) {
            LOG.error("Sealing {} failed", day, e);
            return DayResult.failed(day, describe(e));
        }
    }

    private static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (sb.length() > 0) {
                sb.append(": ");
            }
            sb.append(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
        }
        return sb.toString();
    }

    private DayResult sealNew(LocalDate day, Path live, Path sealed) throws IOException {
        long started = System.nanoTime();
        Files.createDirectories(settings.sealedDir());
        Path work = settings.sealedDir().resolve("." + day + ".work");
        if (Files.exists(work)) {
            LOG.warn("Discarding leftover {} of an interrupted run", work);
            deleteTree(work);
        }
        Files.createDirectories(work.resolve(SealedDayLayout.DEVICES));

        List<DeviceEntry> entries = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads, DaySealer::daemon);
        try {
            DeviceSealer deviceSealer = new DeviceSealer(pool, threads, day, settings.zone());
            for (Path deviceDir : sortedChildren(live, true)) {
                String device = deviceDir.getFileName().toString();
                List<Path> parts = sortedChildren(deviceDir, false);
                if (parts.isEmpty()) {
                    warnings.add(device + ": no committed part file, device left out");
                    continue;
                }
                Path dir = work.resolve(SealedDayLayout.DEVICES).resolve(device);
                Files.createDirectories(dir);
                DeviceSealer.Result r =
                        deviceSealer.seal(device, parts, dir.resolve(SealedDayLayout.RECORDS_FILE));
                entries.add(r.entry());
                warnings.addAll(r.warnings());
            }
        } finally {
            pool.shutdownNow();
        }

        Optional<Manifest.Previous> previous = previousSeal(day);
        X509Certificate cert = signer.certificateChain().get(0);
        long records = entries.stream().mapToLong(DeviceEntry::records).sum();
        Manifest manifest =
                new Manifest(
                        Manifest.FORMAT,
                        day,
                        settings.zone().getId(),
                        settings.clock().instant(),
                        previous.orElse(null),
                        entries,
                        new Manifest.Totals(entries.size(), records),
                        new Manifest.Signer(signer.algorithm(), Sha256.hex(Sha256.of(der(cert)))),
                        warnings);
        byte[] bytes = manifest.toCanonicalBytes();
        write(work.resolve(SealedDayLayout.MANIFEST), bytes);
        write(work.resolve(SealedDayLayout.SIGNATURE), signer.sign(bytes));
        writeText(
                work.resolve(SealedDayLayout.SIGNER_CHAIN),
                Pem.certificates(signer.certificateChain()));
        writeText(
                work.resolve(SealedDayLayout.SIGNER_PUBLIC_KEY),
                Pem.publicKey(cert.getPublicKey()));
        writeText(work.resolve(SealedDayLayout.README), SealReadme.text(manifest));
        String pendingReason = stampInto(work, bytes);
        fsyncDir(work);
        Files.move(work, sealed, StandardCopyOption.ATOMIC_MOVE);
        fsyncDir(settings.sealedDir());
        long millis = (System.nanoTime() - started) / 1_000_000;
        String summary =
                entries.size()
                        + " device(s), "
                        + records
                        + " record(s), "
                        + warnings.size()
                        + " warning(s), "
                        + millis
                        + " ms";
        if (pendingReason != null) {
            LOG.warn("Sealed {} WITHOUT time stamp (pending): {}; {}", day, pendingReason, summary);
            return DayResult.pending(day, pendingReason);
        }
        LOG.info("Sealed {}: {}", day, summary);
        return DayResult.sealed(day, summary);
    }

    private DayResult restamp(LocalDate day, Path sealed) throws IOException {
        byte[] bytes = Files.readAllBytes(sealed.resolve(SealedDayLayout.MANIFEST));
        String pendingReason = stampInto(sealed, bytes);
        if (pendingReason != null) {
            LOG.warn("Day {} still pending: {}", day, pendingReason);
            return DayResult.pending(day, pendingReason);
        }
        LOG.info("Day {} time-stamped on retry", day);
        return DayResult.sealed(day, "time-stamped on retry");
    }

    /**
     * Stamps the manifest and writes token, chain and (last, atomically) the response into {@code
     * dir}; returns null, or why no stamp was obtained.
     */
    private String stampInto(Path dir, byte[] manifest) throws IOException {
        TimeStamper.Stamp stamp;
        try {
            stamp = stamper.stamp(Sha256.of(manifest));
        } catch (TimeStampUnavailableException e) {
            return describe(e);
        }
        List<X509Certificate> chain = new ArrayList<>(TokenCertificates.of(stamp.tokenDer()));
        for (X509Certificate issuer : tsaIssuers) {
            if (!chain.contains(issuer)) {
                chain.add(issuer);
            }
        }
        replace(dir, SealedDayLayout.TIME_STAMP_TOKEN, stamp.tokenDer());
        if (!chain.isEmpty()) {
            replace(
                    dir,
                    SealedDayLayout.TSA_CHAIN,
                    Pem.certificates(chain).getBytes(StandardCharsets.US_ASCII));
        }
        replace(dir, SealedDayLayout.TIME_STAMP_RESPONSE, stamp.responseDer());
        fsyncDir(dir);
        return null;
    }

    private Optional<Manifest.Previous> previousSeal(LocalDate day) throws IOException {
        Optional<LocalDate> prev =
                dayDirs(settings.sealedDir()).stream()
                        .filter(d -> d.isBefore(day))
                        .reduce((a, b) -> b);
        if (prev.isEmpty()) {
            return Optional.empty();
        }
        Path manifest =
                settings.sealedDir()
                        .resolve(prev.get().toString())
                        .resolve(SealedDayLayout.MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            throw new IOException("previous sealed day " + prev.get() + " has no " + manifest);
        }
        return Optional.of(
                new Manifest.Previous(
                        prev.get(), Sha256.hex(Sha256.of(Files.readAllBytes(manifest)))));
    }

    /** Sorted day directories (named YYYY-MM-DD, no dot prefix) under {@code root}. */
    static List<LocalDate> dayDirs(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        TreeSet<LocalDate> days = new TreeSet<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(root)) {
            for (Path p : ds) {
                if (Files.isDirectory(p)) {
                    SealedDayLayout.dayOf(p).ifPresent(days::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("listing " + root, e);
        }
        return new ArrayList<>(days);
    }

    /** Children not starting with '.', directories or regular files, sorted by name. */
    private static List<Path> sortedChildren(Path dir, boolean directories) throws IOException {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                if (p.getFileName().toString().startsWith(".")) {
                    continue; // in-progress files of the FileSink
                }
                if (directories ? Files.isDirectory(p) : Files.isRegularFile(p)) {
                    out.add(p);
                }
            }
        }
        out.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        return out;
    }

    private static byte[] der(X509Certificate cert) {
        try {
            return cert.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("encoding signer certificate", e);
        }
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        try (FileChannel ch =
                FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            java.nio.ByteBuffer bb = java.nio.ByteBuffer.wrap(bytes);
            while (bb.hasRemaining()) {
                ch.write(bb);
            }
            ch.force(true);
        }
    }

    private static void writeText(Path file, String text) throws IOException {
        write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code name} in {@code dir} through a temporary file and an atomic rename. */
    private static void replace(Path dir, String name, byte[] bytes) throws IOException {
        Path tmp = dir.resolve("." + name + ".tmp");
        Files.deleteIfExists(tmp);
        write(tmp, bytes);
        Files.move(
                tmp,
                dir.resolve(name),
                StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }

    private static void fsyncDir(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            LOG.debug("Directory fsync not supported for {}", dir, e);
        }
    }

    static void deleteTree(Path root) throws IOException {
        Files.walkFileTree(
                root,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                            throws IOException {
                        Files.delete(file);
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult postVisitDirectory(Path dir, IOException exc)
                            throws IOException {
                        if (exc != null) {
                            throw exc;
                        }
                        Files.delete(dir);
                        return FileVisitResult.CONTINUE;
                    }
                });
    }

    private static Thread daemon(Runnable r) {
        Thread t = new Thread(r, "seal-gzip");
        t.setDaemon(true);
        return t;
    }
}
