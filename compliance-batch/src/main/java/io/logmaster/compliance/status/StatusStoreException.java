package io.logmaster.compliance.status;

/** The day status could not be stored; the seal itself is unaffected. */
public class StatusStoreException extends Exception {
    private static final long serialVersionUID = 1L;

    public StatusStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
