package io.logmaster.api.error;

import java.util.Objects;

/** A request parameter has a bad value; answered with 400 naming the parameter. */
public class InvalidParameterException extends RuntimeException {

    private final String parameter;

    public InvalidParameterException(String parameter, String message) {
        super(message);
        this.parameter = Objects.requireNonNull(parameter, "parameter");
    }

    public String parameter() {
        return parameter;
    }
}
