package io.logmaster.compliance.manifest;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CanonicalJsonTest {
    @Test
    void writesSortedKeysWithoutWhitespace() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("z", 1L);
        inner.put("a", null);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("list", List.of(3, "x", false, List.of()));
        m.put("b", inner);
        m.put("a", -12L);
        m.put("A", "upper");

        assertThat(CanonicalJson.toText(m))
                .isEqualTo(
                        "{\"A\":\"upper\",\"a\":-12,\"b\":{\"a\":null,\"z\":1},"
                                + "\"list\":[3,\"x\",false,[]]}");
    }

    @Test
    void keyOrderDoesNotDependOnInsertion() {
        Map<String, Object> one = new LinkedHashMap<>();
        Map<String, Object> two = new HashMap<>();
        String[] keys = {"records", "device", "size", "é", "sha256", "a_b", "aB", "ab"};
        for (String k : keys) {
            one.put(k, k.length());
        }
        for (int i = keys.length - 1; i >= 0; i--) {
            two.put(keys[i], keys[i].length());
        }
        assertThat(CanonicalJson.toBytes(one)).isEqualTo(CanonicalJson.toBytes(two));
        assertThat(CanonicalJson.toText(one))
                .isEqualTo(
                        "{\"aB\":2,\"a_b\":3,\"ab\":2,\"device\":6,\"records\":7,"
                                + "\"sha256\":6,\"size\":4,\"é\":1}");
    }

    @Test
    void escapesOnlyWhatRfc8785Requires() {
        String s = "q\" b\\ \b\f\n\r\t \u0000\u001f\u007f é ş 😀 \u2028 /";
        byte[] bytes = CanonicalJson.toBytes(List.of(s));
        String expected = "[\"q\\\" b\\\\ \\b\\f\\n\\r\\t \\u0000\\u001f\u007f é ş 😀 \u2028 /\"]";
        assertThat(bytes).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
        // é is two UTF-8 bytes, the emoji four: nothing is \\u-escaped.
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("😀");
    }

    @Test
    void rejectsLoneSurrogatesAndUnsupportedTypes() {
        assertThatThrownBy(() -> CanonicalJson.toBytes("bad \ud800 x"))
                .hasMessageContaining("lone surrogate U+d800");
        assertThatThrownBy(() -> CanonicalJson.toBytes(1.5))
                .hasMessageContaining("java.lang.Double");
    }

    @Test
    void manifestRoundTripsThroughItsCanonicalBytes() throws Exception {
        Manifest m =
                new Manifest(
                        Manifest.FORMAT,
                        LocalDate.of(2026, 12, 3),
                        "Europe/Istanbul",
                        Instant.parse("2026-12-04T00:20:00Z"),
                        new Manifest.Previous(LocalDate.of(2026, 12, 2), "ab".repeat(32)),
                        List.of(
                                new Manifest.DeviceEntry(
                                        "10.1.2.3",
                                        "devices/10.1.2.3/records.jsonl.gz",
                                        2,
                                        300,
                                        "cd".repeat(32),
                                        120,
                                        "ef".repeat(32),
                                        "01".repeat(32),
                                        "2026-12-02T21:00:00.000000001Z",
                                        "2026-12-03T20:59:59Z")),
                        new Manifest.Totals(1, 2),
                        new Manifest.Signer("SHA256withECDSA", "99".repeat(32)),
                        List.of("ünïcode warning"));

        byte[] bytes = m.toCanonicalBytes();

        assertThat(new String(bytes, StandardCharsets.UTF_8))
                .isEqualTo(
                        "{\"day\":\"2026-12-03\",\"devices\":[{\"device\":\"10.1.2.3\","
                                + "\"file\":\"devices/10.1.2.3/records.jsonl.gz\","
                                + "\"first_received\":\"2026-12-02T21:00:00.000000001Z\","
                                + "\"last_received\":\"2026-12-03T20:59:59Z\",\"merkle_root\":\""
                                + "01".repeat(32)
                                + "\",\"records\":2,\"sha256\":\""
                                + "cd".repeat(32)
                                + "\",\"size\":300,\"stored_sha256\":\""
                                + "ef".repeat(32)
                                + "\",\"stored_size\":120}],\"format\":\"logmaster-seal/1\","
                                + "\"previous\":{\"day\":\"2026-12-02\",\"manifest_sha256\":\""
                                + "ab".repeat(32)
                                + "\"},\"sealed_at\":\"2026-12-04T00:20:00Z\","
                                + "\"signer\":{\"algorithm\":\"SHA256withECDSA\",\"certificate_sha256\":\""
                                + "99".repeat(32)
                                + "\"},\"totals\":{\"devices\":1,\"records\":2},"
                                + "\"warnings\":[\"ünïcode warning\"],\"zone\":\"Europe/Istanbul\"}");
        assertThat(Manifest.parse(bytes)).isEqualTo(m);
        assertThat(Manifest.parse(bytes).toCanonicalBytes()).isEqualTo(bytes);
        byte[] spaced =
                new String(bytes, StandardCharsets.UTF_8)
                        .replace(",", ", ")
                        .getBytes(StandardCharsets.UTF_8);
        assertThat(Arrays.equals(Manifest.parse(spaced).toCanonicalBytes(), spaced)).isFalse();
    }

    @Test
    void parseNamesTheBadField() {
        assertThatThrownBy(() -> Manifest.parse("{\"format\":1}".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("manifest field 'previous' is missing");
        assertThatThrownBy(() -> Manifest.parse("[]".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("manifest.json is not a JSON object");
    }
}
