package io.peregrine.driver.bpf;

import io.peregrine.protocol.event.EventCodes;

/**
 * The syscalls the probe records (x86_64 numbers), each with the scap exit event it produces. The
 * probe's selection map is indexed by {@link #number()}. {@link #EXIT_GROUP} selects procexit,
 * which the probe takes from sched_process_exit.
 */
public enum Syscall {
    READ("read", 0, EventCodes.PPME_SYSCALL_READ_X),
    WRITE("write", 1, EventCodes.PPME_SYSCALL_WRITE_X),
    OPEN("open", 2, EventCodes.PPME_SYSCALL_OPEN_X),
    CLOSE("close", 3, EventCodes.PPME_SYSCALL_CLOSE_X),
    DUP("dup", 32, EventCodes.PPME_SYSCALL_DUP_1_X),
    DUP2("dup2", 33, EventCodes.PPME_SYSCALL_DUP2_X),
    SOCKET("socket", 41, EventCodes.PPME_SOCKET_SOCKET_X),
    CONNECT("connect", 42, EventCodes.PPME_SOCKET_CONNECT_X),
    ACCEPT("accept", 43, EventCodes.PPME_SOCKET_ACCEPT_5_X),
    BIND("bind", 49, EventCodes.PPME_SOCKET_BIND_X),
    LISTEN("listen", 50, EventCodes.PPME_SOCKET_LISTEN_X),
    CLONE("clone", 56, EventCodes.PPME_SYSCALL_CLONE_20_X),
    FORK("fork", 57, EventCodes.PPME_SYSCALL_FORK_20_X),
    VFORK("vfork", 58, EventCodes.PPME_SYSCALL_VFORK_20_X),
    EXECVE("execve", 59, EventCodes.PPME_SYSCALL_EXECVE_19_X),
    KILL("kill", 62, EventCodes.PPME_SYSCALL_KILL_X),
    RENAME("rename", 82, EventCodes.PPME_SYSCALL_RENAME_X),
    CREAT("creat", 85, EventCodes.PPME_SYSCALL_CREAT_X),
    UNLINK("unlink", 87, EventCodes.PPME_SYSCALL_UNLINK_2_X),
    PTRACE("ptrace", 101, EventCodes.PPME_SYSCALL_PTRACE_X),
    SETUID("setuid", 105, EventCodes.PPME_SYSCALL_SETUID_X),
    SETGID("setgid", 106, EventCodes.PPME_SYSCALL_SETGID_X),
    SETREUID("setreuid", 113, EventCodes.PPME_SYSCALL_SETREUID_X),
    SETREGID("setregid", 114, EventCodes.PPME_SYSCALL_SETREGID_X),
    SETRESUID("setresuid", 117, EventCodes.PPME_SYSCALL_SETRESUID_X),
    SETRESGID("setresgid", 119, EventCodes.PPME_SYSCALL_SETRESGID_X),
    TKILL("tkill", 200, EventCodes.PPME_SYSCALL_TKILL_X),
    EXIT_GROUP("exit_group", 231, EventCodes.PPME_PROCEXIT_1_E),
    TGKILL("tgkill", 234, EventCodes.PPME_SYSCALL_TGKILL_X),
    OPENAT("openat", 257, EventCodes.PPME_SYSCALL_OPENAT_2_X),
    UNLINKAT("unlinkat", 263, EventCodes.PPME_SYSCALL_UNLINKAT_2_X),
    RENAMEAT("renameat", 264, EventCodes.PPME_SYSCALL_RENAMEAT_X),
    ACCEPT4("accept4", 288, EventCodes.PPME_SOCKET_ACCEPT4_6_X),
    DUP3("dup3", 292, EventCodes.PPME_SYSCALL_DUP3_X),
    RENAMEAT2("renameat2", 316, EventCodes.PPME_SYSCALL_RENAMEAT2_X),
    MEMFD_CREATE("memfd_create", 319, EventCodes.PPME_SYSCALL_MEMFD_CREATE_X),
    EXECVEAT("execveat", 322, EventCodes.PPME_SYSCALL_EXECVEAT_X),
    CLONE3("clone3", 435, EventCodes.PPME_SYSCALL_CLONE3_X),
    OPENAT2("openat2", 437, EventCodes.PPME_SYSCALL_OPENAT2_X);

    private final String syscallName;
    private final int number;
    private final int exitEvent;

    Syscall(String syscallName, int number, int exitEvent) {
        this.syscallName = syscallName;
        this.number = number;
        this.exitEvent = exitEvent;
    }

    public String syscallName() {
        return syscallName;
    }

    public int number() {
        return number;
    }

    /** The event type code the probe emits for this syscall. */
    public int exitEvent() {
        return exitEvent;
    }

    /** Every syscall except the size-only read/write, which are off by default. */
    public static java.util.EnumSet<Syscall> defaults() {
        java.util.EnumSet<Syscall> s = java.util.EnumSet.allOf(Syscall.class);
        s.remove(READ);
        s.remove(WRITE);
        return s;
    }

    /** The syscall with that name, or null. */
    public static Syscall byName(String name) {
        for (Syscall s : values()) {
            if (s.syscallName.equals(name)) {
                return s;
            }
        }
        return null;
    }
}
