package io.logmaster.api.auth;

import java.time.Instant;
import java.util.Optional;

/** Persistence of API tokens, keyed by the SHA-256 hex of the token. */
interface TokenStore {

    void save(String tokenHash, long userId, Instant createdAt, Instant expiresAt);

    /**
     * The owner of a token that exists, has not expired at {@code now} and whose user is enabled.
     */
    Optional<AuthenticatedUser> findValid(String tokenHash, Instant now);

    /**
     * @return whether a token was deleted
     */
    boolean delete(String tokenHash);

    int deleteForUser(long userId);

    int deleteExpired(Instant now);
}
