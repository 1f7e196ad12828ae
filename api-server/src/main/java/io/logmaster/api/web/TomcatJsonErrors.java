package io.logmaster.api.web;

import org.apache.catalina.Container;
import org.apache.catalina.Host;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Replaces Tomcat's HTML {@link ErrorReportValve} with {@link JsonErrorReportValve}, so even the
 * errors Tomcat answers itself (request too large, malformed request) are problem+json, never an
 * HTML page.
 */
@Component
public class TomcatJsonErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        // The host installs its error valve when it starts, before it starts our context; the
        // context only gets its host when added to it, so swap the valve when the context starts.
        factory.addContextCustomizers(
                context ->
                        context.addLifecycleListener(
                                event -> {
                                    if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                                        install(context.getParent());
                                    }
                                }));
    }

    static void install(Container parent) {
        if (!(parent instanceof Host host)) {
            return;
        }
        if (host instanceof StandardHost standard) {
            // Also what the host installs should it ever start again.
            standard.setErrorReportValveClass(JsonErrorReportValve.class.getName());
        }
        for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ErrorReportValve && !(valve instanceof JsonErrorReportValve)) {
                host.getPipeline().removeValve(valve);
            }
        }
        for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof JsonErrorReportValve) {
                return;
            }
        }
        host.getPipeline().addValve(new JsonErrorReportValve());
    }
}
