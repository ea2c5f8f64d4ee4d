package io.peregrine.rules.management.auth;

/**
 * The roles of the rule management API, carried in the {@code groups} claim of the bearer JWT
 * (the same scheme as notify-svc): viewers read, editors change items, admins also import whole
 * files and roll back.
 */
public final class Roles {

    public static final String VIEWER = "viewer";
    public static final String EDITOR = "editor";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
