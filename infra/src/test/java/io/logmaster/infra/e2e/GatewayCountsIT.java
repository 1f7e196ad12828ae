package io.logmaster.infra.e2e;

import io.logmaster.infra.stack.LocalStack;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input is never silent: a frame the gateway must reject is counted in its metrics, and the
 * message sent before it on the same connection still arrives.
 */
class GatewayCountsIT {
    @Test
    void rejectedFrameIsCountedAndEarlierMessageKept() throws Exception {
        LocalStack stack = SharedStack.get();
        String metrics =
                "http://127.0.0.1:"
                        + stack.config().passThrough().get("LOGMASTER_GATEWAY_METRICS_PORT")
                        + "/metrics";
        long framingBefore = counter(metrics, "logmaster_gateway_framing_errors_total");
        String run = "framing" + Long.toHexString(System.nanoTime());
        String good = "<13>1 2026-12-03T10:15:30Z host-f app - - - kept " + run;

        try (Socket socket =
                new Socket(InetAddress.getLoopbackAddress(), stack.config().syslogPort())) {
            OutputStream out = socket.getOutputStream();
            // RFC 6587 octet counting: one valid frame, then a count that cannot be honoured.
            byte[] frame = good.getBytes(StandardCharsets.UTF_8);
            out.write((frame.length + " ").getBytes(StandardCharsets.US_ASCII));
            out.write(frame);
            out.write("99999999999 x".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.setSoTimeout(10_000);
            assertThat(socket.getInputStream().read())
                    .as("connection closed by gateway")
                    .isEqualTo(-1);
        }

        long framingAfter =
                Await.until(
                        Duration.ofSeconds(20),
                        () -> counter(metrics, "logmaster_gateway_framing_errors_total"),
                        n -> n > framingBefore);
        assertThat(framingAfter - framingBefore).isEqualTo(1);
        ApiClient api = new ApiClient(stack.config().apiUrl(), "admin", SharedStack.ADMIN_PASSWORD);
        long found =
                Await.until(
                        Duration.ofSeconds(60),
                        () -> api.total(PipelineEndToEndIT.query(run)),
                        n -> n >= 1);
        assertThat(found).isEqualTo(1);
    }

    private static long counter(String url, String name) throws Exception {
        String body =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(url)).build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body();
        return body.lines()
                .filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }
}
