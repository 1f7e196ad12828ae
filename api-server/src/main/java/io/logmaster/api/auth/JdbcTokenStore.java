package io.logmaster.api.auth;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** {@link TokenStore} on the {@code api_tokens} table. */
@Repository
class JdbcTokenStore implements TokenStore {

    private final JdbcClient jdbc;

    JdbcTokenStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void save(String tokenHash, long userId, Instant createdAt, Instant expiresAt) {
        jdbc.sql(
                        "INSERT INTO api_tokens (token_hash, user_id, created_at, expires_at)"
                                + " VALUES (:h, :u, :c, :e)")
                .param("h", tokenHash)
                .param("u", userId)
                .param("c", Timestamp.from(createdAt))
                .param("e", Timestamp.from(expiresAt))
                .update();
    }

    @Override
    public Optional<AuthenticatedUser> findValid(String tokenHash, Instant now) {
        return jdbc.sql(
                        "SELECT u.id, u.username, u.role, t.expires_at FROM api_tokens t"
                                + " JOIN users u ON u.id = t.user_id"
                                + " WHERE t.token_hash = :h AND t.expires_at > :now"
                                + " AND NOT u.disabled")
                .param("h", tokenHash)
                .param("now", Timestamp.from(now))
                .query(
                        (rs, n) ->
                                new AuthenticatedUser(
                                        rs.getLong("id"),
                                        rs.getString("username"),
                                        rs.getString("role"),
                                        rs.getTimestamp("expires_at").toInstant()))
                .optional();
    }

    @Override
    public boolean delete(String tokenHash) {
        return jdbc.sql("DELETE FROM api_tokens WHERE token_hash = :h")
                        .param("h", tokenHash)
                        .update()
                > 0;
    }

    @Override
    public int deleteForUser(long userId) {
        return jdbc.sql("DELETE FROM api_tokens WHERE user_id = :u").param("u", userId).update();
    }

    @Override
    public int deleteExpired(Instant now) {
        return jdbc.sql("DELETE FROM api_tokens WHERE expires_at <= :now")
                .param("now", Timestamp.from(now))
                .update();
    }
}
