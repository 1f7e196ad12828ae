package io.logmaster.api.auth;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** {@link UserStore} fake for tests. */
class InMemoryUserStore implements UserStore {

    final Map<String, UserAccount> users = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    int upserts;

    @Override
    public Optional<UserAccount> findByUsername(String username) {
        return Optional.ofNullable(users.get(username));
    }

    @Override
    public synchronized long upsert(String username, String passwordHash, String role) {
        upserts++;
        UserAccount old = users.get(username);
        long id = old == null ? ids.incrementAndGet() : old.id();
        users.put(username, new UserAccount(id, username, passwordHash, role, false));
        return id;
    }

    void put(UserAccount user) {
        users.put(user.username(), user);
    }
}
