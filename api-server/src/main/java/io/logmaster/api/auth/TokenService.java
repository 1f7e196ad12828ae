package io.logmaster.api.auth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Issues, checks and revokes API tokens. A token is 32 random bytes in unpadded base64url; only its
 * SHA-256 (lower-case hex) is stored, so a database dump reveals no usable token.
 */
@Service
public class TokenService {

    private static final Logger LOG = LoggerFactory.getLogger(TokenService.class);

    /** 32 bytes in unpadded base64url are exactly 43 characters. */
    private static final Pattern TOKEN_SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final TokenStore store;
    private final Clock clock;
    private final AuthProperties properties;
    private final SecureRandom random = new SecureRandom();

    TokenService(TokenStore store, Clock clock, AuthProperties properties) {
        this.store = store;
        this.clock = clock;
        this.properties = properties;
    }

    /** A freshly issued token; {@code token} is shown to the client once and never stored. */
    public record IssuedToken(String token, Instant expiresAt) {
        @Override
        public String toString() {
            return "IssuedToken[expiresAt=" + expiresAt + "]";
        }
    }

    IssuedToken issue(UserAccount user) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        // PostgreSQL keeps microseconds; the client sees the same expiry as /me reports.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant expires = now.plus(properties.tokenTtl());
        store.save(sha256Hex(token), user.id(), now, expires);
        return new IssuedToken(token, expires);
    }

    /** The user a token belongs to, if the token is well-formed, known and not expired. */
    public Optional<AuthenticatedUser> authenticate(String token) {
        if (token == null || !TOKEN_SHAPE.matcher(token).matches()) {
            return Optional.empty();
        }
        return store.findValid(sha256Hex(token), clock.instant());
    }

    boolean revoke(String token) {
        if (token == null || !TOKEN_SHAPE.matcher(token).matches()) {
            return false;
        }
        return store.delete(sha256Hex(token));
    }

    int revokeAll(long userId) {
        return store.deleteForUser(userId);
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void purgeExpired() {
        int n = store.deleteExpired(clock.instant());
        if (n > 0) {
            LOG.info("Purged {} expired API tokens", n);
        }
    }

    static String sha256Hex(String token) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
