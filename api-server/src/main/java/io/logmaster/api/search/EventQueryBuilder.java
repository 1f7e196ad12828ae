package io.logmaster.api.search;

import io.logmaster.api.elastic.EventIndices;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Builds the Elasticsearch {@code _search} body for an {@link EventSearchRequest} as a JSON tree;
 * user input only ever becomes JSON string values, never query syntax outside {@code
 * simple_query_string} (which never fails on bad syntax).
 */
final class EventQueryBuilder {

    /** Fields searched by the full-text query {@code q}. */
    // event.original is stored but not indexed (analysing the line twice cost a fifth of the
    // indexing rate); its header parts are searchable through analysed sub-fields of host and app
    // instead, so q=sshd finds "sshd(pam_unix)[123]:" lines.
    static final String[] TEXT_FIELDS = {
        "message", "log.syslog.hostname.text", "log.syslog.appname.text"
    };

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private EventQueryBuilder() {}

    /** Index path searched, with the options that make missing daily indices harmless. */
    static String searchPath() {
        return "/" + EventIndices.PATTERN + "/_search";
    }

    static ObjectNode build(EventSearchRequest r) {
        ObjectNode body = NODES.objectNode();
        // One extra hit tells whether a next page exists.
        body.put("size", r.size() + 1);
        body.put("track_total_hits", true);

        ObjectNode bool = body.putObject("query").putObject("bool");
        if (r.query() != null) {
            ObjectNode sqs = bool.putArray("must").addObject().putObject("simple_query_string");
            sqs.put("query", SimpleQuerySyntax.fromBooleanWords(r.query()));
            ArrayNode fields = sqs.putArray("fields");
            for (String f : TEXT_FIELDS) {
                fields.add(f);
            }
            sqs.put("default_operator", "and");
        }
        ArrayNode filter = bool.putArray("filter");
        if (r.from() != null || r.to() != null) {
            ObjectNode range = filter.addObject().putObject("range").putObject("@timestamp");
            if (r.from() != null) {
                range.put("gte", iso(r.from()));
            }
            if (r.to() != null) {
                range.put("lte", iso(r.to()));
            }
        }
        if (r.host() != null) {
            term(filter.addObject(), "host.hostname", r.host());
        }
        if (r.app() != null) {
            term(filter.addObject(), "log.syslog.appname", r.app());
        }
        if (r.severity() != null) {
            filter.addObject()
                    .putObject("term")
                    .put("log.syslog.severity.code", r.severity().intValue());
        }
        if (r.sourceIp() != null) {
            ObjectNode ipBool = filter.addObject().putObject("bool");
            ArrayNode should = ipBool.putArray("should");
            term(should.addObject(), "source.ip", r.sourceIp());
            term(should.addObject(), "observer.ip", r.sourceIp());
            ipBool.put("minimum_should_match", 1);
        }

        ArrayNode sort = body.putArray("sort");
        sort(sort, "@timestamp", "date");
        sort(sort, "event.id", "keyword");
        if (r.searchAfter() != null) {
            body.set("search_after", r.searchAfter().deepCopy());
        }
        return body;
    }

    private static void term(ObjectNode target, String field, String value) {
        target.putObject("term").put(field, value);
    }

    private static void sort(ArrayNode sort, String field, String unmappedType) {
        ObjectNode spec = sort.addObject().putObject(field);
        spec.put("order", "desc");
        // A stray index without the template must not fail the whole search.
        spec.put("unmapped_type", unmappedType);
    }

    /** Millisecond precision: {@code @timestamp} is a millisecond {@code date} field. */
    private static String iso(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
