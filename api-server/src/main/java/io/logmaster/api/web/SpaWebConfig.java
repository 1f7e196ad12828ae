package io.logmaster.api.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.PathResourceResolver;

import java.io.IOException;

/**
 * Serves the web UI from {@code classpath:/static/} (the io.logmaster:web jar): {@code /} is {@code
 * index.html}, existing files are served as they are, and any other GET that is not under {@code
 * /api/} or {@code /actuator/} and whose last segment has no dot is answered with {@code
 * index.html}, so the single-page app's client-side routes survive a reload.
 */
@Configuration(proxyBeanMethods = false)
public class SpaWebConfig implements WebMvcConfigurer {

    static final String LOCATION = "classpath:/static/";
    static final String INDEX = "index.html";

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/").setViewName("forward:/" + INDEX);
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/**")
                .addResourceLocations(LOCATION)
                .resourceChain(true)
                .addResolver(new SpaFallbackResolver());
    }

    /** True for a path (relative, no leading slash) that names a client-side route. */
    static boolean isSpaRoute(String path) {
        if (path.equals("api")
                || path.startsWith("api/")
                || path.equals("actuator")
                || path.startsWith("actuator/")) {
            return false;
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.indexOf('.') < 0;
    }

    /** Resolves existing files normally and client-side routes to {@code index.html}. */
    static final class SpaFallbackResolver extends PathResourceResolver {

        @Override
        protected Resource getResource(String resourcePath, Resource location) throws IOException {
            Resource found = super.getResource(resourcePath, location);
            if (found != null) {
                return found;
            }
            if (!isSpaRoute(resourcePath)) {
                return null;
            }
            return super.getResource(INDEX, location);
        }
    }
}
