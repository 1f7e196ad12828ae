package io.logmaster.api.auth;

import java.util.Objects;

/**
 * A row of the {@code users} table.
 *
 * @param id database id
 * @param username unique login name
 * @param passwordHash BCrypt hash
 * @param role one of {@link Roles}
 * @param disabled a disabled user cannot log in and its tokens stop working
 */
public record UserAccount(
        long id, String username, String passwordHash, String role, boolean disabled) {

    public UserAccount {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(role, "role");
    }

    @Override
    public String toString() {
        return "UserAccount[id=" + id + ", username=" + username + ", role=" + role + "]";
    }
}
