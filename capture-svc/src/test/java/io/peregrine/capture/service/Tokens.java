package io.peregrine.capture.service;

import io.smallrye.jwt.build.Jwt;

import java.util.Set;

/** Bearer tokens signed with the test key (src/test/resources/jwt). */
final class Tokens {

    private Tokens() {
    }

    static String of(String... roles) {
        return Jwt.issuer("peregrine").upn("tester").groups(Set.of(roles)).sign();
    }
}
