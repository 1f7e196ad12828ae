package io.logmaster.api.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.logmaster.api.support.LogSafe;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/** Login, logout and "who am I" for the bearer-token API. */
@RestController
@RequestMapping("/api/v1/auth")
class AuthController {

    private static final Logger LOG = LoggerFactory.getLogger(AuthController.class);

    private final LoginService logins;
    private final TokenService tokens;

    AuthController(LoginService logins, TokenService tokens) {
        this.logins = logins;
        this.tokens = tokens;
    }

    record LoginRequest(
            @NotBlank @Size(max = 128) String username,
            @NotBlank @Size(max = 1024) String password) {
        @Override
        public String toString() {
            return "LoginRequest[username=" + username + "]";
        }
    }

    record LoginResponse(
            String token,
            @JsonProperty("expires_at") Instant expiresAt,
            String username,
            String role) {
        @Override
        public String toString() {
            return "LoginResponse[username=" + username + ", expiresAt=" + expiresAt + "]";
        }
    }

    record MeResponse(
            String username, String role, @JsonProperty("expires_at") Instant expiresAt) {}

    @PostMapping("/login")
    LoginResponse login(@Valid @RequestBody LoginRequest request) {
        var result = logins.login(request.username(), request.password());
        LOG.info("User '{}' logged in", LogSafe.text(result.user().username()));
        return new LoginResponse(
                result.token().token(),
                result.token().expiresAt(),
                result.user().username(),
                result.user().role());
    }

    @PostMapping("/logout")
    ResponseEntity<Void> logout(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @AuthenticationPrincipal AuthenticatedUser user) {
        BearerTokenAuthenticationFilter.bearerToken(authorization).ifPresent(tokens::revoke);
        LOG.info("User '{}' logged out", LogSafe.text(user.username()));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/me")
    MeResponse me(@AuthenticationPrincipal AuthenticatedUser user) {
        return new MeResponse(user.username(), user.role(), user.tokenExpiresAt());
    }
}
