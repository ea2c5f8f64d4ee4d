package io.peregrine.rules.engine.compile;

import static io.peregrine.rules.engine.compile.RuleTesting.eval;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Every operator on projected events, with its edge cases. */
class OperatorsTest {

    @Test
    void equality() {
        assertTrue(eval("proc.name = bash", "execve", "proc.name", "bash"));
        assertTrue(eval("proc.name == bash", "execve", "proc.name", "bash"));
        assertFalse(eval("proc.name = bash", "execve", "proc.name", "bash2"));
        assertFalse(eval("proc.name = bash", "execve", "proc.name", "Bash"));
        assertTrue(eval("proc.name != bash", "execve", "proc.name", "sh"));
        assertFalse(eval("proc.name != bash", "execve", "proc.name", "bash"));
        assertTrue(eval("proc.name = \"\"", "execve", "proc.name", ""));
    }

    @Test
    void missingValueMakesEveryComparisonFalse() {
        // Falco: a field without value fails =, != and the rest alike; only exists sees absence.
        assertFalse(eval("proc.name = bash", "execve"));
        assertFalse(eval("proc.name != bash", "execve"));
        assertTrue(eval("not proc.name = bash", "execve"));
        assertFalse(eval("proc.name exists", "execve"));
        assertTrue(eval("proc.name exists", "execve", "proc.name", ""));
        assertTrue(eval("not proc.pname exists", "execve"));
    }

    @Test
    void numbers() {
        assertTrue(eval("fd.num >= 0", "openat", "fd.num", 0L));
        assertFalse(eval("fd.num >= 0", "openat", "fd.num", -1L));
        assertTrue(eval("fd.num = -1", "openat", "fd.num", -1L));
        assertTrue(eval("fd.num<3", "openat", "fd.num", 2L));
        assertFalse(eval("fd.num<3", "openat", "fd.num", 3L));
        assertTrue(eval("fd.num<=3", "openat", "fd.num", 3L));
        assertTrue(eval("fd.num>3", "openat", "fd.num", 4L));
        assertTrue(eval("user.uid = 0x10", "openat", "user.uid", 16L));
        assertTrue(eval("fd.sport in (22, 80, 443)", "connect", "fd.sport", 443L));
        assertFalse(eval("fd.sport in (22, 80, 443)", "connect", "fd.sport", 8443L));
        // UINT64 compares unsigned: the top bit set is a large number, not a negative one.
        assertTrue(eval("evt.num > 10", "openat", "evt.num", -1L));
        assertTrue(eval("proc.duration < 5000000000", "execve", "proc.duration", 1_000L));
    }

    @Test
    void booleans() {
        assertTrue(eval("evt.is_open_read = true", "openat", "evt.is_open_read", true));
        assertFalse(eval("evt.is_open_read = true", "openat", "evt.is_open_read", false));
        assertTrue(eval("container.privileged != false", "execve", "container.privileged", true));
    }

    @Test
    void substrings() {
        assertTrue(eval("proc.cmdline contains \"-c echo\"", "execve", "proc.cmdline", "sh -c echo hi"));
        assertFalse(eval("proc.cmdline contains nc", "execve", "proc.cmdline", "sh"));
        assertTrue(eval("proc.cmdline icontains XMRIG", "execve", "proc.cmdline", "./xmrig --donate"));
        assertFalse(eval("proc.cmdline icontains XMRIG", "execve", "proc.cmdline", "./xmr"));
        assertTrue(eval("fd.name startswith /etc/", "openat", "fd.name", "/etc/shadow"));
        assertFalse(eval("fd.name startswith /etc/", "openat", "fd.name", "/etc"));
        assertTrue(eval("fd.name endswith .pem", "openat", "fd.name", "/x/key.pem"));
        assertFalse(eval("fd.name endswith .pem", "openat", "fd.name", "pem"));
        assertTrue(eval("proc.args contains \"\"", "execve", "proc.args", "anything"));
    }

    @Test
    void bytes() {
        assertTrue(eval("evt.buffer bcontains 7f454c46", "write", "evt.buffer", "xx\u007fELFyy"));
        assertFalse(eval("evt.buffer bcontains 7f454c46", "write", "evt.buffer", "ELF"));
        assertTrue(eval("evt.buffer bstartswith 7f45", "write", "evt.buffer", "\u007fELF"));
        assertFalse(eval("evt.buffer bstartswith 7f45", "write", "evt.buffer", "x\u007fELF"));
        // evt.rawarg takes the type of the parameter it names: data is a buffer, name a text
        assertTrue(eval("evt.rawarg.data bcontains 7f454c46", "write", "evt.rawarg.data", "xx\u007fELFyy"));
        assertFalse(eval("evt.rawarg.data bstartswith 7f45", "write", "evt.rawarg.data", "x\u007fELF"));
        assertTrue(eval("evt.rawarg.name = /etc/shadow", "openat", "evt.rawarg.name", "/etc/shadow"));
    }

    @Test
    void globs() {
        assertTrue(eval("fd.name glob '/home/*/.ssh/*'", "openat", "fd.name", "/home/ann/.ssh/id_rsa"));
        assertFalse(eval("fd.name glob '/home/*/.ssh/*'", "openat", "fd.name", "/root/.ssh/id_rsa"));
        // '*' crosses '/' as fnmatch without FNM_PATHNAME does.
        assertTrue(eval("fd.name glob /proc/*/environ", "openat", "fd.name", "/proc/1/task/2/environ"));
        assertTrue(eval("proc.name glob 'ba?h'", "execve", "proc.name", "bash"));
        assertTrue(eval("proc.name glob '[bd]ash'", "execve", "proc.name", "dash"));
        assertFalse(eval("proc.name glob '[!bd]ash'", "execve", "proc.name", "dash"));
        assertFalse(eval("proc.name glob 'BASH'", "execve", "proc.name", "bash"));
        assertTrue(eval("proc.name iglob 'BA*'", "execve", "proc.name", "bash"));
        assertTrue(eval("proc.name glob '*'", "execve", "proc.name", ""));
    }

    @Test
    void pathPrefixes() {
        String c = "fd.name pmatch (/etc, /usr/bin/, /root/.ssh)";
        assertTrue(eval(c, "openat", "fd.name", "/etc"));
        assertTrue(eval(c, "openat", "fd.name", "/etc/passwd"));
        assertFalse(eval(c, "openat", "fd.name", "/etcd/x"));
        assertTrue(eval(c, "openat", "fd.name", "/usr/bin/ls"));
        assertFalse(eval(c, "openat", "fd.name", "/usr/lib/x"));
        assertTrue(eval(c, "openat", "fd.name", "/root/.ssh/authorized_keys"));
        assertFalse(eval(c, "openat", "fd.name", "/root"));
        assertTrue(eval("fd.name pmatch (/)", "openat", "fd.name", "/anything"));
    }

    @Test
    void sets() {
        assertTrue(eval("proc.name in (bash, sh, \"my shell\")", "execve", "proc.name", "my shell"));
        assertFalse(eval("proc.name in (bash, sh)", "execve", "proc.name", "zsh"));
        assertFalse(eval("proc.name in ()", "execve", "proc.name", "zsh"));
        assertTrue(eval("proc.pname in (runc:[0:PARENT], runc)", "execve", "proc.pname", "runc:[0:PARENT]"));
        assertTrue(eval("proc.args intersects (\"-V\", \"-l\")", "execve", "proc.args", "-l"));
        // fd.types is a list: 'in' wants every element in the set, 'intersects' any.
        assertTrue(eval("fd.types in (file, ipv4)", "openat", "fd.types", new String[] {"file", "ipv4"}));
        assertFalse(eval("fd.types in (file)", "openat", "fd.types", new String[] {"file", "ipv4"}));
        assertTrue(eval("fd.types intersects (ipv4)", "openat", "fd.types", new String[] {"file", "ipv4"}));
    }

    @Test
    void regex() {
        assertTrue(eval("proc.cmdline regex 'curl .*\\|\\s*sh'", "execve", "proc.cmdline", "curl x | sh"));
        assertFalse(eval("proc.cmdline regex '^sh$'", "execve", "proc.cmdline", "bash"));
        // The whole value must match, as in Falco (RE2 anchored at both ends).
        assertTrue(eval("proc.cmdline regex 'a+b'", "execve", "proc.cmdline", "aaab"));
        assertFalse(eval("proc.cmdline regex 'a+b'", "execve", "proc.cmdline", "xxaaab"));
        assertTrue(eval("proc.cmdline regex '.*a+b.*'", "execve", "proc.cmdline", "xxaaabyy"));
        // A pattern that makes backtracking engines explode runs in linear time here.
        assertFalse(eval("proc.cmdline regex '(a+)+$b'", "execve", "proc.cmdline", "a".repeat(5000) + "c"));
    }

    @Test
    void addresses() {
        assertTrue(eval("fd.sip = 10.1.2.3", "connect", "fd.sip", "10.1.2.3"));
        assertFalse(eval("fd.sip = 10.1.2.3", "connect", "fd.sip", "10.1.2.4"));
        assertTrue(eval("fd.sip != 10.1.2.3", "connect", "fd.sip", "10.1.2.4"));
        assertTrue(eval("fd.snet in (10.0.0.0/8, 192.168.0.0/16)", "connect", "fd.snet", "192.168.7.1"));
        assertFalse(eval("fd.snet in (10.0.0.0/8)", "connect", "fd.snet", "11.0.0.1"));
        assertTrue(eval("fd.rnet = fd00::/8", "connect", "fd.rnet", "fd12:3456::1"));
        assertFalse(eval("fd.rnet = fd00::/8", "connect", "fd.rnet", "fe80::1"));
        assertTrue(eval("fd.sip = ::1", "connect", "fd.sip", "0:0:0:0:0:0:0:1"));
        assertFalse(eval("fd.sip = 10.1.2.3", "connect", "fd.sip", "not-an-ip"));
    }

    @Test
    void ancestorsMatchAnyWithoutIndex() {
        assertTrue(eval("proc.aname = sshd", "execve", "proc.aname", new String[] {"bash", "sshd", "systemd"}));
        assertFalse(eval("proc.aname = cron", "execve", "proc.aname", new String[] {"bash", "sshd"}));
        assertTrue(eval("proc.aname[2] = sshd", "execve", "proc.aname[2]", "sshd"));
        assertFalse(eval("proc.aname[2] = sshd", "execve", "proc.aname[2]", "bash"));
        assertTrue(eval("proc.aname in (sshd, cron)", "execve", "proc.aname", new String[] {"bash", "cron"}));
    }

    @Test
    void fieldArguments() {
        assertTrue(eval("evt.arg.flags contains O_TRUNC", "openat", "evt.arg.flags", "O_WRONLY|O_TRUNC"));
        assertTrue(eval("evt.arg[1] = x", "openat", "evt.arg[1]", "x"));
        assertTrue(eval("container.mount.dest[/var/run/docker.sock] != \"\"", "execve",
                "container.mount.dest[/var/run/docker.sock]", "/run/docker.sock"));
        assertTrue(eval("k8s.pod.label.app = web", "execve", "k8s.pod.label.app", "web"));
        assertTrue(eval("k8s.pod.label[app] = web", "execve", "k8s.pod.label.app", "web"));
    }

    @Test
    void twoFields() {
        assertTrue(eval("proc.name = val(proc.pname)", "execve", "proc.name", "sh", "proc.pname", "sh"));
        assertFalse(eval("proc.name = val(proc.pname)", "execve", "proc.name", "sh", "proc.pname", "bash"));
        assertTrue(eval("proc.cmdline contains val(proc.pname)", "execve", "proc.cmdline", "x bash y", "proc.pname", "bash"));
        assertTrue(eval("proc.pid > val(proc.ppid)", "execve", "proc.pid", 10L, "proc.ppid", 1L));
        assertFalse(eval("proc.name = val(proc.pname)", "execve", "proc.name", "sh"));
    }

    @Test
    void transformers() {
        assertTrue(eval("tolower(proc.name) = bash", "execve", "proc.name", "BaSh"));
        assertTrue(eval("toupper(proc.name) = BASH", "execve", "proc.name", "bash"));
        assertTrue(eval("basename(proc.exepath) = ls", "execve", "proc.exepath", "/usr/bin/ls"));
        assertTrue(eval("b64(proc.args) contains secret", "execve", "proc.args", "c2VjcmV0"));
        assertTrue(eval("len(proc.args) > 3", "execve", "proc.args", "abcd"));
        assertFalse(eval("len(proc.args) > 3", "execve", "proc.args", "abc"));
        assertTrue(eval("tolower(basename(proc.exepath)) in (ls)", "execve", "proc.exepath", "/bin/LS"));
    }

    @Test
    void quotingAndEscapes() {
        assertTrue(eval("proc.cmdline = \"a \\\"quoted\\\" b\"", "execve", "proc.cmdline", "a \"quoted\" b"));
        assertTrue(eval("proc.cmdline = 'it\\'s'", "execve", "proc.cmdline", "it's"));
        assertTrue(eval("proc.cmdline = \"tab\\there\"", "execve", "proc.cmdline", "tab\there"));
        assertTrue(eval("proc.cmdline = \"back\\\\slash\"", "execve", "proc.cmdline", "back\\slash"));
        // Unknown escapes keep their backslash (upstream: proc.args contains "\ ").
        assertTrue(eval("proc.args contains \"\\ \"", "execve", "proc.args", "a\\ b"));
        assertTrue(eval("proc.args endswith \\", "execve", "proc.args", "x\\"));
        assertTrue(eval("evt.dir = <", "execve", "evt.dir", "<"));
    }
}
