package io.logmaster.api.auth;

import io.logmaster.api.error.ApiExceptionHandler;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasLength;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(AuthController.class)
@Import({TestAuth.class, ApiExceptionHandler.class})
class AuthControllerTest {

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;
    @Autowired InMemoryUserStore users;
    @Autowired InMemoryTokenStore tokens;
    @Autowired PasswordEncoder encoder;
    @Autowired MutableClock clock;

    @BeforeEach
    void reset() {
        users.users.clear();
        tokens.rows.clear();
    }

    private void user(String name, String password, String role, boolean disabled) {
        users.put(new UserAccount(name.hashCode(), name, encoder.encode(password), role, disabled));
    }

    private static String login(String username, String password) {
        return "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}";
    }

    @Test
    void loginReturnsTokenExpiryUsernameAndRoleAndStoresOnlyTheHash() throws Exception {
        user("ana", "secret-pass", Roles.ANALYST, false);

        var result =
                mvc.perform(
                                post("/api/v1/auth/login")
                                        .contentType(MediaType.APPLICATION_JSON)
                                        .content(login("ana", "secret-pass")))
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.token", hasLength(43)))
                        .andExpect(jsonPath("$.expires_at").value("2026-12-03T22:00:00Z"))
                        .andExpect(jsonPath("$.username").value("ana"))
                        .andExpect(jsonPath("$.role").value("analyst"))
                        .andReturn();

        String body = result.getResponse().getContentAsString();
        String token = body.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        assertThat(tokens.rows).containsOnlyKeys(TokenService.sha256Hex(token));
        assertThat(tokens.rows).doesNotContainKey(token);
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSame401Problem() throws Exception {
        user("ana", "secret-pass", Roles.ANALYST, false);
        String expected =
                "{\"status\":401,\"title\":\"Unauthorized\","
                        + "\"detail\":\"Invalid username or password.\","
                        + "\"instance\":\"/api/v1/auth/login\"}";

        mvc.perform(
                        post("/api/v1/auth/login")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(login("ana", "wrong-pass")))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(content().json(expected, JsonCompareMode.STRICT));
        mvc.perform(
                        post("/api/v1/auth/login")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(login("nobody", "wrong-pass")))
                .andExpect(status().isUnauthorized())
                .andExpect(content().json(expected, JsonCompareMode.STRICT));
        assertThat(tokens.rows).isEmpty();
    }

    @Test
    void disabledUserCannotLogIn() throws Exception {
        user("gone", "secret-pass", Roles.ANALYST, true);

        mvc.perform(
                        post("/api/v1/auth/login")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(login("gone", "secret-pass")))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value("Invalid username or password."));
    }

    @Test
    void loginWithoutPasswordIs400Problem() throws Exception {
        mvc.perform(
                        post("/api/v1/auth/login")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"username\":\"ana\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.detail").value("password: must not be blank"));
        mvc.perform(
                        post("/api/v1/auth/login")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("not json"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.status").value(400));
    }

    @Test
    void wrongMethodOnLoginIs405ProblemNot401() throws Exception {
        mvc.perform(get("/api/v1/auth/login"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(405))
                .andExpect(jsonPath("$.instance").value("/api/v1/auth/login"));
        mvc.perform(delete("/api/v1/auth/login"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(jsonPath("$.status").value(405));
        // Other auth endpoints still need a token whatever the method.
        mvc.perform(get("/api/v1/auth/logout")).andExpect(status().isUnauthorized());
    }

    @Test
    void meNeedsAValidBearerToken() throws Exception {
        String token = TestAuth.tokenFor(context, "ana", "secret-pass", Roles.AUDITOR);

        mvc.perform(get("/api/v1/auth/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(
                        content()
                                .json(
                                        "{\"username\":\"ana\",\"role\":\"auditor\","
                                                + "\"expires_at\":\"2026-12-03T22:00:00Z\"}",
                                        JsonCompareMode.STRICT));
        mvc.perform(get("/api/v1/auth/me"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("A valid bearer token is required."));
        mvc.perform(get("/api/v1/auth/me").header("Authorization", "Bearer not-a-token"))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/auth/me").header("Authorization", "Basic " + token))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void expiredTokenIsRejected() throws Exception {
        String token = TestAuth.tokenFor(context, "ana", "secret-pass", Roles.ANALYST);
        clock.advance(Duration.ofHours(12));

        mvc.perform(get("/api/v1/auth/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void logoutRevokesTheToken() throws Exception {
        String token = TestAuth.tokenFor(context, "ana", "secret-pass", Roles.ANALYST);

        mvc.perform(post("/api/v1/auth/logout").header("Authorization", "Bearer " + token))
                .andExpect(status().isNoContent());

        assertThat(tokens.rows).isEmpty();
        mvc.perform(get("/api/v1/auth/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized());
    }
}
