package io.logmaster.api.search;

import io.logmaster.api.error.InvalidParameterException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SearchCursorTest {

    private static String b64(String json) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void roundTripsSortValues() {
        ArrayNode sort = JsonNodeFactory.instance.arrayNode();
        sort.add(1796292930123L);
        sort.add("0193a0b1-c2d3-7e4f-8a9b-0c1d2e3f4a5b");

        String cursor = SearchCursor.encode(sort);

        assertThat(cursor).matches("[A-Za-z0-9_-]+");
        assertThat(cursor)
                .isEqualTo(b64("[1796292930123,\"0193a0b1-c2d3-7e4f-8a9b-0c1d2e3f4a5b\"]"));
        assertThat(SearchCursor.decode(cursor)).isEqualTo(sort);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "not base64 !",
                "[1,\"a\"]",
                "e30", // {}
            })
    void rejectsGarbage(String cursor) {
        assertThatThrownBy(() -> SearchCursor.decode(cursor))
                .isInstanceOf(InvalidParameterException.class)
                .extracting(e -> ((InvalidParameterException) e).parameter())
                .isEqualTo("cursor");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "[1]",
                "[1,\"a\",2]",
                "[\"1\",\"a\"]",
                "[1.5,\"a\"]",
                "[1,2]",
                "[1,{\"match_all\":{}}]",
                "{\"a\":1}",
                "[1,\"a\"",
                "[123456789012345678901234567890,\"a\"]"
            })
    void rejectsWellEncodedValuesOfTheWrongShape(String json) {
        assertThatThrownBy(() -> SearchCursor.decode(b64(json)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("cursor is not a next_cursor value returned by this API");
    }
}
