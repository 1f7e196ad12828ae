package io.logmaster.infra.component;

import io.logmaster.infra.support.ServiceStartException;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the build put each of our parts under the project home ({@code -Dlogmaster.home}): a module
 * jar plus {@code target/classpath.txt}, or for api-server its executable Boot jar.
 */
public record ComponentLayout(Path home) {

    public ComponentLayout {
        home = home.toAbsolutePath().normalize();
    }

    /** From {@code -Dlogmaster.home}, else the current directory. */
    public static ComponentLayout detect() {
        String home = System.getProperty("logmaster.home");
        return new ComponentLayout(Path.of(home == null || home.isBlank() ? "." : home));
    }

    /** {@code -cp} value for the module: its jar followed by its build-time classpath file. */
    public String classpath(String module) {
        Path target = home.resolve(module).resolve("target");
        Path jar = moduleJar(target, module);
        Path file = target.resolve("classpath.txt");
        if (!Files.isRegularFile(file)) {
            throw missing(file);
        }
        try {
            String deps = Files.readString(file, StandardCharsets.UTF_8).trim();
            return deps.isEmpty() ? jar.toString() : jar + File.pathSeparator + deps;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** The executable jar of api-server. */
    public Path apiServerJar() {
        Path target = home.resolve("api-server").resolve("target");
        return find(target, "api-server-", "-exec.jar");
    }

    /** The module's web e2e script folder. */
    public Path webDir() {
        return home.resolve("web");
    }

    private static Path moduleJar(Path target, String module) {
        return find(target, module + "-", ".jar");
    }

    private static Path find(Path dir, String prefix, String suffix) {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> jars =
                    files.filter(
                                    p -> {
                                        String n = p.getFileName().toString();
                                        return n.startsWith(prefix)
                                                && n.endsWith(suffix)
                                                && !n.endsWith("-sources.jar")
                                                && !n.endsWith("-tests.jar")
                                                && !n.endsWith("-job.jar")
                                                && (suffix.equals("-exec.jar")
                                                        || !n.endsWith("-exec.jar"));
                                    })
                            .sorted()
                            .toList();
            if (jars.isEmpty()) {
                throw missing(dir.resolve(prefix + "*" + suffix));
            }
            return jars.get(jars.size() - 1);
        } catch (IOException e) {
            throw missing(dir);
        }
    }

    private static ServiceStartException missing(Path what) {
        return new ServiceStartException(
                "Missing " + what + ": build first (./logmaster build, or ./mvnw -B package)");
    }
}
