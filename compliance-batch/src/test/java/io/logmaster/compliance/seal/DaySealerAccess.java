package io.logmaster.compliance.seal;

import java.io.IOException;
import java.nio.file.Path;

/** Test access to package-private helpers of the seal package. */
public final class DaySealerAccess {
    private DaySealerAccess() {}

    public static void deleteTree(Path dir) throws IOException {
        DaySealer.deleteTree(dir);
    }
}
