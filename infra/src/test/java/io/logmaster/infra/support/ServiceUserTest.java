package io.logmaster.infra.support;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceUserTest {

    @TempDir Path dir;

    @Test
    void switchingUserWrapsCommandInSetpriv() {
        ServiceUser user = ServiceUser.switchingTo("nobody", "nogroup");

        assertThat(user.command(List.of("/opt/pg/bin/postgres", "-D", "/data/postgresql")))
                .containsExactly(
                        "setpriv",
                        "--reuid=nobody",
                        "--regid=nogroup",
                        "--clear-groups",
                        "/opt/pg/bin/postgres",
                        "-D",
                        "/data/postgresql");
    }

    @Test
    void currentUserLeavesCommandAlone() {
        ServiceUser user = ServiceUser.current();

        assertThat(user.switching()).isFalse();
        assertThat(user.command(List.of("bin/elasticsearch"))).containsExactly("bin/elasticsearch");
        assertThat(user.blockedDirectory(dir)).isEmpty();
    }

    @Test
    void findsDirectoryOthersCannotEnter() throws Exception {
        Path closed = Files.createDirectory(dir.resolve("closed"));
        Path inner = Files.createDirectories(closed.resolve("inner"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx------"));
        ServiceUser user = ServiceUser.switchingTo("nobody-test-user", "nobody-test-group");

        assertThat(user.blockedDirectory(inner)).hasValue(closed);
        assertThatThrownBy(() -> user.requireReachable(inner, "Data"))
                .isInstanceOf(ServiceStartException.class)
                .hasMessageContaining(closed.toString())
                .hasMessageContaining("chmod o+x");
    }

    @Test
    void allowTraverseAddsOnlyOthersExecute() throws Exception {
        Path closed = Files.createDirectory(dir.resolve("closed"));
        Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx------"));
        ServiceUser user = ServiceUser.switchingTo("nobody-test-user", "nobody-test-group");

        user.allowTraverse(closed);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(closed)))
                .isEqualTo("rwx-----x");
    }
}
