package io.peregrine.rules.engine.compile;

import static io.peregrine.rules.engine.compile.RuleTesting.event;
import static io.peregrine.rules.engine.compile.RuleTesting.matches;
import static io.peregrine.rules.engine.compile.RuleTesting.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.peregrine.rules.engine.eval.IpAddress;
import io.peregrine.rules.language.loader.RuleLoadException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * fd.*ip.name comparisons: the names the rule lists are resolved (here set by hand, as the
 * refresher would) and the event's address is compared with their addresses.
 */
class HostNameConditionsTest {

    private static long[] addr(String... texts) {
        long[] p = new long[texts.length * 2];
        for (int i = 0; i < texts.length; i++) {
            p[2 * i] = IpAddress.high(texts[i]);
            p[2 * i + 1] = IpAddress.low(texts[i]);
        }
        return p;
    }

    private static boolean fires(CompiledRuleset c, String field, String value) {
        return !matches(c, event(c, "connect", field, value)).isEmpty();
    }

    @Test
    void equalsComparesWithTheNamesAddresses() {
        CompiledRuleset c = rule("evt.type = connect and fd.sip.name = \"Kubernetes.Default.svc.cluster.local.\"");
        assertEquals(List.of("kubernetes.default.svc.cluster.local"), c.names().names());
        assertFalse(fires(c, "fd.sip", "10.96.0.1"), "an unresolved name matches no address");
        c.names().set("kubernetes.default.svc.cluster.local", addr("10.96.0.1", "fd00::1"));
        assertTrue(fires(c, "fd.sip", "10.96.0.1"));
        assertTrue(fires(c, "fd.sip", "::ffff:10.96.0.1"));
        assertTrue(fires(c, "fd.sip", "fd00:0::1"));
        assertFalse(fires(c, "fd.sip", "10.96.0.2"));
        assertFalse(matches(c, event(c, "connect")).contains("r"), "no address, no match");
    }

    @Test
    void inListsAndNegation() {
        CompiledRuleset c = rule("evt.type = connect and fd.sip.name in (pools) and fd.sport = 3333",
                "- list: pools\n  items: [a.pool.example, b.pool.example]");
        c.names().set("b.pool.example", addr("198.51.100.8"));
        assertTrue(!matches(c, event(c, "connect", "fd.sip", "198.51.100.8", "fd.sport", 3333L)).isEmpty());
        assertTrue(matches(c, event(c, "connect", "fd.sip", "198.51.100.9", "fd.sport", 3333L)).isEmpty());
        CompiledRuleset ne = rule("evt.type = connect and fd.cip.name != x.example");
        ne.names().set("x.example", addr("192.0.2.1"));
        assertTrue(fires(ne, "fd.cip", "192.0.2.2"));
        assertFalse(fires(ne, "fd.cip", "192.0.2.1"));
        CompiledRuleset not = rule("evt.type = connect and not fd.rip.name in (x.example)");
        not.names().set("x.example", addr("192.0.2.1"));
        assertFalse(fires(not, "fd.rip", "192.0.2.1"));
        assertTrue(fires(not, "fd.rip", "192.0.2.3"));
    }

    @Test
    void ruleSetsFromUpstreamShape() {
        // The shapes of the upstream k8s_api_server and minerpool macros, merged ors included.
        CompiledRuleset c = rule("evt.type = connect and (fd.lip.name = a.example or fd.lip.name = b.example)");
        c.names().set("b.example", addr("2001:db8::5"));
        assertTrue(fires(c, "fd.lip", "2001:db8::5"));
        assertEquals(2, c.names().size());
    }

    @Test
    void otherOperatorsStillCompareTheNameText() {
        // contains/startswith have no address form: the name is never computed, so they are false.
        CompiledRuleset c = rule("evt.type = connect and fd.sip.name contains example");
        assertTrue(c.names().names().isEmpty());
        assertFalse(fires(c, "fd.sip", "192.0.2.1"));
    }

    @Test
    void aValueThatIsNoHostNameIsRefusedWithItsPosition() {
        RuleLoadException e = assertThrows(RuleLoadException.class,
                () -> rule("evt.type = connect and fd.sip.name = \"not a name\""));
        assertTrue(e.getMessage().contains("'not a name' is not a host name for fd.sip.name"), e.getMessage());
    }
}
