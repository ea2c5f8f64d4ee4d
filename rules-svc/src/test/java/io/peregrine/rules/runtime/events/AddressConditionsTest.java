package io.peregrine.rules.runtime.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.peregrine.protocol.fields.EventTypes;
import io.peregrine.protocol.fields.FieldCatalog;
import io.peregrine.protocol.projection.ProjectionEncoder;
import io.peregrine.protocol.projection.ProjectionFormat;
import io.peregrine.rules.engine.compile.CompiledRuleset;
import io.peregrine.rules.engine.compile.RuleCompiler;
import io.peregrine.rules.language.ruleset.RulesetBuilder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Address conditions on projected records as state projects them (binary addresses, read through
 * {@link ProjectedFieldValues}): they compare by value, whatever text the rule writes, and the text
 * an alert shows is libsinsp's (RFC 5952, IPv4-mapped with a dotted tail).
 */
class AddressConditionsTest {

    private static final String RULES = """
            - rule: sip
              desc: d
              condition: evt.type = connect and fd.sip = "::1"
              output: out
              priority: WARNING
            - rule: rip
              desc: d
              condition: evt.type = connect and fd.rip = "::1"
              output: out
              priority: WARNING
            - rule: net
              desc: d
              condition: evt.type = connect and fd.net = "2001:db8::/32"
              output: out
              priority: WARNING
            - rule: sip long form
              desc: d
              condition: evt.type = connect and fd.sip = "0:0:0:0:0:0:0:1"
              output: out
              priority: WARNING
            - rule: mapped
              desc: d
              condition: evt.type = connect and fd.sip = "::ffff:127.0.0.1"
              output: out
              priority: WARNING
            """;

    private final CompiledRuleset rules = RuleCompiler.compile(new RulesetBuilder().add("t.yaml", RULES).build());

    /** A connect record with the three addresses, each as the two big-endian halves state holds. */
    private List<String> matches(long[] sip, long[] rip, long[] net) {
        ProjectionEncoder p = new ProjectionEncoder(512);
        p.begin(1, 1_700_000_000_000_000_000L, 42, EventTypes.code("connect"), 0, ProjectionFormat.DIR_EXIT);
        ip(p, "fd.sip", sip);
        ip(p, "fd.rip", rip);
        ip(p, "fd.net", net);
        int len = p.end();
        ProjectedFieldValues v = new ProjectedFieldValues();
        v.bind(rules.slots());
        v.beginFrame(p.segment(), 0);
        v.wrap(p.segment(), 0);
        assertEquals(null, v.wrap(p.segment(), 0).validate(len));
        List<String> out = new ArrayList<>();
        rules.evaluate(v, false, (r, e) -> out.add(r.name()));
        return out;
    }

    private static void ip(ProjectionEncoder p, String field, long[] a) {
        p.field(FieldCatalog.resolve(field).field().id(), null);
        p.ip6(a[0], a[1]);
    }

    private static final long[] LOOPBACK6 = {0, 1};
    private static final long[] OTHER6 = {0, 2};
    private static final long[] DOC_NET = {0x20010db8_00010000L, 0x5L};        // 2001:db8:1::5
    private static final long[] BESIDE_DOC_NET = {0x20010db9_00000000L, 0x1L}; // 2001:db9::1
    private static final long[] MAPPED_LOOPBACK = {0, 0x0000ffff_7f000001L};   // ::ffff:127.0.0.1

    @Test
    void addressesCompareByValue() {
        assertEquals(List.of("sip", "rip", "net", "sip long form"), matches(LOOPBACK6, LOOPBACK6, DOC_NET));
        assertEquals(List.of("rip"), matches(OTHER6, LOOPBACK6, BESIDE_DOC_NET));
        assertEquals(List.of("sip", "sip long form"), matches(LOOPBACK6, OTHER6, BESIDE_DOC_NET));
        assertEquals(List.of("net"), matches(OTHER6, OTHER6, DOC_NET));
        assertEquals(List.of("mapped"), matches(MAPPED_LOOPBACK, OTHER6, BESIDE_DOC_NET));
    }

    @Test
    void alertTextIsCompressed() {
        assertEquals("::1", text(LOOPBACK6));
        assertEquals("2001:db8:1::5", text(DOC_NET));
        assertEquals("2001:4860:4860::8888", text(new long[] {0x20014860_48600000L, 0x8888L}));
        assertEquals("::ffff:127.0.0.1", text(MAPPED_LOOPBACK));
        assertEquals("::", text(new long[] {0, 0}));
        assertEquals("fe80::1:0:0:1", text(new long[] {0xfe800000_00000000L, 0x00010000_00000001L}));
        assertEquals("1:0:0:1::", text(new long[] {0x00010000_00000001L, 0}));
    }

    private String text(long[] a) {
        CompiledRuleset one = RuleCompiler.compile(new RulesetBuilder().add("t.yaml", """
                - rule: r
                  desc: d
                  condition: evt.type = connect and fd.sip exists
                  output: out
                  priority: WARNING
                """).build());
        ProjectionEncoder p = new ProjectionEncoder(512);
        p.begin(1, 1_700_000_000_000_000_000L, 42, EventTypes.code("connect"), 0, ProjectionFormat.DIR_EXIT);
        ip(p, "fd.sip", a);
        p.end();
        ProjectedFieldValues v = new ProjectedFieldValues();
        v.bind(one.slots());
        v.beginFrame(p.segment(), 0);
        v.wrap(p.segment(), 0);
        return v.text(one.slots().find("fd.sip"), 0).toString();
    }
}
