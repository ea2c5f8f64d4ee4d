package io.peregrine.driver.scap;

/** Linux errno and signal names (x86_64 numbering), as sysdig resolves them in argument output. */
final class Errno {
    private Errno() {
    }

    private static final String[] ERRNO = {null, "EPERM", "ENOENT", "ESRCH", "EINTR", "EIO", "ENXIO", "E2BIG", "ENOEXEC", "EBADF", "ECHILD", "EAGAIN", "ENOMEM", "EACCES", "EFAULT", "ENOTBLK", "EBUSY", "EEXIST", "EXDEV", "ENODEV", "ENOTDIR", "EISDIR", "EINVAL", "ENFILE", "EMFILE", "ENOTTY", "ETXTBSY", "EFBIG", "ENOSPC", "ESPIPE", "EROFS", "EMLINK", "EPIPE", "EDOM", "ERANGE", "EDEADLK", "ENAMETOOLONG", "ENOLCK", "ENOSYS", "ENOTEMPTY", "ELOOP", null, "ENOMSG", "EIDRM", "ECHRNG", "EL2NSYNC", "EL3HLT", "EL3RST", "ELNRNG", "EUNATCH", "ENOCSI", "EL2HLT", "EBADE", "EBADR", "EXFULL", "ENOANO", "EBADRQC", "EBADSLT", null, "EBFONT", "ENOSTR", "ENODATA", "ETIME", "ENOSR", "ENONET", "ENOPKG", "EREMOTE", "ENOLINK", "EADV", "ESRMNT", "ECOMM", "EPROTO", "EMULTIHOP", "EDOTDOT", "EBADMSG", "EOVERFLOW", "ENOTUNIQ", "EBADFD", "EREMCHG", "ELIBACC", "ELIBBAD", "ELIBSCN", "ELIBMAX", "ELIBEXEC", "EILSEQ", "ERESTART", "ESTRPIPE", "EUSERS", "ENOTSOCK", "EDESTADDRREQ", "EMSGSIZE", "EPROTOTYPE", "ENOPROTOOPT", "EPROTONOSUPPORT", "ESOCKTNOSUPPORT", "EOPNOTSUPP", "EPFNOSUPPORT", "EAFNOSUPPORT", "EADDRINUSE", "EADDRNOTAVAIL", "ENETDOWN", "ENETUNREACH", "ENETRESET", "ECONNABORTED", "ECONNRESET", "ENOBUFS", "EISCONN", "ENOTCONN", "ESHUTDOWN", "ETOOMANYREFS", "ETIMEDOUT", "ECONNREFUSED", "EHOSTDOWN", "EHOSTUNREACH", "EALREADY", "EINPROGRESS", "ESTALE", "EUCLEAN", "ENOTNAM", "ENAVAIL", "EISNAM", "EREMOTEIO", "EDQUOT", "ENOMEDIUM", "EMEDIUMTYPE", "ECANCELED"};

    private static final String[] KERNEL_ERRNO = new String[19];

    private static final String[] SIGNALS = {null, "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT", "SIGBUS", "SIGFPE", "SIGKILL", "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM", "SIGSTKFLT", "SIGCHLD", "SIGCONT", "SIGSTOP", "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGURG", "SIGXCPU", "SIGXFSZ", "SIGVTALRM", "SIGPROF", "SIGWINCH", "SIGIO", "SIGPWR", "SIGSYS"};

    static {
        KERNEL_ERRNO[0] = "ERESTARTSYS";
        KERNEL_ERRNO[1] = "ERESTARTNOINTR";
        KERNEL_ERRNO[2] = "ERESTARTNOHAND";
        KERNEL_ERRNO[3] = "ENOIOCTLCMD";
        KERNEL_ERRNO[4] = "ERESTART_RESTARTBLOCK";
        KERNEL_ERRNO[9] = "EBADHANDLE";
        KERNEL_ERRNO[10] = "ENOTSYNC";
        KERNEL_ERRNO[11] = "EBADCOOKIE";
        KERNEL_ERRNO[12] = "ENOTSUPP";
        KERNEL_ERRNO[13] = "ETOOSMALL";
        KERNEL_ERRNO[14] = "ESERVERFAULT";
        KERNEL_ERRNO[15] = "EBADTYPE";
        KERNEL_ERRNO[16] = "EJUKEBOX";
        KERNEL_ERRNO[17] = "EIOCBQUEUED";
        KERNEL_ERRNO[18] = "EIOCBRETRY";
    }

    /** Name of a negative errno result, or null. */
    static String name(int negative) {
        int e = -negative;
        if (e > 0 && e < ERRNO.length) {
            return ERRNO[e];
        }
        if (e >= 512 && e < 512 + KERNEL_ERRNO.length) {
            return KERNEL_ERRNO[e - 512];
        }
        return null;
    }

    /** Name of a signal number, or null. */
    static String signal(int sig) {
        return sig > 0 && sig < SIGNALS.length ? SIGNALS[sig] : null;
    }
}
