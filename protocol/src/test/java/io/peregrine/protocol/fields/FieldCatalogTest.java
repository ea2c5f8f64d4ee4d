package io.peregrine.protocol.fields;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FieldCatalogTest {

    @Test
    void idsAreDenseAndStable() {
        for (int i = 0; i < FieldCatalog.size(); i++) {
            assertEquals(i, FieldCatalog.byId(i).id());
        }
        // Appending keeps ids: the first entries must never move.
        assertEquals(0, FieldCatalog.byName("evt.num").id());
        assertEquals("evt.type", FieldCatalog.byId(11).name());
    }

    @Test
    void typesFollowFalco() {
        assertEquals(FieldType.PORT, FieldCatalog.byName("fd.sport").type());
        assertEquals(FieldType.IPNET, FieldCatalog.byName("fd.snet").type());
        assertEquals(FieldType.IPADDR, FieldCatalog.byName("fd.sip").type());
        assertEquals(FieldType.BOOL, FieldCatalog.byName("proc.is_exe_from_memfd").type());
        assertEquals(FieldType.RELTIME, FieldCatalog.byName("proc.duration").type());
        assertEquals(FieldType.INT64, FieldCatalog.byName("evt.rawres").type());
        assertEquals(FieldType.FSPATH, FieldCatalog.byName("proc.exepath").type());
    }

    @Test
    void resolvesArguments() {
        FieldRef r = FieldCatalog.resolve("proc.aname[2]");
        assertEquals("proc.aname", r.field().name());
        assertEquals("2", r.arg());
        assertFalse(r.multiValued());
        assertTrue(FieldCatalog.resolve("proc.aname").multiValued());
        assertEquals("fd", FieldCatalog.resolve("evt.arg.fd").arg());
        assertEquals("0", FieldCatalog.resolve("evt.arg[0]").arg());
        assertEquals("evt.arg", FieldCatalog.resolve("evt.arg[0]").field().name());
        assertEquals("app", FieldCatalog.resolve("k8s.pod.label.app").arg());
        assertEquals("/var/run/docker.sock", FieldCatalog.resolve("container.mount.dest[/var/run/docker.sock]").arg());
        // fd.cip.name is a field of its own, not fd.cip with an argument.
        assertNull(FieldCatalog.resolve("fd.cip.name").arg());
        assertEquals("fd.cip.name", FieldCatalog.resolve("fd.cip.name").field().name());
    }

    @Test
    void rejectsMisuse() {
        assertNull(FieldCatalog.resolve("proc.nope"));
        assertNull(FieldCatalog.resolve("proc.name[1]"));
        assertNull(FieldCatalog.resolve("proc.aname[x]"));
        assertNull(FieldCatalog.resolve("evt.arg"));
        assertNull(FieldCatalog.resolve("proc.aname[2"));
    }

    @Test
    void unsupportedFieldsAreKnownByName() {
        Field f = FieldCatalog.byName("k8s.pod.cni.json");
        assertNotNull(f);
        assertFalse(f.supported());
    }

    @Test
    void eventTypes() {
        assertEquals("openat", EventTypes.name(EventTypes.code("openat")));
        assertEquals(-1, EventTypes.code("nosuchcall"));
        assertEquals(0, EventTypes.code("<unnamed>"));
        assertTrue(EventTypes.code("unknown") > 0, "a system call without a name is a type rules can see");
        // Every system call libsinsp can name a generic event by has a type.
        for (int n = 0; n < io.peregrine.protocol.scap.NativeSyscalls.size(); n++) {
            String name = io.peregrine.protocol.scap.NativeSyscalls.name(n);
            assertTrue(name == null || EventTypes.code(name) > 0, name);
        }
    }
}
