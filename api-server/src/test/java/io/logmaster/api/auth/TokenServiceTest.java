package io.logmaster.api.auth;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TokenServiceTest {

    private final InMemoryUserStore users = new InMemoryUserStore();
    private final InMemoryTokenStore store = new InMemoryTokenStore(users);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:00:00Z"));
    private final TokenService service =
            new TokenService(
                    store, clock, new AuthProperties("admin-password", Duration.ofHours(2)));

    private UserAccount user() {
        users.upsert("ana", "hash", Roles.ANALYST);
        return users.findByUsername("ana").orElseThrow();
    }

    @Test
    void sha256HexMatchesTheFipsTestVector() {
        assertThat(TokenService.sha256Hex("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void issuesA43CharacterBase64UrlTokenAndStoresOnlyItsHash() {
        var issued = service.issue(user());

        assertThat(issued.token()).matches("[A-Za-z0-9_-]{43}");
        assertThat(issued.expiresAt()).isEqualTo(Instant.parse("2026-12-03T12:00:00Z"));
        assertThat(store.rows).containsOnlyKeys(TokenService.sha256Hex(issued.token()));
        assertThat(service.issue(user()).token()).isNotEqualTo(issued.token());
    }

    @Test
    void authenticatesUntilExpiry() {
        var issued = service.issue(user());

        assertThat(service.authenticate(issued.token()))
                .get()
                .extracting(AuthenticatedUser::username, AuthenticatedUser::role)
                .containsExactly("ana", Roles.ANALYST);
        clock.advance(Duration.ofHours(2).minusNanos(1000));
        assertThat(service.authenticate(issued.token())).isPresent();
        clock.advance(Duration.ofNanos(1000));
        assertThat(service.authenticate(issued.token())).isEmpty();
    }

    @Test
    void malformedTokensNeverReachTheStore() {
        assertThat(service.authenticate(null)).isEmpty();
        assertThat(service.authenticate("short")).isEmpty();
        assertThat(service.authenticate("x".repeat(42) + "=")).isEmpty();
        assertThat(store.lookups).isZero();
    }

    @Test
    void revokeDeletesOnlyThatToken() {
        var a = service.issue(user());
        var b = service.issue(user());

        assertThat(service.revoke(a.token())).isTrue();
        assertThat(service.revoke(a.token())).isFalse();
        assertThat(service.authenticate(a.token())).isEmpty();
        assertThat(service.authenticate(b.token())).isPresent();
    }

    @Test
    void purgeRemovesExpiredTokens() {
        service.issue(user());
        clock.advance(Duration.ofHours(3));
        service.issue(user());

        service.purgeExpired();

        assertThat(store.rows).hasSize(1);
    }
}
