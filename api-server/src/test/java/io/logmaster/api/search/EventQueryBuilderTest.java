package io.logmaster.api.search;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class EventQueryBuilderTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00.123456789Z");

    private static JsonNode build(EventSearchRequest.Params params) {
        return EventQueryBuilder.build(EventSearchRequest.parse(params, NOW));
    }

    private static EventSearchRequest.Params params(
            String q, String host, String app, String severity, String sourceIp, String cursor) {
        return new EventSearchRequest.Params(
                q, null, null, host, app, severity, sourceIp, null, cursor);
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text.replace('\'', '"'));
    }

    private static final String SORT =
            "'sort':[{'@timestamp':{'order':'desc','unmapped_type':'date'}},"
                    + "{'event.id':{'order':'desc','unmapped_type':'keyword'}}]";

    @Test
    void noParametersMatchesEverythingNewestFirst() {
        JsonNode body = build(params(null, null, null, null, null, null));

        assertThat(body)
                .isEqualTo(
                        json(
                                "{'size':51,'track_total_hits':true,'query':{'bool':{'filter':[]}},"
                                        + SORT
                                        + "}"));
        assertThat(EventQueryBuilder.searchPath()).isEqualTo("/logmaster-events-*/_search");
    }

    @Test
    void onlyTheGivenTimeBoundsAreSent() {
        JsonNode from =
                build(
                        new EventSearchRequest.Params(
                                null, "now-15m", null, null, null, null, null, null, null));
        JsonNode to =
                build(
                        new EventSearchRequest.Params(
                                null, null, "now+1d", null, null, null, null, null, null));

        assertThat(from.at("/query/bool/filter"))
                .isEqualTo(json("[{'range':{'@timestamp':{'gte':'2026-12-03T09:45:00.123Z'}}}]"));
        assertThat(to.at("/query/bool/filter"))
                .isEqualTo(json("[{'range':{'@timestamp':{'lte':'2026-12-04T10:00:00.123Z'}}}]"));
    }

    @Test
    void fullTextQueryUsesSimpleQueryStringOverMessageAndOriginalWithAnd() {
        JsonNode body = build(params("  failed password  ", null, null, null, null, null));

        assertThat(body.at("/query/bool/must"))
                .isEqualTo(
                        json(
                                "[{'simple_query_string':{'query':'failed password',"
                                        + "'fields':['message','log.syslog.hostname.text','log.syslog.appname.text'],"
                                        + "'default_operator':'and'}}]"));
    }

    @Test
    void everyFilterBecomesItsOwnExactClause() {
        String cursor = SearchCursor.encode(json("[1796292930123,'0193abc']"));
        JsonNode body =
                build(
                        new EventSearchRequest.Params(
                                "sshd",
                                "2026-12-03T08:00:00Z",
                                "now-5m",
                                "fw1",
                                "sshd",
                                "error",
                                "10.1.2.0/24",
                                "10",
                                cursor));

        assertThat(body)
                .isEqualTo(
                        json(
                                "{'size':11,'track_total_hits':true,'query':{'bool':{"
                                        + "'must':[{'simple_query_string':{'query':'sshd',"
                                        + "'fields':['message','log.syslog.hostname.text','log.syslog.appname.text'],"
                                        + "'default_operator':'and'}}],"
                                        + "'filter':["
                                        + "{'range':{'@timestamp':{'gte':'2026-12-03T08:00:00Z',"
                                        + "'lte':'2026-12-03T09:55:00.123Z'}}},"
                                        + "{'term':{'host.hostname':'fw1'}},"
                                        + "{'term':{'log.syslog.appname':'sshd'}},"
                                        + "{'term':{'log.syslog.severity.code':3}},"
                                        + "{'bool':{'should':["
                                        + "{'term':{'source.ip':'10.1.2.0/24'}},"
                                        + "{'term':{'observer.ip':'10.1.2.0/24'}}],"
                                        + "'minimum_should_match':1}}]}},"
                                        + SORT
                                        + ",'search_after':[1796292930123,'0193abc']}"));
    }

    @Test
    void userInputStaysAJsonStringValue() {
        String hostile = "fw1\"}},{\"match_all\":{}}]}}//";
        JsonNode body = build(params(hostile, hostile, null, null, null, null));

        assertThat(body.at("/query/bool/must/0/simple_query_string/query").asString())
                .isEqualTo(hostile);
        assertThat(body.at("/query/bool/filter/0/term/host.hostname").asString())
                .isEqualTo(hostile);
        assertThat(body.at("/query/bool/filter")).hasSize(1);
    }
}
