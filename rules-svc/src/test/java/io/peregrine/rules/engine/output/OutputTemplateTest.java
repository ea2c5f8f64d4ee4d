package io.peregrine.rules.engine.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.peregrine.protocol.alert.Alert;
import io.peregrine.protocol.alert.AlertJson;
import io.peregrine.protocol.alert.Priority;
import io.peregrine.protocol.fields.EventTypes;
import io.peregrine.protocol.fields.FieldCatalog;
import io.peregrine.rules.engine.eval.ArrayFieldValues;
import io.peregrine.rules.engine.eval.SlotTable;
import io.peregrine.rules.language.loader.PositionedText;
import io.peregrine.rules.language.loader.RuleLoadException;
import io.peregrine.rules.language.loader.SourcePosition;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutputTemplateTest {

    private static final SourcePosition AT = new SourcePosition("o.yaml", 4, 11);

    private static int slot(SlotTable t, String ref) {
        return t.slot(FieldCatalog.resolve(ref));
    }

    @Test
    void formatsFieldsLikeFalco() {
        SlotTable slots = new SlotTable();
        OutputTemplate o = OutputTemplate.parse(PositionedText.at(
                "Shell %proc.name (user=%user.name uid=%user.uid tty=%proc.tty priv=%container.privileged "
                        + "gp=%proc.aname[2] flags=%evt.arg.flags) 100%% on %evt.type at %evt.time. Parent %proc.pname.", AT),
                slots);
        ArrayFieldValues v = new ArrayFieldValues(slots.size()).eventType(EventTypes.code("execve"))
                .time(1_700_000_000_000_000_042L);
        v.putText(slot(slots, "proc.name"), "bash").putText(slot(slots, "user.name"), "root")
                .putNumber(slot(slots, "user.uid"), 0L).putNumber(slot(slots, "proc.tty"), 34816L)
                .putNumber(slot(slots, "container.privileged"), 1L).putText(slot(slots, "proc.aname[2]"), "sshd")
                .putText(slot(slots, "evt.arg.flags"), "EXE_WRITABLE");
        assertEquals("Shell bash (user=root uid=0 tty=34816 priv=true gp=sshd flags=EXE_WRITABLE) 100% on execve "
                + "at 22:13:20.000000042. Parent <NA>.", o.format(v, "h"));
        Map<String, Object> f = o.fields(v, "h");
        assertEquals(1_700_000_000_000_000_042L, f.get("evt.time"));
        assertEquals("bash", f.get("proc.name"));
        assertEquals(0L, f.get("user.uid"));
        assertEquals(Boolean.TRUE, f.get("container.privileged"));
        assertEquals("sshd", f.get("proc.aname[2]"));
        assertEquals("EXE_WRITABLE", f.get("evt.arg.flags"));
        assertTrue(f.containsKey("proc.pname"));
        assertEquals(null, f.get("proc.pname"));
        assertEquals("execve", f.get("evt.type"));
        assertEquals(8, o.slots().length);
    }

    @Test
    void multiValuedAndUnsigned() {
        SlotTable slots = new SlotTable();
        OutputTemplate o = OutputTemplate.parse(PositionedText.at("%proc.aname %evt.num %(proc.name)", AT), slots);
        ArrayFieldValues v = new ArrayFieldValues(slots.size()).eventType(EventTypes.code("execve"));
        v.putText(slot(slots, "proc.aname"), "bash", "sshd").putNumber(slot(slots, "evt.num"), -1L)
                .putText(slot(slots, "proc.name"), "x");
        assertEquals("bash,sshd 18446744073709551615 x", o.format(v, "h"));
    }

    @Test
    void errorsPointAtTheField() {
        RuleLoadException e = assertThrows(RuleLoadException.class,
                () -> OutputTemplate.parse(PositionedText.at("a %nope.field b", AT), new SlotTable()));
        assertTrue(e.reason().contains("unknown field 'nope.field'"), e.reason());
        e = assertThrows(RuleLoadException.class,
                () -> OutputTemplate.parse(PositionedText.at("%k8s.pod.cni.json", AT), new SlotTable()));
        assertTrue(e.reason().contains("not supported"), e.reason());
        e = assertThrows(RuleLoadException.class,
                () -> OutputTemplate.parse(PositionedText.at("%(proc.name", AT), new SlotTable()));
        assertTrue(e.reason().contains("not closed"), e.reason());
    }

    @Test
    void alertCarriesFalcoPrefixAndFields() {
        SlotTable slots = new SlotTable();
        OutputTemplate o = OutputTemplate.parse(PositionedText.at("File %fd.name opened", AT), slots);
        ArrayFieldValues v = new ArrayFieldValues(slots.size()).eventType(EventTypes.code("openat"))
                .time(1_700_000_000_500_000_000L);
        v.putText(slot(slots, "fd.name"), "/etc/shadow");
        Alert a = new AlertFactory("node-7").create("R", Priority.ERROR, List.of("T1003"), "syscall", o, v);
        assertEquals("22:13:20.500000000: Error File /etc/shadow opened", a.output());
        assertEquals("node-7", a.hostname());
        assertEquals(500_000_000, a.time().getNano());
        String json = AlertJson.encode(a);
        assertTrue(json.contains("\"output_fields\":{\"evt.time\":1700000000500000000,\"fd.name\":\"/etc/shadow\"}"), json);
        assertEquals(a, AlertJson.decode(json));
    }
}
