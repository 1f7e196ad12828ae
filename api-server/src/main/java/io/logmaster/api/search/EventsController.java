package io.logmaster.api.search;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;

/**
 * {@code GET /api/v1/events}: full-text and filtered search over stored events, newest first, paged
 * with an opaque cursor.
 */
@RestController
@RequestMapping("/api/v1/events")
class EventsController {

    private final EventSearcher searcher;
    private final Clock clock;

    EventsController(EventSearcher searcher, Clock clock) {
        this.searcher = searcher;
        this.clock = clock;
    }

    @GetMapping
    SearchPage search(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String host,
            @RequestParam(required = false) String app,
            @RequestParam(required = false) String severity,
            @RequestParam(name = "source_ip", required = false) String sourceIp,
            @RequestParam(required = false) String size,
            @RequestParam(required = false) String cursor) {
        var params =
                new EventSearchRequest.Params(
                        q, from, to, host, app, severity, sourceIp, size, cursor);
        return searcher.search(EventSearchRequest.parse(params, clock.instant()));
    }
}
