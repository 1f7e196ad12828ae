package io.logmaster.compliance.tsa;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Time-stamp serial numbers that never repeat: the last one handed out is written (and fsynced) to
 * a file before it is used, so a restart continues after it (RFC 3161 2.4.2: serialNumber unique
 * per TSA).
 */
final class SerialNumbers {
    private final Path file;
    private BigInteger last;

    SerialNumbers(Path file) throws IOException {
        this.file = file;
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (Files.exists(file)) {
            String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
            try {
                last = new BigInteger(text);
            } catch (NumberFormatException e) {
                throw new IOException("TSA serial file " + file + " holds no number: " + text, e);
            }
            if (last.signum() < 0) {
                throw new IOException("TSA serial file " + file + " holds a negative number");
            }
        } else {
            last = BigInteger.ZERO;
        }
    }

    /** The next serial, already persisted. */
    synchronized BigInteger next() throws IOException {
        BigInteger next = last.add(BigInteger.ONE);
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        try (FileChannel ch =
                FileChannel.open(
                        tmp,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(ByteBuffer.wrap((next + "\n").getBytes(StandardCharsets.US_ASCII)));
            ch.force(true);
        }
        try {
            Files.move(
                    tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
        last = next;
        return next;
    }
}
