package io.logmaster.api;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.net.InetAddress;

/**
 * Prints {@code api-server ready on http://<bind>:<port>} on stdout once the application is ready,
 * so a launcher can wait for that line.
 */
@Component
class ReadyAnnouncer {

    private static final Logger LOG = LoggerFactory.getLogger(ReadyAnnouncer.class);

    private final ServerProperties server;

    ReadyAnnouncer(ServerProperties server) {
        this.server = server;
    }

    @EventListener
    void onReady(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web)) {
            return;
        }
        String line = readyLine(server.getAddress(), web.getWebServer().getPort());
        LOG.info("{}", line);
        System.out.println(line);
        System.out.flush();
    }

    static String readyLine(InetAddress address, int port) {
        String host = address == null ? "0.0.0.0" : address.getHostAddress();
        if (host.indexOf(':') >= 0) {
            host = "[" + host + "]";
        }
        return "api-server ready on http://" + host + ":" + port;
    }
}
