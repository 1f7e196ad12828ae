package io.logmaster.api.auth;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link TokenStore} fake for tests; resolves owners through an {@link InMemoryUserStore}. */
class InMemoryTokenStore implements TokenStore {

    record Row(long userId, Instant createdAt, Instant expiresAt) {}

    final Map<String, Row> rows = new ConcurrentHashMap<>();
    private final InMemoryUserStore users;
    int lookups;

    InMemoryTokenStore(InMemoryUserStore users) {
        this.users = users;
    }

    @Override
    public void save(String tokenHash, long userId, Instant createdAt, Instant expiresAt) {
        rows.put(tokenHash, new Row(userId, createdAt, expiresAt));
    }

    @Override
    public Optional<AuthenticatedUser> findValid(String tokenHash, Instant now) {
        lookups++;
        Row row = rows.get(tokenHash);
        if (row == null || !row.expiresAt().isAfter(now)) {
            return Optional.empty();
        }
        return users.users.values().stream()
                .filter(u -> u.id() == row.userId() && !u.disabled())
                .findFirst()
                .map(u -> new AuthenticatedUser(u.id(), u.username(), u.role(), row.expiresAt()));
    }

    @Override
    public boolean delete(String tokenHash) {
        return rows.remove(tokenHash) != null;
    }

    @Override
    public int deleteForUser(long userId) {
        int before = rows.size();
        rows.values().removeIf(r -> r.userId() == userId);
        return before - rows.size();
    }

    @Override
    public int deleteExpired(Instant now) {
        int before = rows.size();
        rows.values().removeIf(r -> !r.expiresAt().isAfter(now));
        return before - rows.size();
    }
}
