package io.peregrine.rules.management.defaults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.peregrine.protocol.fields.EventTypes;
import io.peregrine.protocol.fields.FieldType;
import io.peregrine.rules.engine.compile.CompiledRule;
import io.peregrine.rules.engine.compile.CompiledRuleset;
import io.peregrine.rules.engine.compile.RuleCompiler;
import io.peregrine.rules.engine.eval.ArrayFieldValues;
import io.peregrine.rules.language.ruleset.RulesetBuilder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Peregrine's default rules load, carry ATT&CK tags, and fire on the behaviour they describe. */
class DefaultRulesTest {

    private static CompiledRuleset rules;

    @BeforeAll
    static void load() {
        rules = RuleCompiler.compile(new RulesetBuilder().add(DefaultRules.FILE, DefaultRules.text()).build());
    }

    private static List<String> fire(String type, Object... kv) {
        ArrayFieldValues v = new ArrayFieldValues(rules.slots().size());
        v.eventType(EventTypes.code(type)).time(1_700_000_000_000_000_000L);
        for (int i = 0; i < kv.length; i += 2) {
            int slot = rules.slots().find((String) kv[i]);
            if (slot < 0) {
                continue;
            }
            FieldType t = rules.slots().refs().get(slot).field().type();
            Object val = kv[i + 1];
            if (val instanceof String s) {
                v.putText(slot, s);
            } else if (val instanceof Boolean b) {
                v.putNumber(slot, b ? 1L : 0L);
            } else {
                v.putNumber(slot, ((Number) val).longValue());
            }
            assertEquals(val instanceof String, !(t.numeric() || t == FieldType.BOOL), "value type of " + kv[i]);
        }
        List<String> out = new ArrayList<>();
        rules.evaluate(v, false, (r, e) -> out.add(r.name()));
        return out;
    }

    @Test
    void everyRuleIsEnabledAndTagged() {
        assertEquals(26, rules.rules().size());
        for (CompiledRule r : rules.rules()) {
            assertTrue(r.tags().stream().anyMatch(t -> t.matches("T\\d{4}(\\.\\d{3})?")), r.name() + " has an ATT&CK id");
        }
        assertTrue(rules.warnings().stream().noneMatch(w -> w.contains("does not restrict evt.type")), rules.warnings().toString());
    }

    @Test
    void sensitiveFileRead() {
        Object[] read = {"evt.is_open_read", true, "fd.typechar", "f", "fd.num", 3, "fd.name", "/etc/shadow",
            "fd.directory", "/etc", "proc.name", "python3"};
        assertEquals(List.of("Sensitive file read by untrusted program"), fire("openat", read));
        read[11] = "sshd";
        assertEquals(List.of(), fire("openat", read));
    }

    @Test
    void shellFromServerAndReverseShell() {
        assertEquals(List.of("Shell spawned by a server process"),
                fire("execve", "proc.name", "sh", "proc.pname", "nginx", "proc.cmdline", "sh -c id"));
        assertEquals(List.of(), fire("execve", "proc.name", "sh", "proc.pname", "sshd"));
        assertEquals(List.of("Reverse shell"), fire("dup2", "fd.num", 0, "fd.type", "ipv4", "proc.name", "bash"));
        assertEquals(List.of(), fire("dup2", "fd.num", 5, "fd.type", "ipv4", "proc.name", "bash"));
    }

    @Test
    void writesBelowSystemDirectories() {
        assertEquals(List.of("Write below system directory"), fire("openat", "evt.is_open_write", true, "fd.typechar", "f",
                "fd.num", 4, "fd.name", "/usr/bin/ls", "fd.directory", "/usr/bin", "proc.name", "curl"));
        assertEquals(List.of(), fire("openat", "evt.is_open_write", true, "fd.typechar", "f",
                "fd.num", 4, "fd.name", "/usr/bin/ls", "fd.directory", "/usr/bin", "proc.name", "dpkg"));
        assertEquals(List.of("Write below etc"), fire("openat", "evt.is_open_write", true, "fd.typechar", "f",
                "fd.num", 4, "fd.name", "/etc/cron.d/x", "fd.directory", "/etc/cron.d", "proc.name", "curl"));
    }

    @Test
    void containerEscapes() {
        assertEquals(List.of("Container escape through cgroup release agent"), fire("openat", "evt.is_open_write", true,
                "fd.typechar", "f", "fd.num", 4, "fd.name", "/tmp/cg/release_agent", "fd.filename", "release_agent",
                "fd.directory", "/tmp/cg", "container.id", "3ad7b26ded6d", "proc.name", "sh"));
        assertEquals(List.of("Container entered host namespaces"),
                fire("execve", "container.id", "3ad7b26ded6d", "proc.name", "nsenter"));
        assertEquals(List.of(), fire("execve", "container.id", "host", "proc.name", "nsenter"));
        assertEquals(List.of("Container runtime socket opened in container"),
                fire("connect", "container.id", "3ad7b26ded6d", "fd.name", "/var/run/docker.sock"));
    }

    @Test
    void containerThreats() {
        String c = "3ad7b26ded6d";
        assertEquals(List.of("Interactive shell in a container"), fire("execve", "evt.dir", "<", "container.id", c,
                "proc.name", "bash", "proc.tty", 34816, "proc.pname", "containerd-shim"));
        assertEquals(List.of(), fire("execve", "evt.dir", "<", "container.id", c, "proc.name", "bash", "proc.tty", 0,
                "proc.pname", "containerd-shim"));
        assertEquals(List.of(), fire("execve", "evt.dir", "<", "container.id", c, "proc.name", "bash", "proc.tty", 34816,
                "proc.pname", "python3"));
        assertEquals(List.of("Privileged container started"), fire("execve", "evt.dir", "<", "evt.rawres", 0,
                "container.id", c, "proc.vpid", 1, "container.privileged", true, "proc.name", "sleep"));
        assertEquals(List.of(), fire("execve", "evt.dir", "<", "evt.rawres", 0, "container.id", c, "proc.vpid", 7,
                "container.privileged", true, "proc.name", "sleep"));
        assertEquals(List.of(), fire("execve", "evt.dir", "<", "evt.rawres", 0, "container.id", c, "proc.vpid", 1,
                "container.privileged", false, "proc.name", "sleep"));
        assertEquals(List.of("Container started with a sensitive host mount"), fire("execve", "evt.dir", "<",
                "evt.rawres", 0, "container.id", c, "proc.vpid", 1, "container.mount.dest[/etc]", "/host/etc",
                "proc.name", "sleep"));
        assertEquals(List.of(), fire("execve", "evt.dir", "<", "evt.rawres", 0, "container.id", c, "proc.vpid", 1,
                "proc.name", "sleep"), "no such mount: the value is missing, and exists is false");
        assertEquals(List.of("Program not in the image run in a container"), fire("execve", "evt.dir", "<",
                "container.id", c, "proc.is_exe_upper_layer", true, "proc.name", "x"));
        assertEquals(List.of(), fire("execve", "evt.dir", "<", "container.id", "host", "proc.is_exe_upper_layer", true,
                "proc.name", "x"));
        assertEquals(List.of("Packet socket in a container"), fire("socket", "evt.dir", "<", "container.id", c,
                "evt.arg.domain", "AF_PACKET", "evt.rawres", 3));
        assertEquals(List.of(), fire("socket", "evt.dir", "<", "container.id", c, "evt.arg.domain", "AF_INET",
                "evt.rawres", 3));
        assertEquals(List.of("Kubernetes API server contacted from a container"), fire("connect", "evt.dir", "<",
                "container.id", c, "fd.sip", "10.96.0.1", "proc.name", "curl"));
        assertEquals(List.of("Cloud metadata service contacted from a container"), fire("connect", "evt.dir", "<",
                "container.id", c, "fd.sip", "169.254.169.254", "proc.name", "curl"));
        assertEquals(List.of(), fire("connect", "evt.dir", "<", "container.id", "host", "fd.sip", "169.254.169.254",
                "proc.name", "curl"));
    }

    @Test
    void minersPtraceFilelessShm() {
        assertEquals(List.of("Crypto miner started"), fire("execve", "proc.name", "kworker",
                "proc.cmdline", "kworker -o stratum+tcp://pool:3333"));
        assertEquals(List.of("Connection to a mining pool port"), fire("connect", "fd.l4proto", "tcp", "fd.sport", 3333,
                "fd.snet", "203.0.113.9"));
        assertEquals(List.of(), fire("connect", "fd.l4proto", "tcp", "fd.sport", 3333, "fd.snet", "127.0.0.1"));
        assertEquals(List.of("Ptrace attach to another process"), fire("ptrace", "evt.rawres", 0,
                "evt.arg.request", "PTRACE_ATTACH", "proc.name", "evil"));
        assertEquals(List.of(), fire("ptrace", "evt.rawres", 0, "evt.arg.request", "PTRACE_ATTACH", "proc.name", "gdb"));
        assertEquals(List.of("Fileless execution from memfd"), fire("execve", "proc.is_exe_from_memfd", true, "proc.name", "x"));
        assertEquals(List.of("Execution from /dev/shm"), fire("execve", "proc.exepath", "/dev/shm/x", "proc.name", "x"));
    }

    @Test
    void credentialsLogsLinksPrivilege() {
        assertEquals(List.of("Credential search"), fire("execve", "proc.name", "grep", "proc.args", "-ri PASSWORD /etc"));
        assertEquals(List.of(), fire("execve", "proc.name", "grep", "proc.args", "-ri error /var/log"));
        assertEquals(List.of("Log file cleared or removed"), fire("unlinkat", "evt.rawres", 0,
                "fs.path.name", "/var/log/auth.log", "proc.name", "rm"));
        assertEquals(List.of("Log file cleared or removed"), fire("openat", "evt.is_open_write", true,
                "evt.arg.flags", "O_WRONLY|O_TRUNC", "fd.directory", "/root", "fd.filename", ".bash_history", "proc.name", "sh"));
        assertEquals(List.of(), fire("unlinkat", "evt.rawres", 0, "fs.path.name", "/var/log/auth.log",
                "proc.name", "logrotate"));
        assertEquals(List.of("Symlink over sensitive file"), fire("symlinkat", "fs.path.target", "/etc/shadow",
                "fs.path.source", "/tmp/s", "proc.name", "ln"));
        assertEquals(List.of("Privilege escalation by setuid to root"), fire("setuid", "evt.rawres", 0,
                "evt.rawarg.uid", 0, "proc.name", "exploit"));
        assertEquals(List.of("Sudo exploit attempt"), fire("execve", "proc.name", "sudoedit", "proc.args", "-s x\\"));
        assertFalse(fire("execve", "proc.name", "sudoedit", "proc.args", "-s x").contains("Sudo exploit attempt"));
    }
}
