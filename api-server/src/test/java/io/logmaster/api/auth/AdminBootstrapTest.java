package io.logmaster.api.auth;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class AdminBootstrapTest {

    private final InMemoryUserStore users = new InMemoryUserStore();
    private final InMemoryTokenStore store = new InMemoryTokenStore(users);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:00:00Z"));
    private final PasswordEncoder encoder = new BCryptPasswordEncoder(4);

    private AdminBootstrap bootstrap(String password) {
        var props = new AuthProperties(password, Duration.ofHours(12));
        return new AdminBootstrap(users, new TokenService(store, clock, props), encoder, props);
    }

    @Test
    void createsAdminWithBcryptHashAndAdminRole() {
        bootstrap("first-password").ensureAdmin();

        UserAccount admin = users.findByUsername("admin").orElseThrow();
        assertThat(admin.role()).isEqualTo(Roles.ADMIN);
        assertThat(admin.disabled()).isFalse();
        assertThat(admin.passwordHash()).startsWith("$2a$").isNotEqualTo("first-password");
        assertThat(encoder.matches("first-password", admin.passwordHash())).isTrue();
    }

    @Test
    void samePasswordLeavesTheUserAndItsTokensAlone() {
        bootstrap("first-password").ensureAdmin();
        String hash = users.findByUsername("admin").orElseThrow().passwordHash();
        var props = new AuthProperties("first-password", Duration.ofHours(12));
        new TokenService(store, clock, props).issue(users.findByUsername("admin").orElseThrow());

        bootstrap("first-password").ensureAdmin();

        assertThat(users.findByUsername("admin").orElseThrow().passwordHash()).isEqualTo(hash);
        assertThat(users.upserts).isEqualTo(1);
        assertThat(store.rows).hasSize(1);
    }

    @Test
    void changedPasswordUpdatesHashAndRevokesOldTokens() {
        bootstrap("first-password").ensureAdmin();
        var props = new AuthProperties("first-password", Duration.ofHours(12));
        new TokenService(store, clock, props).issue(users.findByUsername("admin").orElseThrow());

        bootstrap("second-password").ensureAdmin();

        UserAccount admin = users.findByUsername("admin").orElseThrow();
        assertThat(encoder.matches("second-password", admin.passwordHash())).isTrue();
        assertThat(encoder.matches("first-password", admin.passwordHash())).isFalse();
        assertThat(store.rows).isEmpty();
    }

    @Test
    void reEnablesADisabledAdminAndRestoresItsRole() {
        users.put(new UserAccount(7, "admin", encoder.encode("pw-123456"), Roles.ANALYST, true));

        bootstrap("pw-123456").ensureAdmin();

        UserAccount admin = users.findByUsername("admin").orElseThrow();
        assertThat(admin.role()).isEqualTo(Roles.ADMIN);
        assertThat(admin.disabled()).isFalse();
        assertThat(admin.id()).isEqualTo(7);
    }
}
