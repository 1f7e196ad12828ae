package io.logmaster.infra;

import io.logmaster.infra.support.ServiceStartException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the build put what the services run from: {@code infra/target/classpath.txt} (the runtime
 * classpath for child JVMs, written by maven-dependency-plugin) and the unpacked Elasticsearch
 * distribution in {@code infra/target/elasticsearch}.
 *
 * <p>Found, in order, from the system property {@code logmaster.infra.target}, from {@code
 * logmaster.home} (set by {@code ./logmaster}) as {@code <home>/infra/target}, or from where this
 * class was loaded ({@code target/classes} or {@code target/infra-*.jar}).
 */
public record InfraLayout(Path targetDir, Path ownClasses) {

    public InfraLayout {
        targetDir = targetDir.toAbsolutePath().normalize();
        ownClasses = ownClasses.toAbsolutePath().normalize();
    }

    /** Detects the layout as described on the type. */
    public static InfraLayout detect() {
        Path own = ownCodeSource();
        String target = System.getProperty("logmaster.infra.target");
        if (target != null && !target.isBlank()) {
            return new InfraLayout(Path.of(target), own);
        }
        String home = System.getProperty("logmaster.home");
        if (home != null && !home.isBlank()) {
            return new InfraLayout(Path.of(home, "infra", "target"), own);
        }
        return new InfraLayout(own.getParent(), own);
    }

    private static Path ownCodeSource() {
        try {
            return Path.of(
                    InfraLayout.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException(
                    "Cannot tell where the infra classes were loaded from", e);
        }
    }

    public Path classpathFile() {
        return targetDir.resolve("classpath.txt");
    }

    /** Our own classes followed by the runtime classpath from {@code classpath.txt}. */
    public List<Path> runtimeClasspath() {
        Path file = classpathFile();
        if (!Files.isRegularFile(file)) {
            throw new ServiceStartException(
                    "Missing "
                            + file
                            + ": build the infra module first (./mvnw -f infra/pom.xml package)");
        }
        List<Path> entries = new ArrayList<>();
        entries.add(ownClasses);
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).trim();
            for (String entry : text.split(java.io.File.pathSeparator)) {
                if (!entry.isBlank()) {
                    entries.add(Path.of(entry.trim()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        return List.copyOf(entries);
    }

    /** The runtime classpath as a {@code -cp} argument. */
    public String runtimeClasspathString() {
        List<String> parts = new ArrayList<>();
        for (Path p : runtimeClasspath()) {
            parts.add(p.toString());
        }
        return String.join(java.io.File.pathSeparator, parts);
    }

    /** The unpacked distribution, {@code target/elasticsearch/elasticsearch-<version>}. */
    public Path elasticsearchHome() {
        Path parent = targetDir.resolve("elasticsearch");
        try (Stream<Path> children = Files.list(parent)) {
            List<Path> homes =
                    children.filter(p -> Files.isRegularFile(p.resolve("bin/elasticsearch")))
                            .sorted()
                            .toList();
            if (homes.size() != 1) {
                throw new ServiceStartException(
                        "Expected exactly one Elasticsearch distribution in "
                                + parent
                                + ", found "
                                + homes
                                + ": rebuild the infra module (./mvnw -f infra/pom.xml package)");
            }
            return homes.get(0);
        } catch (IOException e) {
            throw new ServiceStartException(
                    "No Elasticsearch distribution in "
                            + parent
                            + ": build the infra module first (./mvnw -f infra/pom.xml package)",
                    e);
        }
    }

    /** The java launcher of the running JDK, used for child JVMs. */
    public static Path javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }
}
