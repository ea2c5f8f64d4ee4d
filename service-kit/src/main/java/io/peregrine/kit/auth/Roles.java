package io.peregrine.kit.auth;

/**
 * The roles of every service's API, carried in the {@code groups} claim of the bearer JWT: viewers
 * read, editors change, admins also do what affects a whole service (imports, rollbacks, recordings).
 * One set of names, so that one token means the same everywhere.
 */
public final class Roles {

    public static final String VIEWER = "viewer";
    public static final String EDITOR = "editor";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
