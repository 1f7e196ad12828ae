package io.logmaster.api.search;

import io.logmaster.api.error.InvalidParameterException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque paging cursor: unpadded base64url of the JSON array of the last hit's sort values,
 * {@code [<@timestamp epoch millis>, "<event.id>"]}, fed back to Elasticsearch as {@code
 * search_after}.
 */
final class SearchCursor {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SearchCursor() {}

    static String encode(JsonNode sortValues) {
        byte[] bytes = JSON.writeValueAsBytes(sortValues);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static ArrayNode decode(String cursor) {
        JsonNode node;
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(cursor.trim());
            node = JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | JacksonException e) {
            throw invalid();
        }
        if (node instanceof ArrayNode array
                && array.size() == 2
                && array.get(0).isIntegralNumber()
                && array.get(0).canConvertToLong()
                && array.get(1).isString()) {
            return array;
        }
        throw invalid();
    }

    private static InvalidParameterException invalid() {
        return new InvalidParameterException(
                "cursor", "cursor is not a next_cursor value returned by this API");
    }
}
