package io.logmaster.api.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.tomcat.autoconfigure.TomcatServerProperties;
import org.springframework.boot.tomcat.autoconfigure.TomcatWebServerFactoryCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real embedded Tomcat configured from the real {@code application.yml} (the server.* part) and
 * {@link TomcatJsonErrors}: a long query string reaches the application, a too long one gets a JSON
 * problem from Tomcat, never its HTML page.
 */
class TomcatJsonErrorsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static WebServer server;
    private static HttpClient http;

    /** Echoes the length of {@code q}, as the events endpoint would read it. */
    static final class EchoServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            String q = req.getParameter("q");
            resp.setContentType("text/plain");
            resp.getWriter().write("q=" + (q == null ? -1 : q.length()));
        }
    }

    @BeforeAll
    static void start() throws IOException {
        StandardEnvironment env = new StandardEnvironment();
        new YamlPropertySourceLoader()
                .load("application.yml", new ClassPathResource("application.yml"))
                .forEach(env.getPropertySources()::addLast);
        Binder binder = Binder.get(env);
        ServerProperties serverProps =
                binder.bind("server", ServerProperties.class).orElseGet(ServerProperties::new);
        TomcatServerProperties tomcatProps =
                binder.bind("server.tomcat", TomcatServerProperties.class)
                        .orElseGet(TomcatServerProperties::new);

        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(0);
        factory.setAddress(InetAddress.getLoopbackAddress());
        new TomcatWebServerFactoryCustomizer(env, serverProps, tomcatProps, new WebProperties())
                .customize(factory);
        new TomcatJsonErrors().customize(factory);
        server =
                factory.getWebServer(
                        context -> context.addServlet("echo", new EchoServlet()).addMapping("/*"));
        server.start();
        http = HttpClient.newHttpClient();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private static HttpResponse<String> get(String pathAndQuery, String accept) throws Exception {
        return http.send(
                HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + server.getPort() + pathAndQuery))
                        .header("Accept", accept)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void aFortyKilobyteQueryStringReachesTheApplication() throws Exception {
        HttpResponse<String> response = get("/api/v1/events?q=" + "a".repeat(40_000), "*/*");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("q=40000");
    }

    @Test
    void aTooLargeRequestGetsAJsonProblemNotAnHtmlPage() throws Exception {
        HttpResponse<String> response =
                get("/api/v1/events?q=" + "a".repeat(70_000), "text/html,*/*");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(response.body()).doesNotContainIgnoringCase("<html");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("status").asInt()).isEqualTo(400);
        assertThat(body.path("title").asString()).isEqualTo("Bad Request");
        assertThat(body.path("detail").asString()).isNotBlank();
    }

    @Test
    void problemTextIsValidJsonWhateverTheMessage() {
        String doc = JsonErrorReportValve.problem(400, "bad \"x\"\n\\ \u0001" + "y".repeat(300));

        JsonNode body = JSON.readTree(doc);
        assertThat(body.path("detail").asString())
                .startsWith("bad \"x\"\n\\ \u0001y")
                .endsWith("...")
                .hasSize(JsonErrorReportValve.MAX_DETAIL + 3);
        assertThat(JSON.readTree(JsonErrorReportValve.problem(599, null)).path("title").asString())
                .isEqualTo("HTTP 599");
    }
}
