package io.peregrine.driver.bpf;

import io.peregrine.protocol.scap.EventCodes;

/**
 * The syscalls the probe records (x86_64 numbers), each with the scap exit event it produces and,
 * for those the probe has an enter handler for, the scap enter event. The probe's selection maps
 * (exit and enter) are indexed by {@link #number()}. {@link #EXIT_GROUP} selects procexit, which
 * the probe takes from sched_process_exit. {@link #MMAP} records executable mappings only.
 */
public enum Syscall {
    READ("read", 0, EventCodes.PPME_SYSCALL_READ_X),
    WRITE("write", 1, EventCodes.PPME_SYSCALL_WRITE_X),
    OPEN("open", 2, EventCodes.PPME_SYSCALL_OPEN_X, EventCodes.PPME_SYSCALL_OPEN_E),
    CLOSE("close", 3, EventCodes.PPME_SYSCALL_CLOSE_X, EventCodes.PPME_SYSCALL_CLOSE_E),
    MMAP("mmap", 9, EventCodes.PPME_SYSCALL_MMAP_X),
    MPROTECT("mprotect", 10, EventCodes.PPME_SYSCALL_MPROTECT_X),
    PIPE("pipe", 22, EventCodes.PPME_SYSCALL_PIPE_X),
    DUP("dup", 32, EventCodes.PPME_SYSCALL_DUP_1_X),
    DUP2("dup2", 33, EventCodes.PPME_SYSCALL_DUP2_X),
    SOCKET("socket", 41, EventCodes.PPME_SOCKET_SOCKET_X, EventCodes.PPME_SOCKET_SOCKET_E),
    CONNECT("connect", 42, EventCodes.PPME_SOCKET_CONNECT_X, EventCodes.PPME_SOCKET_CONNECT_E),
    ACCEPT("accept", 43, EventCodes.PPME_SOCKET_ACCEPT_5_X),
    SENDTO("sendto", 44, EventCodes.PPME_SOCKET_SENDTO_X),
    RECVFROM("recvfrom", 45, EventCodes.PPME_SOCKET_RECVFROM_X),
    SENDMSG("sendmsg", 46, EventCodes.PPME_SOCKET_SENDMSG_X),
    RECVMSG("recvmsg", 47, EventCodes.PPME_SOCKET_RECVMSG_X),
    SHUTDOWN("shutdown", 48, EventCodes.PPME_SOCKET_SHUTDOWN_X),
    BIND("bind", 49, EventCodes.PPME_SOCKET_BIND_X, EventCodes.PPME_SOCKET_BIND_E),
    LISTEN("listen", 50, EventCodes.PPME_SOCKET_LISTEN_X),
    SOCKETPAIR("socketpair", 53, EventCodes.PPME_SOCKET_SOCKETPAIR_X),
    CLONE("clone", 56, EventCodes.PPME_SYSCALL_CLONE_20_X),
    FORK("fork", 57, EventCodes.PPME_SYSCALL_FORK_20_X),
    VFORK("vfork", 58, EventCodes.PPME_SYSCALL_VFORK_20_X),
    EXECVE("execve", 59, EventCodes.PPME_SYSCALL_EXECVE_19_X, EventCodes.PPME_SYSCALL_EXECVE_19_E),
    KILL("kill", 62, EventCodes.PPME_SYSCALL_KILL_X, EventCodes.PPME_SYSCALL_KILL_E),
    FCNTL("fcntl", 72, EventCodes.PPME_SYSCALL_FCNTL_X),
    CHDIR("chdir", 80, EventCodes.PPME_SYSCALL_CHDIR_X),
    FCHDIR("fchdir", 81, EventCodes.PPME_SYSCALL_FCHDIR_X),
    RENAME("rename", 82, EventCodes.PPME_SYSCALL_RENAME_X),
    MKDIR("mkdir", 83, EventCodes.PPME_SYSCALL_MKDIR_2_X),
    RMDIR("rmdir", 84, EventCodes.PPME_SYSCALL_RMDIR_2_X),
    CREAT("creat", 85, EventCodes.PPME_SYSCALL_CREAT_X, EventCodes.PPME_SYSCALL_CREAT_E),
    LINK("link", 86, EventCodes.PPME_SYSCALL_LINK_2_X),
    UNLINK("unlink", 87, EventCodes.PPME_SYSCALL_UNLINK_2_X),
    SYMLINK("symlink", 88, EventCodes.PPME_SYSCALL_SYMLINK_X),
    CHMOD("chmod", 90, EventCodes.PPME_SYSCALL_CHMOD_X),
    FCHMOD("fchmod", 91, EventCodes.PPME_SYSCALL_FCHMOD_X),
    CHOWN("chown", 92, EventCodes.PPME_SYSCALL_CHOWN_X),
    FCHOWN("fchown", 93, EventCodes.PPME_SYSCALL_FCHOWN_X),
    LCHOWN("lchown", 94, EventCodes.PPME_SYSCALL_LCHOWN_X),
    PTRACE("ptrace", 101, EventCodes.PPME_SYSCALL_PTRACE_X, EventCodes.PPME_SYSCALL_PTRACE_E),
    SETUID("setuid", 105, EventCodes.PPME_SYSCALL_SETUID_X, EventCodes.PPME_SYSCALL_SETUID_E),
    SETGID("setgid", 106, EventCodes.PPME_SYSCALL_SETGID_X, EventCodes.PPME_SYSCALL_SETGID_E),
    SETREUID("setreuid", 113, EventCodes.PPME_SYSCALL_SETREUID_X),
    SETREGID("setregid", 114, EventCodes.PPME_SYSCALL_SETREGID_X),
    SETRESUID("setresuid", 117, EventCodes.PPME_SYSCALL_SETRESUID_X),
    SETRESGID("setresgid", 119, EventCodes.PPME_SYSCALL_SETRESGID_X),
    CAPSET("capset", 126, EventCodes.PPME_SYSCALL_CAPSET_X),
    PRCTL("prctl", 157, EventCodes.PPME_SYSCALL_PRCTL_X),
    CHROOT("chroot", 161, EventCodes.PPME_SYSCALL_CHROOT_X),
    MOUNT("mount", 165, EventCodes.PPME_SYSCALL_MOUNT_X),
    UMOUNT2("umount2", 166, EventCodes.PPME_SYSCALL_UMOUNT2_X),
    INIT_MODULE("init_module", 175, EventCodes.PPME_SYSCALL_INIT_MODULE_X),
    TKILL("tkill", 200, EventCodes.PPME_SYSCALL_TKILL_X, EventCodes.PPME_SYSCALL_TKILL_E),
    EXIT_GROUP("exit_group", 231, EventCodes.PPME_PROCEXIT_1_E),
    TGKILL("tgkill", 234, EventCodes.PPME_SYSCALL_TGKILL_X, EventCodes.PPME_SYSCALL_TGKILL_E),
    OPENAT("openat", 257, EventCodes.PPME_SYSCALL_OPENAT_2_X, EventCodes.PPME_SYSCALL_OPENAT_2_E),
    MKDIRAT("mkdirat", 258, EventCodes.PPME_SYSCALL_MKDIRAT_X),
    FCHOWNAT("fchownat", 260, EventCodes.PPME_SYSCALL_FCHOWNAT_X),
    UNLINKAT("unlinkat", 263, EventCodes.PPME_SYSCALL_UNLINKAT_2_X),
    RENAMEAT("renameat", 264, EventCodes.PPME_SYSCALL_RENAMEAT_X),
    LINKAT("linkat", 265, EventCodes.PPME_SYSCALL_LINKAT_2_X),
    SYMLINKAT("symlinkat", 266, EventCodes.PPME_SYSCALL_SYMLINKAT_X),
    FCHMODAT("fchmodat", 268, EventCodes.PPME_SYSCALL_FCHMODAT_X),
    UNSHARE("unshare", 272, EventCodes.PPME_SYSCALL_UNSHARE_X),
    ACCEPT4("accept4", 288, EventCodes.PPME_SOCKET_ACCEPT4_6_X),
    DUP3("dup3", 292, EventCodes.PPME_SYSCALL_DUP3_X),
    PIPE2("pipe2", 293, EventCodes.PPME_SYSCALL_PIPE2_X),
    SETNS("setns", 308, EventCodes.PPME_SYSCALL_SETNS_X),
    FINIT_MODULE("finit_module", 313, EventCodes.PPME_SYSCALL_FINIT_MODULE_X),
    RENAMEAT2("renameat2", 316, EventCodes.PPME_SYSCALL_RENAMEAT2_X),
    MEMFD_CREATE("memfd_create", 319, EventCodes.PPME_SYSCALL_MEMFD_CREATE_X),
    BPF("bpf", 321, EventCodes.PPME_SYSCALL_BPF_2_X, EventCodes.PPME_SYSCALL_BPF_2_E),
    EXECVEAT("execveat", 322, EventCodes.PPME_SYSCALL_EXECVEAT_X, EventCodes.PPME_SYSCALL_EXECVEAT_E),
    USERFAULTFD("userfaultfd", 323, EventCodes.PPME_SYSCALL_USERFAULTFD_X),
    CLONE3("clone3", 435, EventCodes.PPME_SYSCALL_CLONE3_X),
    OPENAT2("openat2", 437, EventCodes.PPME_SYSCALL_OPENAT2_X, EventCodes.PPME_SYSCALL_OPENAT2_E);

    /** {@link #enterEvent()} of a syscall without an enter handler. */
    public static final int NO_ENTER_EVENT = -1;

    private final String syscallName;
    private final int number;
    private final int exitEvent;
    private final int enterEvent;

    Syscall(String syscallName, int number, int exitEvent) {
        this(syscallName, number, exitEvent, NO_ENTER_EVENT);
    }

    Syscall(String syscallName, int number, int exitEvent, int enterEvent) {
        this.syscallName = syscallName;
        this.number = number;
        this.exitEvent = exitEvent;
        this.enterEvent = enterEvent;
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

    /**
     * The enter event type the probe emits at sys_enter when this syscall is selected for enter,
     * or {@link #NO_ENTER_EVENT} when the probe has no enter handler for it.
     */
    public int enterEvent() {
        return enterEvent;
    }

    public boolean hasEnterEvent() {
        return enterEvent != NO_ENTER_EVENT;
    }

    /** The syscalls with an enter handler in the probe. */
    public static java.util.EnumSet<Syscall> withEnterEvents() {
        java.util.EnumSet<Syscall> s = java.util.EnumSet.noneOf(Syscall.class);
        for (Syscall c : values()) {
            if (c.hasEnterEvent()) {
                s.add(c);
            }
        }
        return s;
    }

    /**
     * Every syscall except the size-only data transfers (read, write, sendto, recvfrom, sendmsg,
     * recvmsg): they are the bulk of all syscalls and are off by default.
     */
    public static java.util.EnumSet<Syscall> defaults() {
        java.util.EnumSet<Syscall> s = java.util.EnumSet.allOf(Syscall.class);
        s.removeAll(java.util.EnumSet.of(READ, WRITE, SENDTO, RECVFROM, SENDMSG, RECVMSG));
        return s;
    }

    /**
     * The syscalls whose records (exit or enter) have event type {@code code} (for turning the event types rules
     * need into the kernel-side selection); empty when the probe produces no such records. Generic
     * "syscall" records come from syscalls selected by number and are not listed here.
     */
    public static java.util.List<Syscall> producing(int code) {
        java.util.List<Syscall> l = new java.util.ArrayList<>();
        for (Syscall s : values()) {
            if (s.exitEvent == code || s.enterEvent == code) {
                l.add(s);
            }
        }
        return l;
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
