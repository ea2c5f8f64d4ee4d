package io.peregrine.protocol.fields;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The event type names that {@code evt.type} takes (Falco's names: system calls, plus the
 * non-syscall events such as {@code procexit} and {@code container}), each with a small stable
 * code: its position in {@link #NAMES}. Projected events carry the code. New names are appended,
 * never inserted, so codes stay stable.
 */
public final class EventTypes {

    private static final String[] NAMES = {
            // 0 is reserved for events whose type Peregrine does not name (never evaluated).
            "<unnamed>",
            "open", "openat", "openat2", "creat", "close", "read", "write", "pread", "pwrite", "readv", "writev",
            "execve", "execveat", "clone", "clone3", "fork", "vfork", "procexit", "exit", "exit_group",
            "socket", "socketpair", "connect", "accept", "accept4", "bind", "listen", "sendto", "sendmsg",
            "recvfrom", "recvmsg", "shutdown", "getsockopt", "setsockopt",
            "dup", "dup2", "dup3", "fcntl", "pipe", "pipe2", "eventfd", "eventfd2", "signalfd", "signalfd4",
            "timerfd_create", "inotify_init", "inotify_init1", "epoll_create", "epoll_create1", "memfd_create",
            "userfaultfd", "io_uring_setup", "io_uring_enter", "io_uring_register",
            "chmod", "fchmod", "fchmodat", "chown", "fchown", "fchownat", "lchown",
            "mkdir", "mkdirat", "rmdir", "unlink", "unlinkat", "rename", "renameat", "renameat2",
            "link", "linkat", "symlink", "symlinkat", "truncate", "ftruncate",
            "mount", "umount", "umount2", "chroot", "chdir", "fchdir", "pivot_root",
            "setuid", "setgid", "setreuid", "setregid", "setresuid", "setresgid", "setfsuid", "setfsgid",
            "capset", "prctl", "setns", "unshare", "ptrace", "kill", "tkill", "tgkill",
            "init_module", "finit_module", "delete_module", "bpf", "perf_event_open", "seccomp",
            "mmap", "mmap2", "munmap", "mprotect", "brk", "process_vm_readv", "process_vm_writev",
            "setrlimit", "prlimit", "ioctl", "splice", "sendfile", "copy_file_range", "nanosleep",
            "container", "switch", "signaldeliver", "drop", "notification", "asyncevent",
            // The capture's other system calls, so that a rule not restricted to some types matches
            // them too, as in Falco (internal events such as procinfo stay unnamed: never evaluated).
            "send", "recv", "getsockname", "getpeername", "sendmmsg", "recvmmsg", "futex", "stat", "lstat",
            "fstat", "stat64", "lstat64", "fstat64", "epoll_wait", "poll", "select", "lseek", "llseek",
            "getcwd", "preadv", "pwritev", "getrlimit", "quotactl", "getuid", "geteuid", "getgid", "getegid",
            "getresuid", "getresgid", "getdents", "getdents64", "flock", "semop", "semctl", "ppoll", "semget",
            "access", "setsid", "setpgid", "open_by_handle_at", "mlock", "munlock", "mlockall", "munlockall",
            "mlock2", "fsconfig", "pidfd_getfd", "pidfd_open", "mknod", "mknodat", "newfstatat", "close_range",
            "keyctl",
            // System calls that captures carry as generic events (their name is the syscall ID's).
            "restart_syscall", "time", "getpid", "alarm", "pause", "utime", "sync", "times", "acct", "umask",
            "ustat", "getppid", "getpgrp", "sethostname", "getrusage", "gettimeofday", "settimeofday",
            "readlink", "uselib", "swapon", "reboot", "getpriority", "setpriority", "statfs", "fstatfs",
            "syslog", "setitimer", "getitimer", "uname", "vhangup", "wait4", "swapoff", "sysinfo", "fsync",
            "setdomainname", "adjtimex", "getpgid", "sysfs", "personality", "msync", "getsid", "fdatasync",
            "sched_setparam", "sched_getparam", "sched_setscheduler", "sched_getscheduler", "sched_yield",
            "sched_get_priority_max", "sched_get_priority_min", "sched_rr_get_interval", "mremap",
            "rt_sigaction", "rt_sigprocmask", "rt_sigpending", "rt_sigtimedwait", "rt_sigqueueinfo",
            "rt_sigsuspend", "capget", "getgroups", "setgroups", "mincore", "madvise", "gettid", "setxattr",
            "lsetxattr", "fsetxattr", "getxattr", "lgetxattr", "fgetxattr", "listxattr", "llistxattr",
            "flistxattr", "removexattr", "lremovexattr", "fremovexattr", "sched_setaffinity",
            "sched_getaffinity", "set_thread_area", "get_thread_area", "io_setup", "io_destroy", "io_getevents",
            "io_submit", "io_cancel", "epoll_ctl", "remap_file_pages", "set_tid_address", "timer_create",
            "timer_settime", "timer_gettime", "timer_getoverrun", "timer_delete", "clock_settime",
            "clock_gettime", "clock_getres", "clock_nanosleep", "utimes", "mq_open", "mq_unlink",
            "mq_timedsend", "mq_timedreceive", "mq_notify", "mq_getsetattr", "kexec_load", "waitid", "add_key",
            "request_key", "ioprio_set", "ioprio_get", "inotify_add_watch", "inotify_rm_watch", "futimesat",
            "readlinkat", "faccessat", "pselect6", "set_robust_list", "get_robust_list", "tee", "vmsplice",
            "getcpu", "epoll_pwait", "utimensat", "timerfd_settime", "timerfd_gettime", "rt_tgsigqueueinfo",
            "fanotify_init", "prlimit64", "clock_adjtime", "syncfs", "msgsnd", "msgrcv", "msgget", "msgctl",
            "shmdt", "shmget", "shmctl", "statfs64", "fstatfs64", "fstatat64", "sendfile64", "ugetrlimit",
            "bdflush", "sigprocmask", "ipc", "socketcall", "fcntl64", "newselect", "sgetmask", "ssetmask",
            "sigpending", "olduname", "signal", "nice", "stime", "waitpid", "pread64", "pwrite64", "arch_prctl",
            "shmat", "sigreturn", "fallocate", "sigaltstack", "getrandom", "fadvise64",
            // A generic event of a system call libsinsp has no number for is named "unknown"; one
            // whose ID is unknown but whose x86_64 number is known is named by that number.
            "unknown",
            "rt_sigreturn", "modify_ldt", "iopl", "ioperm", "readahead", "lookup_dcookie", "epoll_ctl_old",
            "epoll_wait_old", "semtimedop", "mbind", "set_mempolicy", "get_mempolicy", "migrate_pages",
            "sync_file_range", "move_pages", "fanotify_mark", "name_to_handle_at", "kcmp", "sched_setattr",
            "sched_getattr", "kexec_file_load", "membarrier", "preadv2", "pwritev2", "pkey_mprotect",
            "pkey_alloc", "pkey_free", "statx", "io_pgetevents", "rseq", "uretprobe", "uprobe",
            "pidfd_send_signal", "open_tree", "move_mount", "fsopen", "fsmount", "fspick", "faccessat2",
            "process_madvise", "epoll_pwait2", "mount_setattr", "quotactl_fd", "landlock_create_ruleset",
            "landlock_add_rule", "landlock_restrict_self", "memfd_secret", "process_mrelease",
            "futex_waitv", "set_mempolicy_home_node", "cachestat", "fchmodat2", "map_shadow_stack",
            "futex_wake", "futex_wait", "futex_requeue", "statmount", "listmount", "lsm_get_self_attr",
            "lsm_set_self_attr", "lsm_list_modules", "mseal", "setxattrat", "getxattrat", "listxattrat",
            "removexattrat", "open_tree_attr", "file_getattr", "file_setattr", "listns", "rseq_slice_yield",
    };

    private static final Map<String, Integer> CODES;

    static {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < NAMES.length; i++) {
            if (m.put(NAMES[i], i) != null) {
                throw new IllegalStateException("duplicate event type " + NAMES[i]);
            }
        }
        CODES = Map.copyOf(m);
    }

    private EventTypes() {
    }

    /** Number of codes; codes are 0 (unnamed) to size()-1. */
    public static int size() {
        return NAMES.length;
    }

    public static String name(int code) {
        return NAMES[code];
    }

    /** The code of a name, or -1 when Peregrine does not know it. */
    public static int code(String name) {
        Integer c = CODES.get(name);
        return c == null ? -1 : c;
    }

    public static List<String> names() {
        return Collections.unmodifiableList(Arrays.asList(NAMES));
    }
}
