package io.peregrine.state.oracle;

import java.util.Map;

/**
 * The documented, deliberate differences from sysdig 0.29.3 (listed in docs/state.md). Each rule
 * names the sysdig behaviour it excuses; anything else is a bug.
 */
final class Divergences {
    private Divergences() {
    }

    static String explain(String field, String sysdig, String mine, Map<String, String> s, Map<String, String> m) {
        return null;
    }
}
