package io.logmaster.api.auth;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.Optional;

/** {@link UserStore} on the {@code users} table. */
@Repository
class JdbcUserStore implements UserStore {

    private final JdbcClient jdbc;

    JdbcUserStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<UserAccount> findByUsername(String username) {
        return jdbc.sql(
                        "SELECT id, username, password_hash, role, disabled FROM users"
                                + " WHERE username = :username")
                .param("username", username)
                .query(
                        (rs, n) ->
                                new UserAccount(
                                        rs.getLong("id"),
                                        rs.getString("username"),
                                        rs.getString("password_hash"),
                                        rs.getString("role"),
                                        rs.getBoolean("disabled")))
                .optional();
    }

    @Override
    public long upsert(String username, String passwordHash, String role) {
        return jdbc.sql(
                        "INSERT INTO users (username, password_hash, role) VALUES (:u, :h, :r)"
                                + " ON CONFLICT (username) DO UPDATE SET"
                                + " password_hash = EXCLUDED.password_hash, role = EXCLUDED.role,"
                                + " disabled = false RETURNING id")
                .param("u", username)
                .param("h", passwordHash)
                .param("r", role)
                .query(Long.class)
                .single();
    }
}
