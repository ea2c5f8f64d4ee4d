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
            // 0 is reserved for events whose type Peregrine does not name.
            "unknown",
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

    /** Number of codes; codes are 0 (unknown) to size()-1. */
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
