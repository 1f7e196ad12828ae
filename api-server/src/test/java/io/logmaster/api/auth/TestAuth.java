package io.logmaster.api.auth;

import io.logmaster.api.error.ProblemWriter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Instant;

/**
 * Test configuration for MVC slice tests: the real security chain, token and login services on
 * in-memory stores and a hand-moved clock.
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuthProperties.class)
@Import({SecurityConfig.class, TokenService.class, LoginService.class, ProblemWriter.class})
public class TestAuth {

    public static final Instant START = Instant.parse("2026-12-03T10:00:00Z");

    @Bean
    MutableClock clock() {
        return new MutableClock(START);
    }

    @Bean
    InMemoryUserStore userStore() {
        return new InMemoryUserStore();
    }

    @Bean
    InMemoryTokenStore tokenStore(InMemoryUserStore users) {
        return new InMemoryTokenStore(users);
    }

    /** Creates (or replaces) a user with that password and returns a fresh token for it. */
    public static String tokenFor(
            ApplicationContext context, String username, String password, String role) {
        InMemoryUserStore users = context.getBean(InMemoryUserStore.class);
        String hash = context.getBean(PasswordEncoder.class).encode(password);
        users.upsert(username, hash, role);
        UserAccount user = users.findByUsername(username).orElseThrow();
        return context.getBean(TokenService.class).issue(user).token();
    }
}
