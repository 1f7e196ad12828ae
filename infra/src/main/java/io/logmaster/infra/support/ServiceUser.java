package io.logmaster.infra.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The OS user that Elasticsearch and PostgreSQL run as. Both refuse to run as root, so when we are
 * root they run as {@code nobody} through {@code setpriv} and own their data directories; otherwise
 * they run as the current user and nothing changes.
 */
public final class ServiceUser {

    private static final String NOBODY = "nobody";

    private final boolean switching;
    private final String user;
    private final String group;

    private ServiceUser(boolean switching, String user, String group) {
        this.switching = switching;
        this.user = user;
        this.group = group;
    }

    /** Switches to {@code nobody} when the current process runs as root (uid 0). */
    public static ServiceUser detect() {
        if (!isRoot()) {
            return new ServiceUser(false, System.getProperty("user.name"), null);
        }
        return new ServiceUser(true, NOBODY, nobodyGroup());
    }

    /** A service user that never switches, for tests of the command lines. */
    public static ServiceUser current() {
        return new ServiceUser(false, System.getProperty("user.name"), null);
    }

    /** A switching service user with the given names, for tests of the command lines. */
    static ServiceUser switchingTo(String user, String group) {
        return new ServiceUser(true, user, group);
    }

    static boolean isRoot() {
        try {
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            return Integer.valueOf(0).equals(uid);
        } catch (IOException | UnsupportedOperationException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /** Debian calls nobody's group {@code nogroup}; Red Hat and Alpine call it {@code nobody}. */
    private static String nobodyGroup() {
        UserPrincipalLookupService lookup =
                FileSystems.getDefault().getUserPrincipalLookupService();
        for (String candidate : List.of("nogroup", NOBODY)) {
            try {
                lookup.lookupPrincipalByGroupName(candidate);
                return candidate;
            } catch (UserPrincipalNotFoundException e) {
                // try the next name
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot look up group " + candidate, e);
            }
        }
        throw new IllegalStateException("Neither group 'nogroup' nor 'nobody' exists");
    }

    /** True when services run as another user than ours (we are root). */
    public boolean switching() {
        return switching;
    }

    public String user() {
        return user;
    }

    /**
     * The command, prefixed with {@code setpriv} when switching; {@code setpriv} execs, so the PID
     * of the started process is the service's PID.
     */
    public List<String> command(List<String> command) {
        if (!switching) {
            return List.copyOf(command);
        }
        List<String> wrapped = new ArrayList<>();
        wrapped.add("setpriv");
        wrapped.add("--reuid=" + user);
        wrapped.add("--regid=" + group);
        wrapped.add("--clear-groups");
        wrapped.addAll(command);
        return wrapped;
    }

    /** Makes the service user own a directory tree (no-op unless switching). */
    public void own(Path dir) {
        if (!switching) {
            return;
        }
        UserPrincipalLookupService lookup =
                FileSystems.getDefault().getUserPrincipalLookupService();
        try {
            UserPrincipal owner = lookup.lookupPrincipalByName(user);
            GroupPrincipal grp = lookup.lookupPrincipalByGroupName(group);
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) paths::iterator) {
                    PosixFileAttributeView view =
                            Files.getFileAttributeView(
                                    p, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
                    view.setOwner(owner);
                    view.setGroup(grp);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot give " + dir + " to user " + user, e);
        }
    }

    /**
     * Lets the service user pass through a directory we own (adds o+x, not o+r), e.g. a data
     * directory created by {@code Files.createTempDirectory} with mode 0700. No-op unless
     * switching.
     */
    public void allowTraverse(Path dir) {
        if (!switching) {
            return;
        }
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(dir);
            if (perms.add(PosixFilePermission.OTHERS_EXECUTE)) {
                Files.setPosixFilePermissions(dir, perms);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make " + dir + " traversable", e);
        }
    }

    /**
     * The first directory on the way to {@code path} (inclusive) that the service user cannot
     * enter; empty when none, or when not switching.
     */
    public Optional<Path> blockedDirectory(Path path) {
        if (!switching) {
            return Optional.empty();
        }
        Path absolute = path.toAbsolutePath().normalize();
        List<Path> chain = new ArrayList<>();
        for (Path p = absolute; p != null; p = p.getParent()) {
            chain.add(0, p);
        }
        for (Path p : chain) {
            if (!Files.isDirectory(p)) {
                continue;
            }
            try {
                PosixFileAttributes attrs = Files.readAttributes(p, PosixFileAttributes.class);
                if (!canTraverse(attrs)) {
                    return Optional.of(p);
                }
            } catch (IOException e) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private boolean canTraverse(PosixFileAttributes attrs) {
        Set<PosixFilePermission> perms =
                attrs.permissions().isEmpty()
                        ? EnumSet.noneOf(PosixFilePermission.class)
                        : EnumSet.copyOf(attrs.permissions());
        if (attrs.owner().getName().equals(user)) {
            return perms.contains(PosixFilePermission.OWNER_EXECUTE);
        }
        if (attrs.group().getName().equals(group)) {
            return perms.contains(PosixFilePermission.GROUP_EXECUTE);
        }
        return perms.contains(PosixFilePermission.OTHERS_EXECUTE);
    }

    /** Fails with a clear message when the service user cannot reach {@code path}. */
    public void requireReachable(Path path, String what) {
        Optional<Path> blocked = blockedDirectory(path);
        if (blocked.isPresent()) {
            throw new ServiceStartException(
                    what
                            + " "
                            + path
                            + " is not reachable by user '"
                            + user
                            + "' (services run as "
                            + user
                            + " because we are root): directory "
                            + blocked.get()
                            + " lacks o+x. Use a data directory elsewhere (LOGMASTER_DATA_DIR)"
                            + " or run 'chmod o+x "
                            + blocked.get()
                            + "'.");
        }
    }

    @Override
    public String toString() {
        return switching ? user + ":" + group + " (via setpriv)" : user;
    }
}
