package io.logmaster.api.error;

/**
 * Elasticsearch refused to run a search built from the client's parameters (HTTP 400, e.g. too many
 * clauses); answered with 400. The message is shown to the client, so it holds only the escaped,
 * shortened Elasticsearch error type and reason.
 */
public class QueryRejectedException extends RuntimeException {

    public QueryRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
