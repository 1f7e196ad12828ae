package io.logmaster.api.auth;

import java.time.Instant;

/**
 * The principal of a request that carried a valid bearer token.
 *
 * @param userId database id of the user
 * @param username login name
 * @param role role of the user
 * @param tokenExpiresAt when the presented token expires
 */
public record AuthenticatedUser(
        long userId, String username, String role, Instant tokenExpiresAt) {}
