package io.logmaster.api.search;

import io.logmaster.api.error.InvalidParameterException;
import tools.jackson.databind.node.ArrayNode;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * A validated event search. Optional filters are {@code null} when absent.
 *
 * @param query full-text query ({@code simple_query_string} syntax), {@code null} = everything
 * @param from earliest {@code @timestamp}, inclusive, or {@code null} for no lower bound
 * @param to latest {@code @timestamp}, inclusive, or {@code null} for no upper bound (events whose
 *     device clock runs ahead must stay findable)
 * @param host exact {@code host.hostname}
 * @param app exact {@code log.syslog.appname}
 * @param severity exact {@code log.syslog.severity.code}
 * @param sourceIp IP address or CIDR block matched against {@code source.ip} or {@code observer.ip}
 * @param size page size, 1..{@value #MAX_SIZE}
 * @param searchAfter sort values of the previous page's last hit, or {@code null}
 */
record EventSearchRequest(
        String query,
        Instant from,
        Instant to,
        String host,
        String app,
        Integer severity,
        String sourceIp,
        int size,
        ArrayNode searchAfter) {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 1000;
    static final int MAX_QUERY_LENGTH = 4096;
    static final int MAX_TERM_LENGTH = 1024;

    /**
     * Most terms plus operators in {@code q}. Each term becomes at least one Boolean clause, and
     * Elasticsearch refuses a query with more than 1024 ({@code
     * indices.query.bool.max_clause_count}).
     */
    static final int MAX_QUERY_TOKENS = 256;

    /** A {@code simple_query_string} operator character, or a run of anything else (a term). */
    private static final Pattern QUERY_TOKEN = Pattern.compile("[|+()]|[^\\s|+()]+");

    private static final Pattern IPV4 =
            Pattern.compile(
                    "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    /** The raw query parameters, each {@code null} when absent. */
    record Params(
            String q,
            String from,
            String to,
            String host,
            String app,
            String severity,
            String sourceIp,
            String size,
            String cursor) {}

    static EventSearchRequest parse(Params p, Instant now) {
        String query = blankToNull(p.q());
        if (query != null && query.length() > MAX_QUERY_LENGTH) {
            throw new InvalidParameterException(
                    "q", "q is longer than " + MAX_QUERY_LENGTH + " characters");
        }
        if (query != null) {
            long tokens = QUERY_TOKEN.matcher(query).results().count();
            if (tokens > MAX_QUERY_TOKENS) {
                throw new InvalidParameterException(
                        "q",
                        "q has "
                                + tokens
                                + " terms and operators; at most "
                                + MAX_QUERY_TOKENS
                                + " are allowed");
            }
        }
        // An absent bound is open: device clocks run ahead (or reset to 1970), and year inference
        // for syslog timestamps without a year can place a replayed line in the future; a default
        // window relative to "now" would hide exactly those events.
        Instant to = blankToNull(p.to()) == null ? null : TimeExpressions.parse("to", p.to(), now);
        Instant from =
                blankToNull(p.from()) == null ? null : TimeExpressions.parse("from", p.from(), now);
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidParameterException(
                    "from", "from (" + from + ") is after to (" + to + ")");
        }
        String severity = blankToNull(p.severity());
        String sourceIp = blankToNull(p.sourceIp());
        if (sourceIp != null) {
            checkIp(sourceIp);
        }
        String cursor = blankToNull(p.cursor());
        return new EventSearchRequest(
                query,
                from,
                to,
                term("host", p.host()),
                term("app", p.app()),
                severity == null ? null : Severities.parse(severity),
                sourceIp,
                size(p.size()),
                cursor == null ? null : SearchCursor.decode(cursor));
    }

    private static int size(String raw) {
        String v = blankToNull(raw);
        if (v == null) {
            return DEFAULT_SIZE;
        }
        try {
            int size = Integer.parseInt(v);
            if (size >= 1 && size <= MAX_SIZE) {
                return size;
            }
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        throw new InvalidParameterException(
                "size",
                "size must be a whole number from 1 to "
                        + MAX_SIZE
                        + "; got '"
                        + TimeExpressions.abbreviate(v)
                        + "'");
    }

    private static String term(String parameter, String raw) {
        String v = blankToNull(raw);
        if (v != null && v.length() > MAX_TERM_LENGTH) {
            throw new InvalidParameterException(
                    parameter, parameter + " is longer than " + MAX_TERM_LENGTH + " characters");
        }
        return v;
    }

    /**
     * Accepts an IPv4 or IPv6 literal, optionally with a CIDR prefix, without any DNS lookup
     * (Elasticsearch would reject anything else with an error for the whole search).
     */
    static void checkIp(String value) {
        String address = value;
        int maxPrefix;
        int slash = value.indexOf('/');
        if (slash >= 0) {
            address = value.substring(0, slash);
        }
        if (IPV4.matcher(address).matches()) {
            maxPrefix = 32;
        } else if (address.indexOf(':') >= 0 && IPV6_CHARS.matcher(address).matches()) {
            try {
                // Brackets make InetAddress parse a literal and never resolve a name.
                InetAddress.getByName("[" + address + "]");
            } catch (UnknownHostException e) {
                throw badIp(value);
            }
            maxPrefix = 128;
        } else {
            throw badIp(value);
        }
        if (slash >= 0) {
            String prefix = value.substring(slash + 1);
            if (!prefix.matches("\\d{1,3}") || Integer.parseInt(prefix) > maxPrefix) {
                throw badIp(value);
            }
        }
    }

    private static InvalidParameterException badIp(String value) {
        return new InvalidParameterException(
                "source_ip",
                "source_ip must be an IPv4 or IPv6 address or CIDR block; got '"
                        + TimeExpressions.abbreviate(value)
                        + "'");
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v.trim();
    }
}
