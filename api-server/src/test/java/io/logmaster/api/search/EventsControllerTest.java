package io.logmaster.api.search;

import io.logmaster.api.auth.Roles;
import io.logmaster.api.auth.TestAuth;
import io.logmaster.api.error.ApiExceptionHandler;
import io.logmaster.api.error.QueryRejectedException;
import io.logmaster.api.error.ServiceUnavailableException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(EventsController.class)
@ExtendWith(OutputCaptureExtension.class)
@Import({TestAuth.class, ApiExceptionHandler.class, EventsControllerTest.Fakes.class})
class EventsControllerTest {

    /** Records requests and answers with a canned page, or fails when told to. */
    static final class FakeSearcher implements EventSearcher {
        final List<EventSearchRequest> requests = new ArrayList<>();
        SearchPage answer = new SearchPage(0, List.of(), null);
        RuntimeException failure;

        @Override
        public SearchPage search(EventSearchRequest request) {
            requests.add(request);
            if (failure != null) {
                throw failure;
            }
            return answer;
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Fakes {
        @Bean
        FakeSearcher fakeSearcher() {
            return new FakeSearcher();
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;
    @Autowired FakeSearcher searcher;
    private String token;

    @BeforeEach
    void setUp() {
        token = TestAuth.tokenFor(context, "ana", "secret-pass", Roles.ANALYST);
        searcher.requests.clear();
        searcher.failure = null;
        searcher.answer = new SearchPage(0, List.of(), null);
    }

    @Test
    void returnsTotalEventsAsStoredAndNextCursor() throws Exception {
        String source =
                "{\"@timestamp\":\"2026-12-03T10:15:30.123Z\",\"event\":{\"id\":\"0193\"},"
                        + "\"message\":\"hello\",\"log\":{\"syslog\":{\"severity\":{\"code\":2}}}}";
        searcher.answer = new SearchPage(1234, List.of(JSON.readTree(source)), "WzEsImEiXQ");

        mvc.perform(
                        get("/api/v1/events")
                                .param("q", "hello")
                                .param("host", "fw1")
                                .param("app", "sshd")
                                .param("severity", "crit")
                                .param("source_ip", "10.1.2.3")
                                .param("from", "now-15m")
                                .param("to", "2026-12-03T10:00:00Z")
                                .param("size", "20")
                                .header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(
                        content()
                                .json(
                                        "{\"total\":1234,\"events\":["
                                                + source
                                                + "],\"next_cursor\":\"WzEsImEiXQ\"}",
                                        JsonCompareMode.STRICT));

        assertThat(searcher.requests).hasSize(1);
        EventSearchRequest r = searcher.requests.get(0);
        assertThat(r.query()).isEqualTo("hello");
        assertThat(r.host()).isEqualTo("fw1");
        assertThat(r.app()).isEqualTo("sshd");
        assertThat(r.severity()).isEqualTo(2);
        assertThat(r.sourceIp()).isEqualTo("10.1.2.3");
        assertThat(r.from()).isEqualTo(TestAuth.START.minusSeconds(900));
        assertThat(r.to()).isEqualTo(Instant.parse("2026-12-03T10:00:00Z"));
        assertThat(r.size()).isEqualTo(20);
    }

    @Test
    void lastPageHasNullCursor() throws Exception {
        mvc.perform(get("/api/v1/events").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(
                        content()
                                .json(
                                        "{\"total\":0,\"events\":[],\"next_cursor\":null}",
                                        JsonCompareMode.STRICT));
    }

    @Test
    void badParameterIs400ProblemNamingIt() throws Exception {
        mvc.perform(
                        get("/api/v1/events")
                                .param("from", "yesterday")
                                .header("Authorization", "Bearer " + token))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Invalid parameter 'from'"))
                .andExpect(jsonPath("$.parameter").value("from"))
                .andExpect(jsonPath("$.status").value(400));
        assertThat(searcher.requests).isEmpty();
    }

    @Test
    void noTimeParametersSearchWithoutTimeBounds() throws Exception {
        mvc.perform(get("/api/v1/events").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk());

        assertThat(searcher.requests.get(0).from()).isNull();
        assertThat(searcher.requests.get(0).to()).isNull();
    }

    @Test
    void futureToIsAccepted() throws Exception {
        mvc.perform(
                        get("/api/v1/events")
                                .param("to", "now+1d")
                                .header("Authorization", "Bearer " + token))
                .andExpect(status().isOk());

        assertThat(searcher.requests.get(0).to()).isEqualTo(TestAuth.START.plusSeconds(86_400));
    }

    @Test
    void tooManyQueryTermsIs400NamingQAndTheLimit() throws Exception {
        mvc.perform(
                        get("/api/v1/events")
                                .param("q", "w ".repeat(1025))
                                .header("Authorization", "Bearer " + token))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.parameter").value("q"))
                .andExpect(
                        jsonPath("$.detail")
                                .value("q has 1025 terms and operators; at most 256 are allowed"));
        assertThat(searcher.requests).isEmpty();
    }

    @Test
    void queryElasticsearchRejectsIs400ProblemNotA500() throws Exception {
        searcher.failure =
                new QueryRejectedException(
                        "The query could not be run: query_shard_exception: failed to create"
                                + " query: maxClauseCount is set to 1024",
                        new IOException("HTTP 400"));

        mvc.perform(
                        get("/api/v1/events")
                                .param("q", "a,b,c")
                                .header("Authorization", "Bearer " + token))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(
                        content()
                                .json(
                                        "{\"status\":400,\"title\":\"Query could not be run\","
                                                + "\"detail\":\"The query could not be run:"
                                                + " query_shard_exception: failed to create query:"
                                                + " maxClauseCount is set to 1024\","
                                                + "\"instance\":\"/api/v1/events\"}",
                                        JsonCompareMode.STRICT));
    }

    @Test
    void forgedLogLineInAParameterIsEscapedInTheLog(CapturedOutput output) throws Exception {
        mvc.perform(
                        get("/api/v1/events")
                                .param("from", "x\n2026-12-03T18:01:03Z ERROR FORGED\r\u001b[2J")
                                .header("Authorization", "Bearer " + token))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("from"));

        String log = output.getOut() + output.getErr();
        assertThat(log)
                .contains("got 'x\\n2026-12-03T18:01:03Z ERROR FORGED\\r\\u001b[2J'")
                .doesNotContain("\n2026-12-03T18:01:03Z ERROR FORGED")
                .doesNotContain("\u001b");
    }

    @Test
    void searchBackendDownIs503WithoutInternals() throws Exception {
        searcher.failure =
                new ServiceUnavailableException(
                        "Search is unavailable right now.",
                        new IOException("Connection refused: 127.0.0.1:19200"));

        mvc.perform(get("/api/v1/events").header("Authorization", "Bearer " + token))
                .andExpect(status().isServiceUnavailable())
                .andExpect(
                        content()
                                .json(
                                        "{\"status\":503,\"title\":\"Service Unavailable\","
                                                + "\"detail\":\"Search is unavailable right now.\","
                                                + "\"instance\":\"/api/v1/events\"}",
                                        JsonCompareMode.STRICT));
    }

    @Test
    void unexpectedFailureIs500WithoutInternals() throws Exception {
        searcher.failure = new IllegalStateException("secret internal detail");

        mvc.perform(get("/api/v1/events").header("Authorization", "Bearer " + token))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.detail").value("An internal error occurred."))
                .andExpect(
                        result ->
                                assertThat(result.getResponse().getContentAsString())
                                        .doesNotContain("secret"));
    }

    @Test
    void needsAToken() throws Exception {
        mvc.perform(get("/api/v1/events"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.status").value(401));
        assertThat(searcher.requests).isEmpty();
    }
}
