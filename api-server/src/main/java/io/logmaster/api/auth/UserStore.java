package io.logmaster.api.auth;

import java.util.Optional;

/** Persistence of users. */
interface UserStore {

    Optional<UserAccount> findByUsername(String username);

    /**
     * Creates the user, or updates the password hash and role of an existing one and enables it.
     *
     * @return the user's id
     */
    long upsert(String username, String passwordHash, String role);
}
