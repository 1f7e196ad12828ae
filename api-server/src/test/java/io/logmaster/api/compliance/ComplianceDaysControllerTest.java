package io.logmaster.api.compliance;

import io.logmaster.api.auth.Roles;
import io.logmaster.api.auth.TestAuth;
import io.logmaster.api.error.ApiExceptionHandler;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(ComplianceDaysController.class)
@Import({TestAuth.class, ApiExceptionHandler.class, ComplianceDaysControllerTest.Fakes.class})
class ComplianceDaysControllerTest {

    /** Holds rows in memory and records the range of every query. */
    static final class FakeRepository implements ComplianceDayRepository {
        final List<ComplianceDay.Recorded> rows = new ArrayList<>();
        final List<LocalDate[]> queries = new ArrayList<>();
        RuntimeException failure;

        @Override
        public java.util.Optional<LocalDate> firstCollectedDay() {
            return java.util.Optional.of(LocalDate.of(2000, 1, 1));
        }

        @Override
        public List<ComplianceDay.Recorded> findBetween(LocalDate from, LocalDate to) {
            queries.add(new LocalDate[] {from, to});
            if (failure != null) {
                throw failure;
            }
            return rows.stream()
                    .filter(r -> !r.day().isBefore(from) && !r.day().isAfter(to))
                    .toList();
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ComplianceProperties.class)
    static class Fakes {
        @Bean
        FakeRepository fakeRepository() {
            return new FakeRepository();
        }
    }

    private static final String HASH =
            "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final String HOSTILE = "<img src=x onerror=alert(1)>\u001b[31m";

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;
    @Autowired FakeRepository repository;

    @BeforeEach
    void setUp() {
        repository.rows.clear();
        repository.queries.clear();
        repository.failure = null;
    }

    private String token(String role) {
        return "Bearer " + TestAuth.tokenFor(context, "u-" + role, "secret-pass", role);
    }

    private static ComplianceDay.Recorded sealed(String day) {
        return new ComplianceDay.Recorded(
                LocalDate.parse(day),
                "sealed",
                3,
                1200L,
                HASH,
                Instant.parse("2026-12-02T21:16:00Z"),
                Instant.parse("2026-12-02T21:16:01.250Z"),
                "CN=LogMaster TSA",
                null);
    }

    @Test
    void listsRecordedAndMissingPastDaysNewestFirst() throws Exception {
        // Clock: 2026-12-03T10:00Z = 13:00 in Istanbul, so today is 2026-12-03.
        repository.rows.add(sealed("2026-12-02"));
        repository.rows.add(
                new ComplianceDay.Recorded(
                        LocalDate.parse("2026-11-30"),
                        "pending",
                        1,
                        7L,
                        HASH,
                        Instant.parse("2026-11-30T21:20:00Z"),
                        null,
                        null,
                        "tsa1: connect timed out"));
        repository.rows.add(
                new ComplianceDay.Recorded(
                        LocalDate.parse("2026-11-29"),
                        "failed",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        HOSTILE));

        mvc.perform(
                        get("/api/v1/compliance/days")
                                .param("from", "2026-11-29")
                                .param("to", "2026-12-04")
                                .header("Authorization", token(Roles.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(
                        content()
                                .json(
                                        """
                                        {"days":[
                                          {"day":"2026-12-02","state":"sealed","devices":3,
                                           "records":1200,"manifest_sha256":"%s",
                                           "sealed_at":"2026-12-02T21:16:00Z",
                                           "stamped_at":"2026-12-02T21:16:01.250Z",
                                           "tsa":"CN=LogMaster TSA","detail":null},
                                          {"day":"2026-12-01","state":"unsealed"},
                                          {"day":"2026-11-30","state":"pending","devices":1,
                                           "records":7,"manifest_sha256":"%s",
                                           "sealed_at":"2026-11-30T21:20:00Z",
                                           "stamped_at":null,"tsa":null,
                                           "detail":"tsa1: connect timed out"},
                                          {"day":"2026-11-29","state":"failed","devices":null,
                                           "records":null,"manifest_sha256":null,
                                           "sealed_at":null,"stamped_at":null,"tsa":null,
                                           "detail":"<img src=x onerror=alert(1)>\\u001b[31m"}
                                        ]}
                                        """
                                                .formatted(HASH, HASH),
                                        JsonCompareMode.STRICT));
        assertThat(repository.queries).hasSize(1);
        assertThat(repository.queries.get(0))
                .containsExactly(LocalDate.parse("2026-11-29"), LocalDate.parse("2026-12-04"));
    }

    @Test
    void defaultsToTheLast31DaysEndingTodayInTheConfiguredZone() throws Exception {
        mvc.perform(get("/api/v1/compliance/days").header("Authorization", token(Roles.AUDITOR)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.days.length()").value(30))
                .andExpect(jsonPath("$.days[0].day").value("2026-12-02"))
                .andExpect(jsonPath("$.days[0].state").value("unsealed"))
                .andExpect(jsonPath("$.days[29].day").value("2026-11-03"));
        assertThat(repository.queries.get(0))
                .containsExactly(LocalDate.parse("2026-11-03"), LocalDate.parse("2026-12-03"));
    }

    @Test
    void todaysRowIsShownButTodayIsNeverUnsealed() throws Exception {
        repository.rows.add(sealed("2026-12-03"));
        mvc.perform(
                        get("/api/v1/compliance/days")
                                .param("from", "2026-12-03")
                                .header("Authorization", token(Roles.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.days.length()").value(1))
                .andExpect(jsonPath("$.days[0].state").value("sealed"));
        repository.rows.clear();
        mvc.perform(
                        get("/api/v1/compliance/days")
                                .param("from", "2026-12-03")
                                .header("Authorization", token(Roles.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().json("{\"days\":[]}", JsonCompareMode.STRICT));
    }

    @Test
    void analystGets403ProblemAndTheRepositoryIsNotAsked() throws Exception {
        mvc.perform(get("/api/v1/compliance/days").header("Authorization", token(Roles.ANALYST)))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(403))
                .andExpect(jsonPath("$.detail").value("Your role does not allow this."));
        assertThat(repository.queries).isEmpty();
    }

    @Test
    void withoutTokenIs401Problem() throws Exception {
        mvc.perform(get("/api/v1/compliance/days"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401));
        assertThat(repository.queries).isEmpty();
    }

    @Test
    void badDatesAre400ProblemsNamingTheParameter() throws Exception {
        String admin = token(Roles.ADMIN);
        mvc.perform(
                        get("/api/v1/compliance/days")
                                .param("from", "<b>yesterday</b>")
                                .header("Authorization", admin))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.parameter").value("from"))
                .andExpect(jsonPath("$.detail").value("'from' must be a date like 2026-12-03."));
        mvc.perform(
                        get("/api/v1/compliance/days")
                                .param("to", "2026-02-30")
                                .header("Authorization", admin))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("to"));
        mvc.perform(
                        get("/api/v1/compliance/days")
                                .param("from", "2026-12-02")
                                .param("to", "2026-12-01")
                                .header("Authorization", admin))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("from"))
                .andExpect(
                        jsonPath("$.detail")
                                .value("'from' (2026-12-02) is after 'to' (2026-12-01)."));
        mvc.perform(
                        get("/api/v1/compliance/days")
                                .param("from", "2025-01-01")
                                .param("to", "2026-01-02")
                                .header("Authorization", admin))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("At most 366 days can be listed at once."));
        assertThat(repository.queries).isEmpty();
    }

    @Test
    void aFullYearIsAllowed() throws Exception {
        mvc.perform(
                        get("/api/v1/compliance/days")
                                .param("from", "2025-01-01")
                                .param("to", "2025-12-31")
                                .header("Authorization", token(Roles.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.days.length()").value(365));
    }

    @Test
    void databaseOutageIs503Problem() throws Exception {
        repository.failure = new DataAccessResourceFailureException("connection refused");
        mvc.perform(get("/api/v1/compliance/days").header("Authorization", token(Roles.ADMIN)))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.detail").value("The database is unavailable."));
    }
}
