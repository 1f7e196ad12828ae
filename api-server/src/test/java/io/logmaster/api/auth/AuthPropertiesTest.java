package io.logmaster.api.auth;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class AuthPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AuthProperties.class)
    static class Config {}

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withUserConfiguration(Config.class);

    @Test
    void bindsPasswordAndTtl() {
        runner.withPropertyValues(
                        "logmaster.auth.admin-password=long-enough", "logmaster.auth.token-ttl=30m")
                .run(
                        ctx -> {
                            AuthProperties p = ctx.getBean(AuthProperties.class);
                            assertThat(p.adminPassword()).isEqualTo("long-enough");
                            assertThat(p.tokenTtl()).isEqualTo(Duration.ofMinutes(30));
                            assertThat(p.toString()).doesNotContain("long-enough");
                        });
    }

    @Test
    void rejectsAShortOrMissingAdminPassword() {
        runner.withPropertyValues(
                        "logmaster.auth.admin-password=short", "logmaster.auth.token-ttl=1h")
                .run(
                        ctx ->
                                assertThat(ctx)
                                        .getFailure()
                                        .rootCause()
                                        .hasMessageContaining("at least 8 characters"));
        runner.withPropertyValues("logmaster.auth.token-ttl=1h")
                .run(ctx -> assertThat(ctx).hasFailed());
    }

    @Test
    void rejectsANonPositiveTtl() {
        runner.withPropertyValues(
                        "logmaster.auth.admin-password=long-enough", "logmaster.auth.token-ttl=0s")
                .run(
                        ctx ->
                                assertThat(ctx)
                                        .getFailure()
                                        .rootCause()
                                        .hasMessageContaining("must be positive"));
    }
}
