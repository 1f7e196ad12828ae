package io.logmaster.compliance.tsa;

import java.util.Objects;

/**
 * Kamu SM (TÜBİTAK) time-stamping account: customer number and password, used to build the {@code
 * identity} header ({@link KamuSmIdentity}). The password never appears in toString.
 */
public record KamuSmCredentials(long customerNumber, String password) {
    public KamuSmCredentials {
        if (customerNumber <= 0) {
            throw new IllegalArgumentException(
                    "Kamu SM customer number must be positive: " + customerNumber);
        }
        Objects.requireNonNull(password, "password");
        if (password.isEmpty()) {
            throw new IllegalArgumentException("Kamu SM password is empty");
        }
    }

    @Override
    public String toString() {
        return "KamuSmCredentials[customerNumber=" + customerNumber + ", password=***]";
    }
}
