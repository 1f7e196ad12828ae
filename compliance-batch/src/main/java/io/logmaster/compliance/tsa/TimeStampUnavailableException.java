package io.logmaster.compliance.tsa;

/** No TSA produced a valid time stamp; the message names each TSA tried and why it failed. */
public class TimeStampUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    public TimeStampUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
