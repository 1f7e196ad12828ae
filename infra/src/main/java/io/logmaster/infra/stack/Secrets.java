package io.logmaster.infra.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * Generated passwords of the local stack, kept in {@code <data>/secrets/<name>} (mode 0600) so that
 * a restart uses the same ones. Nothing secret is ever in the repository.
 */
final class Secrets {
    private static final String ALPHABET =
            "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {}

    /** The stored secret, or a new random one of {@code length} characters, stored first. */
    static String getOrCreate(Path dir, String name, int length) {
        Path file = dir.resolve(name);
        try {
            if (Files.isRegularFile(file)) {
                String stored = Files.readString(file, StandardCharsets.UTF_8).trim();
                if (!stored.isEmpty()) {
                    return stored;
                }
            }
            Files.createDirectories(dir);
            StringBuilder secret = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                secret.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
            Files.deleteIfExists(file);
            Files.createFile(
                    file,
                    PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rw-------")));
            Files.writeString(
                    file, secret + "\n", StandardCharsets.UTF_8, StandardOpenOption.WRITE);
            return secret.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create secret " + file, e);
        }
    }
}
