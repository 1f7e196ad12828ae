package io.logmaster.api.auth;

import io.logmaster.api.error.ProblemWriter;
import io.logmaster.api.support.LogSafe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Authenticates a request that carries {@code Authorization: Bearer <token>}. A missing or invalid
 * token leaves the request anonymous; the authorization rules then answer 401.
 */
final class BearerTokenAuthenticationFilter extends OncePerRequestFilter {

    private static final Logger LOG =
            LoggerFactory.getLogger(BearerTokenAuthenticationFilter.class);
    private static final String PREFIX = "Bearer ";

    private final TokenService tokens;
    private final ProblemWriter problems;
    private final SecurityContextHolderStrategy contexts =
            SecurityContextHolder.getContextHolderStrategy();

    BearerTokenAuthenticationFilter(TokenService tokens, ProblemWriter problems) {
        this.tokens = tokens;
        this.problems = problems;
    }

    /** The token of an {@code Authorization: Bearer} header, if there is one. */
    static Optional<String> bearerToken(String header) {
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return Optional.empty();
        }
        String token = header.substring(PREFIX.length()).trim();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }

    @Override
    protected void doFilterInternal(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> token = bearerToken(request.getHeader(HttpHeaders.AUTHORIZATION));
        if (token.isPresent()) {
            Optional<AuthenticatedUser> user;
            try {
                user = tokens.authenticate(token.get());
            } catch (DataAccessException e) {
                LOG.error(
                        "Checking a bearer token for {} failed",
                        LogSafe.text(request.getRequestURI()),
                        e);
                problems.write(
                        request,
                        response,
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "The user database is unavailable.");
                return;
            }
            user.ifPresent(this::authenticate);
        }
        chain.doFilter(request, response);
    }

    private void authenticate(AuthenticatedUser user) {
        var authority = new SimpleGrantedAuthority("ROLE_" + user.role().toUpperCase(Locale.ROOT));
        var authentication =
                UsernamePasswordAuthenticationToken.authenticated(user, null, List.of(authority));
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(authentication);
        contexts.setContext(context);
    }
}
