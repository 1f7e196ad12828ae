package io.logmaster.infra.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads and writes PID files: the PID is the first line (as in PostgreSQL's {@code
 * postmaster.pid}), so the same reader serves our own files and PostgreSQL's.
 */
public final class PidFile {

    private PidFile() {}

    /** Writes the PID atomically (temp file + move), so a reader never sees a half-written file. */
    public static void write(Path file, long pid) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, pid + "\n", StandardCharsets.US_ASCII);
            Files.move(
                    tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write PID file " + file, e);
        }
    }

    /**
     * The PID on the first line; empty when the file is missing, empty or not a positive number.
     */
    public static OptionalLong read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            return OptionalLong.empty();
        }
        if (lines.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            long pid = Long.parseLong(lines.get(0).trim());
            return pid > 0 ? OptionalLong.of(pid) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    public static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete PID file " + file, e);
        }
    }

    /**
     * The live process named by the PID file, if its command line contains every marker (so a
     * recycled PID of an unrelated process is never mistaken for ours).
     */
    public static Optional<ProcessHandle> liveProcess(Path file, List<String> commandMarkers) {
        OptionalLong pid = read(file);
        if (pid.isEmpty()) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid.getAsLong())
                .filter(ProcessHandle::isAlive)
                .filter(p -> matches(p.info().commandLine().orElse(""), commandMarkers));
    }

    static boolean matches(String commandLine, List<String> markers) {
        if (commandLine.isEmpty()) {
            return false;
        }
        for (String marker : markers) {
            if (!commandLine.contains(marker)) {
                return false;
            }
        }
        return true;
    }
}
