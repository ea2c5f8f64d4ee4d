package io.peregrine.state.parsers;

import io.peregrine.protocol.event.EventTable;
import io.peregrine.protocol.event.EventType;
import io.peregrine.protocol.scap.FdTypes;

/**
 * What an event type does to state, by scap name so that every layout version of a call is covered;
 * {@link EventParser} dispatches on it.
 */
enum StateEffect {
    NONE, OPEN, CLOSE, CLONE, EXECVE, PROCEXIT, SOCKET, CONNECT, ACCEPT, BIND, PIPE, DUP, FCNTL, CHDIR, FCHDIR,
    SETUID, SETRESUID, SETREUID, SETGID, SETRESGID, SETREGID, SETSID, PRCTL, SIMPLE_FD, MEMFD, SOCKETPAIR,
    SENDRECV, CLOSE_RANGE, LISTEN;

    private static final StateEffect[] BY_CODE = new StateEffect[EventTable.CODE_LIMIT];
    /** Scheduler events name the thread that ran, not one that made a call: they create no entry. */
    private static final boolean[] NO_LAZY_THREAD = new boolean[EventTable.CODE_LIMIT];
    /**
     * Calls whose fd argument names the event's fd (fd.* fields), mmap and mmap2 included: current
     * libsinsp's table marks them as using their fd (sysdig 0.29.3's did not).
     */
    private static final boolean[] USES_FD = new boolean[EventTable.CODE_LIMIT];
    /** Calls that create, use or destroy an fd (libsinsp's fd filterchecks apply to them). */
    private static final boolean[] FD_EVENT = new boolean[EventTable.CODE_LIMIT];
    /** For SIMPLE_FD: the fd kind the call creates. */
    private static final byte[] SIMPLE_TYPE = new byte[EventTable.CODE_LIMIT];

    static {
        java.util.Arrays.fill(BY_CODE, NONE);
        for (int code = 0; code < EventTable.SCAP_LIMIT; code++) {
            EventType t = EventTable.get(code);
            if (t == null) {
                continue;
            }
            BY_CODE[code] = of(t.name());
            NO_LAZY_THREAD[code] = t.name().equals("switch");
            USES_FD[code] = t.hasFlag(EventType.EF_USES_FD) || t.hasFlag(EventType.EF_DESTROYS_FD);
            FD_EVENT[code] = (t.hasFlag(EventType.EF_CREATES_FD) || t.hasFlag(EventType.EF_USES_FD)
                    || t.hasFlag(EventType.EF_DESTROYS_FD));
            SIMPLE_TYPE[code] = switch (t.name()) {
                case "eventfd", "eventfd2" -> FdTypes.EVENT;
                case "signalfd", "signalfd4" -> FdTypes.SIGNALFD;
                case "timerfd_create" -> FdTypes.TIMERFD;
                case "inotify_init", "inotify_init1" -> FdTypes.INOTIFY;
                case "epoll_create", "epoll_create1" -> FdTypes.EVENTPOLL;
                case "userfaultfd" -> FdTypes.USERFAULTFD;
                case "io_uring_setup" -> FdTypes.IOURING;
                case "pidfd_open" -> FdTypes.PIDFD;
                default -> FdTypes.UNKNOWN;
            };
        }
    }

    private static StateEffect of(String name) {
        return switch (name) {
            case "open", "openat", "openat2", "creat", "open_by_handle_at" -> OPEN;
            case "close" -> CLOSE;
            case "clone", "clone3", "fork", "vfork" -> CLONE;
            case "execve", "execveat" -> EXECVE;
            case "procexit" -> PROCEXIT;
            case "socket" -> SOCKET;
            case "connect" -> CONNECT;
            case "accept", "accept4" -> ACCEPT;
            case "bind" -> BIND;
            case "listen" -> LISTEN;
            case "pipe", "pipe2" -> PIPE;
            case "dup", "dup2", "dup3" -> DUP;
            case "fcntl" -> FCNTL;
            case "chdir" -> CHDIR;
            case "fchdir" -> FCHDIR;
            case "setuid" -> SETUID;
            case "setresuid" -> SETRESUID;
            case "setreuid" -> SETREUID;
            case "setgid" -> SETGID;
            case "setresgid" -> SETRESGID;
            case "setregid" -> SETREGID;
            case "setsid" -> SETSID;
            case "prctl" -> PRCTL;
            case "memfd_create" -> MEMFD;
            case "socketpair" -> SOCKETPAIR;
            case "sendto", "sendmsg", "recvfrom", "recvmsg" -> SENDRECV;
            case "close_range" -> CLOSE_RANGE;
            case "eventfd", "eventfd2", "signalfd", "signalfd4", "timerfd_create", "inotify_init",
                 "inotify_init1", "epoll_create", "epoll_create1", "userfaultfd", "io_uring_setup",
                 "pidfd_open" -> SIMPLE_FD;
            default -> NONE;
        };
    }

    static StateEffect of(int code) {
        return BY_CODE[code];
    }

    static boolean usesFd(int code) {
        return USES_FD[code];
    }

    static boolean fdEvent(int code) {
        return FD_EVENT[code];
    }

    static boolean createsNoThread(int code) {
        return NO_LAZY_THREAD[code];
    }

    static byte simpleFdType(int code) {
        return SIMPLE_TYPE[code];
    }
}
