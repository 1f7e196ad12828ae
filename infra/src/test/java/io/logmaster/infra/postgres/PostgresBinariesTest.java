package io.logmaster.infra.postgres;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostgresBinariesTest {

    @TempDir Path dir;

    @Test
    void extractsFilesModesAndSymlinks() throws Exception {
        byte[] txz =
                txz(
                        tar -> {
                            dirEntry(tar, "bin/");
                            file(tar, "bin/postgres", 0755, "#!/bin/sh\n");
                            file(tar, "share/postgres.bki", 0644, "bki");
                            link(tar, "lib/libpq.so", "libpq.so.5");
                        });

        PostgresBinaries.extract(new ByteArrayInputStream(txz), dir);

        assertThat(dir.resolve("bin/postgres")).hasContent("#!/bin/sh");
        assertThat(Files.getPosixFilePermissions(dir.resolve("bin/postgres")))
                .contains(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OTHERS_EXECUTE);
        assertThat(Files.getPosixFilePermissions(dir.resolve("share/postgres.bki")))
                .doesNotContain(PosixFilePermission.OWNER_EXECUTE)
                .contains(PosixFilePermission.OTHERS_READ);
        assertThat(Files.isSymbolicLink(dir.resolve("lib/libpq.so"))).isTrue();
        assertThat(Files.readSymbolicLink(dir.resolve("lib/libpq.so")))
                .isEqualTo(Path.of("libpq.so.5"));
    }

    @Test
    void refusesEntriesOutsideTarget() throws Exception {
        byte[] txz = txz(tar -> file(tar, "../evil", 0644, "x"));

        assertThatThrownBy(
                        () ->
                                PostgresBinaries.extract(
                                        new ByteArrayInputStream(txz), dir.resolve("t")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("escapes");
        assertThat(dir.resolve("evil")).doesNotExist();
    }

    @Test
    void resolvesRealBundledBinariesOnce() {
        Path first = PostgresBinaries.resolve(dir);
        Path second = PostgresBinaries.resolve(dir);

        assertThat(second).isEqualTo(first);
        assertThat(first.getFileName().toString()).matches("postgresql-[0-9a-f]{12}");
        assertThat(Files.isExecutable(first.resolve("bin/initdb"))).isTrue();
        assertThat(Files.isExecutable(first.resolve("bin/postgres"))).isTrue();
        assertThat(first.resolve("share/postgresql/postgres.bki")).isRegularFile();
    }

    interface TarWriter {
        void write(TarArchiveOutputStream tar) throws IOException;
    }

    private static byte[] txz(TarWriter writer) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar =
                new TarArchiveOutputStream(new XZCompressorOutputStream(bytes))) {
            writer.write(tar);
        }
        return bytes.toByteArray();
    }

    private static void dirEntry(TarArchiveOutputStream tar, String name) throws IOException {
        tar.putArchiveEntry(new TarArchiveEntry(name));
        tar.closeArchiveEntry();
    }

    private static void file(TarArchiveOutputStream tar, String name, int mode, String content)
            throws IOException {
        byte[] data = content.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setMode(mode);
        entry.setSize(data.length);
        tar.putArchiveEntry(entry);
        tar.write(data);
        tar.closeArchiveEntry();
    }

    private static void link(TarArchiveOutputStream tar, String name, String target)
            throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
        entry.setLinkName(target);
        tar.putArchiveEntry(entry);
        tar.closeArchiveEntry();
    }
}
