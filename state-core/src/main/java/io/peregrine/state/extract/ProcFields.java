package io.peregrine.state.extract;

import io.peregrine.protocol.projection.ProjectionEncoder;
import io.peregrine.state.fds.FdInfo;
import io.peregrine.protocol.scap.FdTypes;
import io.peregrine.state.parsers.EventContext;
import io.peregrine.state.threads.ThreadInfo;
import io.peregrine.state.threads.ThreadTable;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code proc.*} and {@code thread.*} fields (libsinsp's thread filtercheck): the calling thread,
 * its process and its ancestors.
 */
final class ProcFields {

    enum Proc implements ExtractedField {
        EXE("proc.exe"), PEXE("proc.pexe"), AEXE("proc.aexe"), EXEPATH("proc.exepath"),
        PEXEPATH("proc.pexepath"), AEXEPATH("proc.aexepath"), NAME("proc.name"), PNAME("proc.pname"),
        ANAME("proc.aname"), ARGS("proc.args"), CMDLINE("proc.cmdline"), PCMDLINE("proc.pcmdline"),
        ACMDLINE("proc.acmdline"), CMDNARGS("proc.cmdnargs"), CMDLENARGS("proc.cmdlenargs"),
        EXELINE("proc.exeline"), ENV("proc.env"), CWD("proc.cwd"), TTY("proc.tty"), PID("proc.pid"),
        PPID("proc.ppid"), APID("proc.apid"), VPID("proc.vpid"), PVPID("proc.pvpid"), SID("proc.sid"),
        SNAME("proc.sname"), SID_EXE("proc.sid.exe"), SID_EXEPATH("proc.sid.exepath"), VPGID("proc.vpgid"),
        VPGID_NAME("proc.vpgid.name"), VPGID_EXE("proc.vpgid.exe"), VPGID_EXEPATH("proc.vpgid.exepath"),
        DURATION("proc.duration"), PPID_DURATION("proc.ppid.duration"), IS_EXE_WRITABLE("proc.is_exe_writable"),
        IS_EXE_UPPER("proc.is_exe_upper_layer"), IS_EXE_MEMFD("proc.is_exe_from_memfd"),
        IS_SID_LEADER("proc.is_sid_leader"), IS_VPGID_LEADER("proc.is_vpgid_leader"), EXE_INO("proc.exe_ino"),
        EXE_CTIME("proc.exe_ino.ctime"), EXE_MTIME("proc.exe_ino.mtime"), PIDNS_INIT("proc.pidns_init_start_ts"),
        FDOPENCOUNT("proc.fdopencount"), LOGINSHELLID("proc.loginshellid"),
        STDIN_TYPE(0, "proc.stdin.type"), STDOUT_TYPE(1, "proc.stdout.type"), STDERR_TYPE(2, "proc.stderr.type"),
        STDIN_NAME(0, "proc.stdin.name"), STDOUT_NAME(1, "proc.stdout.name"), STDERR_NAME(2, "proc.stderr.name"),
        THREAD_TID("thread.tid"), THREAD_ISMAIN("thread.ismain"), THREAD_VTID("thread.vtid"),
        THREAD_CGROUPS("thread.cgroups"), THREAD_CGROUP("thread.cgroup"),
        THREAD_CAP_PERMITTED("thread.cap_permitted"), THREAD_CAP_INHERITABLE("thread.cap_inheritable"),
        THREAD_CAP_EFFECTIVE("thread.cap_effective");

        private final int impliedIndex;
        private final List<String> names;

        Proc(String... names) {
            this(-1, names);
        }

        Proc(int impliedIndex, String... names) {
            this.impliedIndex = impliedIndex;
            this.names = List.of(names);
        }

        @Override
        public FieldFamily family() {
            return FieldFamily.PROC;
        }

        @Override
        public List<String> names() {
            return names;
        }

        @Override
        public int impliedIndex() {
            return impliedIndex;
        }
    }

    /** Capability names by bit (linux/capability.h), as Falco lists them in thread.cap_*. */
    private static final byte[][] CAPS = Arrays.stream(("CAP_CHOWN CAP_DAC_OVERRIDE CAP_DAC_READ_SEARCH "
            + "CAP_FOWNER CAP_FSETID CAP_KILL CAP_SETGID CAP_SETUID CAP_SETPCAP CAP_LINUX_IMMUTABLE "
            + "CAP_NET_BIND_SERVICE CAP_NET_BROADCAST CAP_NET_ADMIN CAP_NET_RAW CAP_IPC_LOCK CAP_IPC_OWNER "
            + "CAP_SYS_MODULE CAP_SYS_RAWIO CAP_SYS_CHROOT CAP_SYS_PTRACE CAP_SYS_PACCT CAP_SYS_ADMIN CAP_SYS_BOOT "
            + "CAP_SYS_NICE CAP_SYS_RESOURCE CAP_SYS_TIME CAP_SYS_TTY_CONFIG CAP_MKNOD CAP_LEASE CAP_AUDIT_WRITE "
            + "CAP_AUDIT_CONTROL CAP_SETFCAP CAP_MAC_OVERRIDE CAP_MAC_ADMIN CAP_SYSLOG CAP_WAKE_ALARM "
            + "CAP_BLOCK_SUSPEND CAP_AUDIT_READ CAP_PERFMON CAP_BPF CAP_CHECKPOINT_RESTORE").split(" "))
            .map(s -> s.getBytes(StandardCharsets.US_ASCII)).toArray(byte[][]::new);
    private static final int EXE_WRITABLE = 1, EXE_UPPER_LAYER = 2, EXE_FROM_MEMFD = 4;
    private static final int MAX_DEPTH = 64;

    private final ThreadTable threads;

    ProcFields(ThreadTable threads) {
        this.threads = threads;
    }

    void extract(CompiledField f, EventContext c, ProjectionEncoder out) {
        ThreadInfo t = c.thread;
        Proc field = (Proc) f.field;
        if (t == null) {
            // Without a thread entry only the thread id is known.
            if (field == Proc.THREAD_TID) {
                out.int64(c.evt.tid());
            } else {
                out.absent();
            }
            return;
        }
        ThreadInfo main = c.main != null ? c.main : t;
        switch (field) {
            case EXE, NAME, CMDLINE, EXELINE -> named(field, t, out);
            case EXEPATH -> out.bytes(t.exepath);
            case ARGS -> NulSeparated.join(out, null, t.args);
            case CMDNARGS -> out.uint64(NulSeparated.count(t.args));
            case CMDLENARGS -> out.uint64(NulSeparated.textLength(t.args));
            case ENV -> env(f, t, out);
            case CWD -> out.bytes(main.cwd);
            case TTY -> out.uint64(Integer.toUnsignedLong(t.tty));
            case PID -> out.int64(t.pid);
            case VPID -> nonNegative(t.vpid, out);
            case PPID -> out.int64(t.ptid);
            case SID -> out.int64(t.sid);
            case VPGID -> out.int64(t.vpgid);
            case PNAME, PEXE, PEXEPATH, PCMDLINE, PVPID -> parentValue(field, t, out);
            case ANAME, AEXE, AEXEPATH, ACMDLINE, APID -> ancestors(f, field, t, out);
            case SNAME, SID_EXE, SID_EXEPATH -> leaderValue(field, leader(t, t.sid, true), out);
            case VPGID_NAME, VPGID_EXE, VPGID_EXEPATH -> leaderValue(field, leader(t, t.vpgid, false), out);
            case IS_SID_LEADER -> out.bool(t.sid == t.vpid);
            case IS_VPGID_LEADER -> out.bool(t.vpgid == t.vpid);
            case DURATION -> since(main, c, out);
            case PPID_DURATION -> parentDuration(t, c, out);
            case IS_EXE_WRITABLE -> out.bool((t.exeFlags & EXE_WRITABLE) != 0);
            case IS_EXE_UPPER -> out.bool((t.exeFlags & EXE_UPPER_LAYER) != 0);
            case IS_EXE_MEMFD -> out.bool((t.exeFlags & EXE_FROM_MEMFD) != 0);
            case EXE_INO -> out.int64(t.exeIno);
            case EXE_CTIME -> out.uint64(t.exeInoCtime);
            case EXE_MTIME -> out.uint64(t.exeInoMtime);
            case PIDNS_INIT -> out.uint64(t.pidnsInitStartTs);
            case FDOPENCOUNT -> out.uint64(t.fds == null ? 0 : t.fds.count());
            case STDIN_TYPE, STDOUT_TYPE, STDERR_TYPE -> stdType(f, t, out);
            case STDIN_NAME, STDOUT_NAME, STDERR_NAME -> stdName(f, t, out);
            case LOGINSHELLID -> loginShell(t, out);
            case THREAD_TID -> out.int64(t.tid);
            case THREAD_VTID -> nonNegative(t.vtid, out);
            case THREAD_ISMAIN -> out.bool(t.isMain());
            case THREAD_CGROUPS -> NulSeparated.join(out, null, t.cgroups);
            case THREAD_CGROUP -> NulSeparated.value(out, t.cgroups, f.keyBytes);
            case THREAD_CAP_PERMITTED -> caps(t.capPermitted, out);
            case THREAD_CAP_INHERITABLE -> caps(t.capInheritable, out);
            case THREAD_CAP_EFFECTIVE -> caps(t.capEffective, out);
        }
    }

    private static void named(Proc field, ThreadInfo t, ProjectionEncoder out) {
        if (t.comm.length == 0) {
            // A thread libsinsp knows nothing about: its name is unset, other fields are empty.
            out.absent();
        } else if (field == Proc.EXE) {
            out.bytes(t.exe);
        } else if (field == Proc.NAME) {
            out.bytes(t.comm);
        } else if (field == Proc.CMDLINE) {
            NulSeparated.join(out, t.comm, t.args);
        } else {
            NulSeparated.join(out, t.exe, t.args);
        }
    }

    private static void nonNegative(long v, ProjectionEncoder out) {
        if (v < 0) {
            out.absent();
        } else {
            out.int64(v);
        }
    }

    private static void since(ThreadInfo main, EventContext c, ProjectionEncoder out) {
        if (main.cloneTs == 0) {
            out.absent();
        } else {
            out.uint64(c.evt.ts() - main.cloneTs);
        }
    }

    private void parentDuration(ThreadInfo t, EventContext c, ProjectionEncoder out) {
        ThreadInfo p = parent(t);
        ThreadInfo pm = p == null ? null : (p.isMain() ? p : threads.get(p.pid));
        if (pm == null || pm.cloneTs == 0) {
            out.absent();
        } else {
            out.uint64(c.evt.ts() - pm.cloneTs);
        }
    }

    private void parentValue(Proc field, ThreadInfo t, ProjectionEncoder out) {
        ThreadInfo p = parent(t);
        if (p == null) {
            out.absent();
            return;
        }
        ancestorValue(switch (field) {
            case PNAME -> Proc.ANAME;
            case PEXE -> Proc.AEXE;
            case PEXEPATH -> Proc.AEXEPATH;
            case PCMDLINE -> Proc.ACMDLINE;
            default -> Proc.VPID;
        }, p, out);
    }

    private void ancestors(CompiledField f, Proc field, ThreadInfo t, ProjectionEncoder out) {
        if (f.index >= 0) {
            ThreadInfo a = ancestor(t, f.index);
            if (a == null) {
                out.absent();
            } else {
                ancestorValue(field, a, out);
            }
            return;
        }
        out.beginList();
        ThreadInfo a = parent(t);
        for (int d = 0; a != null && d < MAX_DEPTH; d++) {
            ancestorValue(field, a, out);
            a = parent(a);
        }
        out.endList();
    }

    private static void ancestorValue(Proc field, ThreadInfo a, ProjectionEncoder out) {
        switch (field) {
            case ANAME -> out.bytes(a.comm);
            case AEXE -> out.bytes(a.exe);
            case AEXEPATH -> out.bytes(a.exepath);
            case ACMDLINE -> NulSeparated.join(out, a.comm, a.args);
            case APID -> out.int64(a.pid);
            default -> out.int64(a.vpid);
        }
    }

    private static void leaderValue(Proc field, ThreadInfo leader, ProjectionEncoder out) {
        if (leader == null) {
            out.absent();
        } else if (field == Proc.SNAME || field == Proc.VPGID_NAME) {
            out.bytes(leader.comm);
        } else if (field == Proc.SID_EXE || field == Proc.VPGID_EXE) {
            out.bytes(leader.exe);
        } else {
            out.bytes(leader.exepath);
        }
    }

    private static void stdType(CompiledField f, ThreadInfo t, ProjectionEncoder out) {
        FdInfo s = t.fds == null ? null : t.fds.get(f.index);
        byte[] n = s == null ? null : FdTypes.typeName(s.type);
        if (n == null) {
            out.absent();
        } else {
            out.bytes(n);
        }
    }

    private static void stdName(CompiledField f, ThreadInfo t, ProjectionEncoder out) {
        FdInfo s = t.fds == null ? null : t.fds.get(f.index);
        if (s == null) {
            out.absent();
        } else {
            out.bytes(s.name);
        }
    }

    private static void caps(long caps, ProjectionEncoder out) {
        int at = out.beginBytes();
        boolean first = true;
        for (int bit = 0; bit < CAPS.length; bit++) {
            if ((caps & (1L << bit)) != 0) {
                if (!first) {
                    out.append((byte) ' ');
                }
                out.append(CAPS[bit], 0, CAPS[bit].length);
                first = false;
            }
        }
        out.endBytes(at);
    }

    /**
     * The parent process, as libsinsp's ancestor walk: from the thread's process (main thread) to
     * the process (main thread) of its parent, so a thread's proc.pname is its process's parent's
     * name even when a named thread of that parent made the fork.
     */
    private ThreadInfo parent(ThreadInfo t) {
        ThreadInfo m = processOf(t);
        if (m == null || m.ptid <= 0 || m.ptid == m.tid) {
            return null;
        }
        ThreadInfo p = processOf(threads.get(m.ptid));
        // A parent entry without any information is no parent for the fields.
        return p == null || (p.comm.length == 0 && p.exe.length == 0) ? null : p;
    }

    private ThreadInfo processOf(ThreadInfo t) {
        if (t == null || t.isMain()) {
            return t;
        }
        ThreadInfo m = threads.get(t.pid);
        return m == null ? t : m;
    }

    private ThreadInfo ancestor(ThreadInfo t, int level) {
        ThreadInfo a = processOf(t);
        for (int i = 0; i < level && a != null; i++) {
            a = parent(a);
        }
        return a;
    }

    private ThreadInfo leader(ThreadInfo t, long id, boolean session) {
        // Walk up to the outermost ancestor that is still in the same session (process group).
        ThreadInfo found = null;
        ThreadInfo a = t;
        for (int d = 0; a != null && d < MAX_DEPTH; d++) {
            if ((session ? a.sid : a.vpgid) != id) {
                break;
            }
            found = a;
            if (a.vpid == id) {
                // The leader is the process, named by its main thread (not the thread asking).
                ThreadInfo main = a.isMain() ? a : threads.get(a.pid);
                return main == null ? a : main;
            }
            a = parent(a);
        }
        return found;
    }

    private void loginShell(ThreadInfo t, ProjectionEncoder out) {
        long id = -1;
        ThreadInfo a = t;
        for (int d = 0; a != null && d < MAX_DEPTH; d++) {
            if (isShell(a.comm)) {
                id = a.pid;
            }
            a = parent(a);
        }
        if (id < 0) {
            out.absent();
        } else {
            out.int64(id);
        }
    }

    private static boolean isShell(byte[] comm) {
        int n = comm.length;
        return n >= 2 && comm[n - 2] == 's' && comm[n - 1] == 'h';
    }

    private static void env(CompiledField f, ThreadInfo t, ProjectionEncoder out) {
        if (f.key == null) {
            NulSeparated.join(out, null, t.env);
        } else {
            NulSeparated.value(out, t.env, f.keyBytes);
        }
    }
}
