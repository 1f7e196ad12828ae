package io.logmaster.flink.postgres;

import io.logmaster.event.EcsJson;
import io.logmaster.event.LogEvent;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EventRowBinderTest {
    /** Parameters set on a recording PreparedStatement: index to value (NULL_SMALLINT for null). */
    static final Object NULL_SMALLINT = "NULL(smallint)";

    static Map<Integer, Object> bind(LogEvent event) throws Exception {
        Map<Integer, Object> params = new HashMap<>();
        PreparedStatement ps =
                (PreparedStatement)
                        Proxy.newProxyInstance(
                                EventRowBinderTest.class.getClassLoader(),
                                new Class<?>[] {PreparedStatement.class},
                                (proxy, method, args) -> {
                                    switch (method.getName()) {
                                        case "setObject", "setString", "setShort" ->
                                                params.put((Integer) args[0], args[1]);
                                        case "setNull" -> {
                                            assertThat(args[1]).isEqualTo(Types.SMALLINT);
                                            params.put((Integer) args[0], NULL_SMALLINT);
                                        }
                                        default ->
                                                throw new AssertionError(
                                                        "unexpected call " + method.getName());
                                    }
                                    return null;
                                });
        new EventRowBinder().accept(ps, event);
        return params;
    }

    static LogEvent event() {
        LogEvent e = new LogEvent();
        e.id = "0193a1b2-0000-7000-8000-000000000001";
        e.receivedNanos = 1_796_292_930_456_789_012L;
        e.timestampMillis = Instant.parse("2026-12-03T10:15:30.123Z").toEpochMilli();
        e.peerAddress = "10.1.2.3";
        e.peerPort = 514;
        e.transport = "udp";
        e.listenerPort = 5514;
        e.gateway = "gw1";
        e.day = "2026-12-03";
        e.hostname = "fw1";
        e.appname = "sshd";
        e.severity = 2;
        e.facility = 4;
        e.message = "the MSG part";
        e.original = "<34>1 2026-12-03T10:15:30.123Z fw1 sshd - - - the MSG part";
        e.parser = "rfc5424";
        return e;
    }

    @Test
    void bindsEveryColumnInOrder() throws Exception {
        LogEvent e = event();

        Map<Integer, Object> p = bind(e);

        assertThat(p).hasSize(11);
        assertThat(p.get(1)).isEqualTo(LocalDate.of(2026, 12, 3));
        assertThat(p.get(2)).isEqualTo(e.id);
        assertThat(p.get(3))
                .isEqualTo(
                        OffsetDateTime.ofInstant(
                                EcsJson.nanosToInstant(e.receivedNanos), ZoneOffset.UTC));
        assertThat(((OffsetDateTime) p.get(3)).getNano()).isEqualTo(456_789_012);
        assertThat(p.get(4)).isEqualTo(OffsetDateTime.parse("2026-12-03T10:15:30.123Z"));
        assertThat(p.get(5)).isEqualTo("10.1.2.3");
        assertThat(p.get(6)).isEqualTo("fw1");
        assertThat(p.get(7)).isEqualTo("sshd");
        assertThat(p.get(8)).isEqualTo((short) 2);
        assertThat(p.get(9)).isEqualTo((short) 4);
        assertThat(p.get(10)).isEqualTo("the MSG part");
        assertThat(p.get(11)).isEqualTo(EcsJson.write(e));
    }

    @Test
    void bindsMissingValuesAsNull() throws Exception {
        LogEvent e = event();
        e.hostname = null;
        e.appname = null;
        e.severity = null;
        e.facility = null;
        e.message = null;

        Map<Integer, Object> p = bind(e);

        assertThat(p.get(6)).isNull();
        assertThat(p.get(7)).isNull();
        assertThat(p.get(8)).isEqualTo(NULL_SMALLINT);
        assertThat(p.get(9)).isEqualTo(NULL_SMALLINT);
        assertThat(p.get(10)).isNull();
        assertThat(p).containsKeys(6, 7, 10);
    }

    @Test
    void replacesNulInTextColumnsAndDocOnly() throws Exception {
        LogEvent e = event();
        e.hostname = "fw\u00001";
        e.appname = "ss\u0000hd";
        e.message = "bad\u0000byte";
        e.original = "<34>1 - fw\u00001 ss\u0000hd - - - bad\u0000byte";
        String docBefore = EcsJson.write(e);
        assertThat(docBefore).contains("bad\\u0000byte");

        Map<Integer, Object> p = bind(e);

        assertThat(p.get(6)).isEqualTo("fw\uFFFD1");
        assertThat(p.get(7)).isEqualTo("ss\uFFFDhd");
        assertThat(p.get(10)).isEqualTo("bad\uFFFDbyte");
        String doc = (String) p.get(11);
        assertThat(doc).doesNotContain("\\u0000").doesNotContain("\u0000");
        assertThat(doc).isEqualTo(docBefore.replace("\\u0000", "\uFFFD"));
        assertThat(doc)
                .contains("\"original\":\"<34>1 - fw\uFFFD1 ss\uFFFDhd - - - bad\uFFFDbyte\"");
        // The event itself (and so the ES document and daily files) is left untouched.
        assertThat(e.message).isEqualTo("bad\u0000byte");
    }

    @Test
    void insertIsIdempotentByDayAndEventId() {
        assertThat(EventRowBinder.INSERT)
                .startsWith(
                        "INSERT INTO events (day, event_id, received_at, event_time, peer_address,"
                                + " hostname, appname, severity, facility, message, doc)")
                .contains("VALUES (?,?,?,?,?,?,?,?,?,?,?::jsonb)")
                .endsWith("ON CONFLICT (day, event_id) DO NOTHING");
    }
}
