package io.logmaster.api.error;

/**
 * A backing service (Elasticsearch, PostgreSQL) cannot be reached or answered with a server error;
 * answered with 503. The message is shown to the client, so it names the service only.
 */
public class ServiceUnavailableException extends RuntimeException {

    public ServiceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
