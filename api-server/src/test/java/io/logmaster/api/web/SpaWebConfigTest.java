package io.logmaster.api.web;

import io.logmaster.api.auth.Roles;
import io.logmaster.api.auth.TestAuth;
import io.logmaster.api.error.ApiExceptionHandler;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Uses the test classpath's static/index.html and static/app.js as a stand-in web UI. */
@WebMvcTest(SpaWebConfig.class)
@Import({TestAuth.class, ApiExceptionHandler.class})
class SpaWebConfigTest {

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;

    @Test
    void rootForwardsToIndexWithoutAToken() throws Exception {
        mvc.perform(get("/")).andExpect(status().isOk()).andExpect(forwardedUrl("/index.html"));
        mvc.perform(get("/index.html"))
                .andExpect(status().isOk())
                .andExpect(
                        content()
                                .string(org.hamcrest.Matchers.containsString("LOGMASTER-TEST-UI")));
    }

    @Test
    void existingAssetIsServedAsItIs() throws Exception {
        mvc.perform(get("/app.js"))
                .andExpect(status().isOk())
                .andExpect(content().string("console.log(\"test asset\");\n"));
    }

    @Test
    void clientSideRoutesGetIndexHtml() throws Exception {
        for (String route : new String[] {"/search", "/events/0193abc", "/a/b/c"}) {
            mvc.perform(get(route))
                    .andExpect(status().isOk())
                    .andExpect(
                            content()
                                    .string(
                                            org.hamcrest.Matchers.containsString(
                                                    "LOGMASTER-TEST-UI")));
        }
    }

    @Test
    void missingFilesAndUnknownApiPathsAre404Problems() throws Exception {
        mvc.perform(get("/missing.js"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.status").value(404));
        String token = TestAuth.tokenFor(context, "ana", "secret-pass", Roles.ANALYST);
        mvc.perform(get("/api/v1/nothing-here").header("Authorization", "Bearer " + token))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.status").value(404));
        mvc.perform(get("/actuator/nothing")).andExpect(status().isNotFound());
    }

    @Test
    void unknownApiPathWithoutTokenIs401() throws Exception {
        mvc.perform(get("/api/v1/nothing-here")).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/events")).andExpect(status().isUnauthorized());
    }

    @Test
    void spaRouteRules() {
        assertThat(SpaWebConfig.isSpaRoute("")).isTrue();
        assertThat(SpaWebConfig.isSpaRoute("search")).isTrue();
        assertThat(SpaWebConfig.isSpaRoute("events/0193-abc")).isTrue();
        assertThat(SpaWebConfig.isSpaRoute("assets/app.js")).isFalse();
        assertThat(SpaWebConfig.isSpaRoute("api")).isFalse();
        assertThat(SpaWebConfig.isSpaRoute("api/v1/x")).isFalse();
        assertThat(SpaWebConfig.isSpaRoute("actuator/health")).isFalse();
        assertThat(SpaWebConfig.isSpaRoute("apidocs")).isTrue();
    }
}
