package io.logmaster.api.search;

import java.util.ArrayList;
import java.util.List;

/**
 * Accepts the boolean words analysts type ({@code AND}, {@code OR}, {@code NOT}, upper case, as in
 * Lucene and KQL) in a {@code simple_query_string}, whose own operators are {@code +}, {@code |}
 * and {@code -}: {@code AND} is dropped (terms are AND-ed by default), {@code OR} becomes {@code |}
 * and {@code NOT x} becomes {@code -x}. Quoted phrases are left alone.
 */
final class SimpleQuerySyntax {
    private SimpleQuerySyntax() {}

    static String fromBooleanWords(String query) {
        List<String> tokens = tokens(query);
        StringBuilder out = new StringBuilder(query.length());
        boolean negateNext = false;
        for (String token : tokens) {
            switch (token) {
                case "AND" -> {
                    continue;
                }
                case "OR" -> {
                    append(out, "|");
                    continue;
                }
                case "NOT" -> {
                    negateNext = true;
                    continue;
                }
                default -> {}
            }
            append(out, negateNext ? "-" + token : token);
            negateNext = false;
        }
        return out.toString();
    }

    private static void append(StringBuilder out, String token) {
        if (out.length() > 0) {
            out.append(' ');
        }
        out.append(token);
    }

    /** Splits on whitespace outside double quotes; a quoted phrase stays one token. */
    private static List<String> tokens(String query) {
        List<String> tokens = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                current.append(c);
            } else if (Character.isWhitespace(c) && !quoted) {
                if (current.length() > 0) {
                    tokens.add(current.toString());
                    current.setLength(0);
                }
            } else {
                current.append(c);
            }
        }
        if (current.length() > 0) {
            tokens.add(current.toString());
        }
        return tokens;
    }
}
