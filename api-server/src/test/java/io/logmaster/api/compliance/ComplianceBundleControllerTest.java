package io.logmaster.api.compliance;

import io.logmaster.api.auth.Roles;
import io.logmaster.api.auth.TestAuth;
import io.logmaster.api.error.ApiExceptionHandler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(ComplianceBundleController.class)
@Import({TestAuth.class, ApiExceptionHandler.class, ComplianceBundleControllerTest.Fakes.class})
class ComplianceBundleControllerTest {

    /** Keeps recorded downloads in memory. */
    static final class FakeDownloads implements ComplianceDownloadRepository {
        final List<ComplianceDownload> rows = new ArrayList<>();

        @Override
        public void record(ComplianceDownload download) {
            rows.add(download);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ComplianceProperties.class)
    static class Fakes {
        @Bean
        FakeDownloads fakeDownloads() {
            return new FakeDownloads();
        }
    }

    private static final Path SEALED;

    static {
        try {
            SEALED = Files.createTempDirectory("sealed-bundle-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void sealedDir(DynamicPropertyRegistry registry) {
        registry.add("logmaster.compliance.sealed-dir", SEALED::toString);
    }

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;
    @Autowired FakeDownloads downloads;

    /** Two sealed days (12-01 stamped with devices a and b_514, 12-03 pending with a only). */
    @BeforeAll
    static void sealDays() throws IOException {
        day("2026-12-01", true, "10.0.0.1", "10.0.0.2_514");
        day("2026-12-03", false, "10.0.0.1");
        // A half-built day and a stray file are not sealed days.
        Files.createDirectories(SEALED.resolve(".2026-12-02.work"));
        Files.createDirectories(SEALED.resolve("2026-12-02"));
        Files.writeString(SEALED.resolve("2026-12-02/README.txt"), "no manifest");
    }

    private static void day(String day, boolean stamped, String... devices) throws IOException {
        Path dir = Files.createDirectories(SEALED.resolve(day));
        StringBuilder manifest = new StringBuilder("{\"day\":\"" + day + "\",\"devices\":[");
        for (int i = 0; i < devices.length; i++) {
            manifest.append(i == 0 ? "" : ",").append("{\"device\":\"" + devices[i] + "\"}");
            Path file = dir.resolve("devices/" + devices[i] + "/records.jsonl.gz");
            Files.createDirectories(file.getParent());
            Files.writeString(file, "gz of " + devices[i] + " on " + day);
        }
        manifest.append("]}");
        Files.writeString(dir.resolve("manifest.json"), manifest);
        Files.writeString(dir.resolve("manifest.sig"), "sig " + day);
        if (stamped) {
            Files.writeString(dir.resolve("manifest.tsr"), "tsr " + day);
            Files.writeString(dir.resolve("manifest.tst"), "tst " + day);
        }
        for (String pem : List.of("signer-chain.pem", "signer-public.pem", "tsa-chain.pem")) {
            Files.writeString(dir.resolve(pem), pem + " " + day);
        }
        Files.writeString(dir.resolve("README.txt"), "readme " + day);
    }

    @BeforeEach
    void setUp() {
        downloads.rows.clear();
    }

    private String token(String role) {
        return "Bearer " + TestAuth.tokenFor(context, "u-" + role, "secret-pass", role);
    }

    private static MockHttpServletRequestBuilder bundle(String from, String to) {
        return get("/api/v1/compliance/bundle").param("from", from).param("to", to);
    }

    /** Runs the request to its end and returns the zip's entries, name to content. */
    private Map<String, String> download(MockHttpServletRequestBuilder request) throws Exception {
        MvcResult started = mvc.perform(request).andExpect(request().asyncStarted()).andReturn();
        byte[] zip =
                mvc.perform(asyncDispatch(started))
                        .andExpect(status().isOk())
                        .andExpect(content().contentType("application/zip"))
                        .andReturn()
                        .getResponse()
                        .getContentAsByteArray();
        Map<String, String> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                entries.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }

    @Test
    void zipHoldsEverySealedFileAsIsAndTheReadmeNamesMissingDays() throws Exception {
        MvcResult started =
                mvc.perform(
                                bundle("2026-11-30", "2026-12-03")
                                        .header("Authorization", token(Roles.AUDITOR)))
                        .andExpect(request().asyncStarted())
                        .andExpect(
                                header().string(
                                                "Content-Disposition",
                                                "attachment;"
                                                        + " filename=\"logmaster-bundle-2026-11-30-2026-12-03.zip\""))
                        .andReturn();
        // Audited before the first byte is streamed.
        assertThat(downloads.rows).hasSize(1);
        ComplianceDownload row = downloads.rows.get(0);
        assertThat(row.username()).isEqualTo("u-auditor");
        assertThat(row.remoteAddr()).isEqualTo("127.0.0.1");
        assertThat(row.from()).isEqualTo(LocalDate.parse("2026-11-30"));
        assertThat(row.to()).isEqualTo(LocalDate.parse("2026-12-03"));
        assertThat(row.device()).isNull();
        assertThat(row.days()).isEqualTo(2);
        mvc.perform(asyncDispatch(started)).andExpect(status().isOk());

        Map<String, String> zip =
                download(
                        bundle("2026-11-30", "2026-12-03")
                                .header("Authorization", token(Roles.ADMIN)));
        assertThat(zip.keySet())
                .containsExactly(
                        "README.txt",
                        "2026-12-01/README.txt",
                        "2026-12-01/devices/10.0.0.1/records.jsonl.gz",
                        "2026-12-01/devices/10.0.0.2_514/records.jsonl.gz",
                        "2026-12-01/manifest.json",
                        "2026-12-01/manifest.sig",
                        "2026-12-01/manifest.tsr",
                        "2026-12-01/manifest.tst",
                        "2026-12-01/signer-chain.pem",
                        "2026-12-01/signer-public.pem",
                        "2026-12-01/tsa-chain.pem",
                        "2026-12-03/README.txt",
                        "2026-12-03/devices/10.0.0.1/records.jsonl.gz",
                        "2026-12-03/manifest.json",
                        "2026-12-03/manifest.sig",
                        "2026-12-03/signer-chain.pem",
                        "2026-12-03/signer-public.pem",
                        "2026-12-03/tsa-chain.pem");
        assertThat(zip.get("2026-12-01/devices/10.0.0.2_514/records.jsonl.gz"))
                .isEqualTo("gz of 10.0.0.2_514 on 2026-12-01");
        assertThat(zip.get("2026-12-03/manifest.sig")).isEqualTo("sig 2026-12-03");
        String readme = zip.get("README.txt");
        assertThat(readme)
                .contains("Sealed days in this bundle (2)")
                .contains("2026-12-03  PENDING")
                .contains("Missing days, NOT sealed, so not in this bundle (2)")
                .contains("2026-11-30  missing: not sealed")
                .contains("2026-12-02  missing: not sealed")
                .contains(
                        "openssl dgst -sha256 -verify DAY/signer-public.pem \\\n"
                                + "     -signature DAY/manifest.sig DAY/manifest.json")
                .contains("openssl ts -verify -data DAY/manifest.json -in DAY/manifest.tsr")
                .contains("-untrusted DAY/tsa-chain.pem")
                .contains("sha256sum")
                .contains("gzip -dc")
                .contains("previous.manifest_sha256")
                .doesNotContain("Device filter");
        assertThat(downloads.rows).hasSize(2);
    }

    @Test
    void deviceFilterKeepsOnlyThatDevicesFilesAndWholeManifests() throws Exception {
        Map<String, String> zip =
                download(
                        bundle("2026-12-01", "2026-12-03")
                                .param("device", "10.0.0.2_514")
                                .header("Authorization", token(Roles.AUDITOR)));
        assertThat(zip.keySet())
                .contains(
                        "2026-12-01/devices/10.0.0.2_514/records.jsonl.gz",
                        "2026-12-01/manifest.json",
                        "2026-12-03/manifest.json")
                .noneMatch(name -> name.contains("10.0.0.1"));
        assertThat(zip.get("2026-12-01/manifest.json")).contains("10.0.0.1");
        assertThat(zip.get("README.txt"))
                .contains("device 10.0.0.2_514 only")
                .contains("The files of other devices are omitted")
                .contains("2026-12-03  PENDING")
                .contains("(no records of device 10.0.0.2_514 that day)");
        assertThat(downloads.rows).hasSize(1);
        assertThat(downloads.rows.get(0).device()).isEqualTo("10.0.0.2_514");
    }

    @Test
    void unknownOrHostileDevicesAre400AndNotAudited() throws Exception {
        for (String device : List.of("10.0.0.9", "../2026-12-01", "..", "10.0.0.1/../..")) {
            mvc.perform(
                            bundle("2026-12-01", "2026-12-03")
                                    .param("device", device)
                                    .header("Authorization", token(Roles.ADMIN)))
                    .andExpect(status().isBadRequest())
                    .andExpect(
                            content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.parameter").value("device"));
        }
        assertThat(downloads.rows).isEmpty();
    }

    @Test
    void analystGets403AndNothingIsAudited() throws Exception {
        mvc.perform(
                        bundle("2026-12-01", "2026-12-03")
                                .header("Authorization", token(Roles.ANALYST)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("Your role does not allow this."));
        mvc.perform(bundle("2026-12-01", "2026-12-03")).andExpect(status().isUnauthorized());
        assertThat(downloads.rows).isEmpty();
    }

    @Test
    void badDatesAre400NamingTheParameter() throws Exception {
        String admin = token(Roles.ADMIN);
        record Case(String from, String to, String parameter, String detail) {}
        List<Case> cases =
                List.of(
                        new Case(
                                "../etc",
                                "2026-12-03",
                                "from",
                                "'from' must be a date like 2026-12-03."),
                        new Case(
                                "2026-12-01",
                                "2026-02-30",
                                "to",
                                "'to' must be a date like 2026-12-03."),
                        new Case(
                                "+2026-12-01",
                                "2026-12-03",
                                "from",
                                "'from' must be a date like 2026-12-03."),
                        new Case("2026-12-01", "", "to", "'to' must be a date like 2026-12-03."),
                        new Case(
                                "2026-12-03",
                                "2026-12-01",
                                "from",
                                "'from' (2026-12-03) is after 'to' (2026-12-01)."),
                        new Case(
                                "2026-09-01",
                                "2026-12-03",
                                "to",
                                "At most 93 days can be bundled at once."));
        for (Case c : cases) {
            mvc.perform(bundle(c.from(), c.to()).header("Authorization", admin))
                    .andExpect(status().isBadRequest())
                    .andExpect(
                            content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.parameter").value(c.parameter()))
                    .andExpect(jsonPath("$.detail").value(c.detail()));
        }
        mvc.perform(
                        get("/api/v1/compliance/bundle")
                                .param("to", "2026-12-03")
                                .header("Authorization", admin))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("from"));
        assertThat(downloads.rows).isEmpty();
        // 93 days is the limit, inclusive.
        download(bundle("2026-09-01", "2026-12-02").header("Authorization", admin));
        assertThat(downloads.rows).hasSize(1);
        assertThat(downloads.rows.get(0).days()).isEqualTo(1);
    }
}
