package io.logmaster.api.auth;

/** The roles a user can have (the {@code users.role} check constraint lists the same). */
public final class Roles {

    public static final String ADMIN = "admin";
    public static final String ANALYST = "analyst";
    public static final String AUDITOR = "auditor";

    private Roles() {}
}
