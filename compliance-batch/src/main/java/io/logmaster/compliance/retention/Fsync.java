package io.logmaster.compliance.retention;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Forces directory entries (creations, renames, deletions) to disk. */
final class Fsync {
    private Fsync() {}

    static void directory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Some file systems cannot open a directory for fsync; the data itself is forced.
            if (!"Is a directory".equals(e.getMessage())) {
                throw new IOException("fsync of directory " + dir, e);
            }
        }
    }
}
