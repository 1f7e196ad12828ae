package io.logmaster.api.auth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Creates the {@code admin} user at start-up, or brings it in line with LOGMASTER_ADMIN_PASSWORD
 * (role admin, enabled). When the password changed, the admin's existing tokens are revoked.
 */
@Component
@Order(10)
class AdminBootstrap implements ApplicationRunner {

    static final String ADMIN_USERNAME = "admin";

    private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);

    private final UserStore users;
    private final TokenService tokens;
    private final PasswordEncoder encoder;
    private final AuthProperties properties;

    AdminBootstrap(
            UserStore users,
            TokenService tokens,
            PasswordEncoder encoder,
            AuthProperties properties) {
        this.users = users;
        this.tokens = tokens;
        this.encoder = encoder;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        ensureAdmin();
    }

    void ensureAdmin() {
        String password = properties.adminPassword();
        var existing = users.findByUsername(ADMIN_USERNAME);
        if (existing.isPresent()) {
            UserAccount admin = existing.get();
            boolean samePassword = encoder.matches(password, admin.passwordHash());
            if (samePassword && Roles.ADMIN.equals(admin.role()) && !admin.disabled()) {
                LOG.info("User '{}' is up to date", ADMIN_USERNAME);
                return;
            }
            String hash = samePassword ? admin.passwordHash() : encoder.encode(password);
            users.upsert(ADMIN_USERNAME, hash, Roles.ADMIN);
            if (!samePassword) {
                int revoked = tokens.revokeAll(admin.id());
                LOG.info(
                        "User '{}' updated from LOGMASTER_ADMIN_PASSWORD; {} old tokens revoked",
                        ADMIN_USERNAME,
                        revoked);
            } else {
                LOG.info("User '{}' re-enabled with role {}", ADMIN_USERNAME, Roles.ADMIN);
            }
            return;
        }
        users.upsert(ADMIN_USERNAME, encoder.encode(password), Roles.ADMIN);
        LOG.info("User '{}' created", ADMIN_USERNAME);
    }
}
