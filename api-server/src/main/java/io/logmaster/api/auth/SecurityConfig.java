package io.logmaster.api.auth;

import io.logmaster.api.error.ProblemWriter;
import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

import java.util.Locale;

/**
 * Stateless bearer-token security: {@code /api/**} needs a valid token except the login endpoint
 * ({@code /api/v1/compliance/**} also the admin or auditor role); the web UI's static files, {@code
 * /} and {@code /actuator/health} are public. CSRF protection is off because no cookie or session
 * ever authenticates a request.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http, TokenService tokens, ProblemWriter problems) {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(r -> r.disable())
                .exceptionHandling(
                        e ->
                                e.authenticationEntryPoint(
                                                (request, response, ex) ->
                                                        problems.write(
                                                                request,
                                                                response,
                                                                HttpStatus.UNAUTHORIZED,
                                                                "A valid bearer token is required."))
                                        .accessDeniedHandler(
                                                (request, response, ex) ->
                                                        problems.write(
                                                                request,
                                                                response,
                                                                HttpStatus.FORBIDDEN,
                                                                "Your role does not allow this.")))
                .authorizeHttpRequests(
                        a ->
                                // Every method, so a GET reaches MVC and gets its 405 problem.
                                // An async dispatch (end of a streamed body, e.g. an auditor
                                // bundle) belongs to a request that was already authorized.
                                a.dispatcherTypeMatchers(DispatcherType.ASYNC)
                                        .permitAll()
                                        .requestMatchers("/api/v1/auth/login")
                                        .permitAll()
                                        // Seal status is for those who answer for the archive.
                                        .requestMatchers("/api/v1/compliance/**")
                                        .hasAnyRole(
                                                Roles.ADMIN.toUpperCase(Locale.ROOT),
                                                Roles.AUDITOR.toUpperCase(Locale.ROOT))
                                        .requestMatchers("/api/**")
                                        .authenticated()
                                        .anyRequest()
                                        .permitAll())
                .addFilterBefore(
                        new BearerTokenAuthenticationFilter(tokens, problems),
                        UsernamePasswordAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }
}
