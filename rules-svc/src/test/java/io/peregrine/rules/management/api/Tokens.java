package io.peregrine.rules.management.api;

import io.smallrye.jwt.build.Jwt;
import java.util.Set;

/** Bearer tokens signed with the test-only key pair under src/test/resources/jwt. */
public final class Tokens {

    private Tokens() {
    }

    public static String of(String... roles) {
        return Jwt.issuer("peregrine").upn("tester-" + String.join("-", roles)).groups(Set.of(roles)).sign();
    }

    public static String foreignIssuer() {
        return Jwt.issuer("someone-else").upn("tester").groups(Set.of("admin")).sign();
    }
}
