package io.logmaster.api.auth;

/** Login failed; deliberately says neither whether the user exists nor what was wrong. */
public class InvalidCredentialsException extends RuntimeException {

    public InvalidCredentialsException() {
        super("Invalid username or password.");
    }
}
