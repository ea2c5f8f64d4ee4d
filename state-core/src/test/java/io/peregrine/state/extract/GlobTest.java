package io.peregrine.state.extract;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class GlobTest {
    @Test
    void starQuestionMarkAndLiterals() {
        assertTrue(Glob.matches("/etc", "/etc"));
        assertFalse(Glob.matches("/etc", "/etc/ssl"));
        assertTrue(Glob.matches("/etc*", "/etc/ssl"), "a star crosses slashes, as libsinsp's mount lookups");
        assertTrue(Glob.matches("/host/*", "/host/etc"));
        assertFalse(Glob.matches("/host/*", "/hostetc"));
        assertTrue(Glob.matches("/var/run/docker.so?k", "/var/run/docker.sock"));
        assertTrue(Glob.matches("*docker.sock", "/run/docker.sock"));
        assertTrue(Glob.matches("/a*b*c", "/aXbYbZc"));
        assertFalse(Glob.matches("/a*b*c", "/aXbYbZ"));
        assertTrue(Glob.matches("*", ""));
        assertFalse(Glob.matches("?", ""));
    }
}
