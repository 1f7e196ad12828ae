package io.logmaster.infra.e2e;

import io.logmaster.infra.send.SendOptions;
import io.logmaster.infra.send.SyslogSender;
import io.logmaster.infra.stack.LocalStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person's view: Chromium (driven by Playwright) logs in to the web UI, finds a line sent through
 * the gateway, and sees hostile HTML in it as plain text (web/e2e/search.e2e.mjs).
 */
class BrowserSearchIT {
    @TempDir Path tmp;

    @Test
    void analystFindsSentLineAndSeesHostileHtmlAsText() throws Exception {
        LocalStack stack = SharedStack.get();
        String needle = "browser" + Long.toHexString(System.nanoTime());
        String hostile =
                "login failed <script>alert(1)</script><b>bold</b><img src=x onerror=alert(2)> "
                        + needle;
        Path file = tmp.resolve("hostile.log");
        // Device time = now, so the UI's default time range finds it on any day.
        Files.writeString(
                file, "<38>1 " + java.time.Instant.now() + " web-7 sshd 42 - - " + hostile + "\n");
        new SyslogSender(
                        SendOptions.parse(
                                List.of(file.toString(), "--proto", "tcp"),
                                stack.config().syslogPort()))
                .send(n -> {});
        Path screenshot = Path.of("target", "e2e-search.png").toAbsolutePath();

        Path web = stack.config().home().resolve("web");
        ProcessBuilder pb =
                new ProcessBuilder("node", "e2e/search.e2e.mjs").directory(web.toFile());
        pb.environment().put("LOGMASTER_URL", stack.config().apiUrl());
        pb.environment().put("LOGMASTER_USER", "admin");
        pb.environment().put("LOGMASTER_PASSWORD", SharedStack.ADMIN_PASSWORD);
        pb.environment().put("E2E_NEEDLE", needle);
        pb.environment().put("E2E_HOSTILE", hostile);
        pb.environment().put("E2E_SCREENSHOT", screenshot.toString());
        pb.redirectErrorStream(true);
        Path log = tmp.resolve("browser.log");
        pb.redirectOutput(log.toFile());
        Process browser = pb.start();
        boolean finished = browser.waitFor(Duration.ofMinutes(3).toSeconds(), TimeUnit.SECONDS);
        if (!finished) {
            browser.destroyForcibly();
            browser.waitFor();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println(output);

        assertThat(finished).as("browser test finished in time").isTrue();
        assertThat(browser.exitValue()).as("browser test exit code; output:\n%s", output).isZero();
        assertThat(output).contains("e2e ok");
        assertThat(screenshot).exists();
    }
}
