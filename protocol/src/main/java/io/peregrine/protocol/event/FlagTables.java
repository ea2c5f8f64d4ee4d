package io.peregrine.protocol.event;

/** Name tables of flag and enum parameters, as listed by the scap flags tables (names and values). */
public final class FlagTables {
    private FlagTables() {
    }

    public static final FlagTable SOCKET_FAMILIES = new FlagTable("socket_families",
            new String[] {"AF_NFC", "AF_ALG", "AF_CAIF", "AF_IEEE802154", "AF_PHONET", "AF_ISDN", "AF_RXRPC", "AF_IUCV", "AF_BLUETOOTH", "AF_TIPC", "AF_CAN", "AF_LLC", "AF_WANPIPE", "AF_PPPOX", "AF_IRDA", "AF_SNA", "AF_RDS", "AF_ATMSVC", "AF_ECONET", "AF_ASH", "AF_PACKET", "AF_ROUTE", "AF_NETLINK", "AF_KEY", "AF_SECURITY", "AF_NETBEUI", "AF_DECnet", "AF_ROSE", "AF_INET6", "AF_X25", "AF_ATMPVC", "AF_BRIDGE", "AF_NETROM", "AF_APPLETALK", "AF_IPX", "AF_AX25", "AF_INET", "AF_LOCAL", "AF_UNIX", "AF_UNSPEC"},
            new long[] {39, 38, 37, 36, 35, 34, 33, 32, 31, 30, 29, 26, 25, 24, 23, 22, 21, 20, 19, 18, 17, 16, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 1, 0});

    public static final FlagTable FILE_FLAGS = new FlagTable("file_flags",
            new String[] {"O_LARGEFILE", "O_DIRECTORY", "O_DIRECT", "O_TRUNC", "O_SYNC", "O_NONBLOCK", "O_EXCL", "O_DSYNC", "O_APPEND", "O_CREAT", "O_RDWR", "O_WRONLY", "O_RDONLY", "O_CLOEXEC", "O_NONE", "O_TMPFILE", "O_F_CREATED", "FD_UPPER_LAYER", "FD_LOWER_LAYER"},
            new long[] {2048, 1024, 512, 256, 128, 64, 32, 16, 8, 4, 3, 2, 1, 4096, 0, 8192, 16384, 32768, 65536});

    public static final FlagTable CREAT_FLAGS = new FlagTable("creat_flags",
            new String[] {"FD_UPPER_LAYER_CREAT", "FD_LOWER_LAYER_CREAT"},
            new long[] {1, 2});

    public static final FlagTable FLOCK_FLAGS = new FlagTable("flock_flags",
            new String[] {"LOCK_SH", "LOCK_EX", "LOCK_NB", "LOCK_UN", "LOCK_NONE"},
            new long[] {1, 2, 4, 8, 0});

    public static final FlagTable CLONE_FLAGS = new FlagTable("clone_flags",
            new String[] {"CLONE_FILES", "CLONE_FS", "CLONE_IO", "CLONE_NEWIPC", "CLONE_NEWNET", "CLONE_NEWNS", "CLONE_NEWPID", "CLONE_NEWUTS", "CLONE_PARENT", "CLONE_PARENT_SETTID", "CLONE_PTRACE", "CLONE_SIGHAND", "CLONE_SYSVSEM", "CLONE_THREAD", "CLONE_UNTRACED", "CLONE_VM", "CLONE_INVERTED", "NAME_CHANGED", "CLOSED", "CLONE_NEWUSER", "CLONE_CHILD_CLEARTID", "CLONE_CHILD_SETTID", "CLONE_SETTLS", "CLONE_STOPPED", "CLONE_VFORK", "CLONE_NEWCGROUP", "CLONE_CHILD_IN_PIDNS"},
            new long[] {1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384, 32768, 65536, 131072, 262144, 1048576, 8388608, 16777216, 33554432, 67108864, 134217728, 268435456, 536870912});

    public static final FlagTable FUTEX_OPERATIONS = new FlagTable("futex_operations",
            new String[] {"FUTEX_CLOCK_REALTIME", "FUTEX_PRIVATE_FLAG", "FUTEX_CMP_REQUEUE_PI", "FUTEX_WAIT_REQUEUE_PI", "FUTEX_WAKE_BITSET", "FUTEX_WAIT_BITSET", "FUTEX_TRYLOCK_PI", "FUTEX_UNLOCK_PI", "FUTEX_LOCK_PI", "FUTEX_WAKE_OP", "FUTEX_CMP_REQUEUE", "FUTEX_REQUEUE", "FUTEX_FD", "FUTEX_WAKE", "FUTEX_WAIT"},
            new long[] {256, 128, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0});

    public static final FlagTable POLL_FLAGS = new FlagTable("poll_flags",
            new String[] {"POLLIN", "POLLPRI", "POLLOUT", "POLLRDHUP", "POLLERR", "POLLHUP", "POLLNVAL", "POLLRDNORM", "POLLRDBAND", "POLLWRNORM", "POLLWRBAND"},
            new long[] {1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024});

    public static final FlagTable MOUNT_FLAGS = new FlagTable("mount_flags",
            new String[] {"RDONLY", "NOSUID", "NODEV", "NOEXEC", "SYNCHRONOUS", "REMOUNT", "MANDLOCK", "DIRSYNC", "NOATIME", "NODIRATIME", "BIND", "MOVE", "REC", "SILENT", "POSIXACL", "UNBINDABLE", "PRIVATE", "SLAVE", "SHARED", "RELATIME", "KERNMOUNT", "I_VERSION", "STRICTATIME", "LAZYTIME", "NOSEC", "BORN", "ACTIVE", "NOUSER"},
            new long[] {1, 2, 4, 8, 16, 32, 64, 128, 1024, 2048, 4096, 8192, 16384, 32768, 65536, 131072, 262144, 524288, 1048576, 2097152, 4194304, 8388608, 16777216, 33554432, 268435456, 536870912, 1073741824, 2147483648L});

    public static final FlagTable UMOUNT_FLAGS = new FlagTable("umount_flags",
            new String[] {"FORCE", "DETACH", "EXPIRE", "NOFOLLOW"},
            new long[] {1, 2, 4, 8});

    public static final FlagTable LSEEK_WHENCE = new FlagTable("lseek_whence",
            new String[] {"SEEK_END", "SEEK_CUR", "SEEK_SET"},
            new long[] {2, 1, 0});

    public static final FlagTable SHUTDOWN_HOW = new FlagTable("shutdown_how",
            new String[] {"SHUT_UNKNOWN", "SHUT_RDWR", "SHUT_WR", "SHUT_RD"},
            new long[] {65535, 2, 1, 0});

    public static final FlagTable RLIMIT_RESOURCES = new FlagTable("rlimit_resources",
            new String[] {"RLIMIT_UNKNOWN", "RLIMIT_RTTIME", "RLIMIT_RTPRIO", "RLIMIT_NICE", "RLIMIT_MSGQUEUE", "RLIMIT_SIGPENDING", "RLIMIT_LOCKS", "RLIMIT_AS", "RLIMIT_MEMLOCK", "RLIMIT_NOFILE", "RLIMIT_NPROC", "RLIMIT_RSS", "RLIMIT_CORE", "RLIMIT_STACK", "RLIMIT_DATA", "RLIMIT_FSIZE", "RLIMIT_CPU"},
            new long[] {255, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0});

    public static final FlagTable FCNTL_COMMANDS = new FlagTable("fcntl_commands",
            new String[] {"F_GETPIPE_SZ", "F_SETPIPE_SZ", "F_NOTIFY", "F_DUPFD_CLOEXEC", "F_CANCELLK", "F_GETLEASE", "F_SETLEASE", "F_GETOWN_EX", "F_SETOWN_EX", "F_SETLKW64", "F_SETLK64", "F_GETLK64", "F_GETSIG", "F_SETSIG", "F_GETOWN", "F_SETOWN", "F_SETLKW", "F_SETLK", "F_GETLK", "F_SETFL", "F_GETFL", "F_SETFD", "F_GETFD", "F_DUPFD", "F_OFD_GETLK", "F_OFD_SETLK", "F_OFD_SETLKW", "UNKNOWN"},
            new long[] {29, 28, 27, 26, 25, 24, 23, 22, 21, 19, 18, 17, 15, 13, 12, 10, 9, 8, 6, 5, 4, 3, 2, 1, 30, 31, 32, 0});

    public static final FlagTable SOCKOPT_LEVELS = new FlagTable("sockopt_levels",
            new String[] {"SOL_SOCKET", "SOL_TCP", "UNKNOWN"},
            new long[] {1, 2, 0});

    public static final FlagTable SOCKOPT_OPTIONS = new FlagTable("sockopt_options",
            new String[] {"SO_COOKIE", "SO_MEMINFO", "SO_PEERGROUPS", "SO_ATTACH_BPF", "SO_INCOMING_CPU", "SO_BPF_EXTENSIONS", "SO_MAX_PACING_RATE", "SO_BUSY_POLL", "SO_SELECT_ERR_QUEUE", "SO_LOCK_FILTER", "SO_NOFCS", "SO_PEEK_OFF", "SO_WIFI_STATUS", "SO_RXQ_OVFL", "SO_DOMAIN", "SO_PROTOCOL", "SO_TIMESTAMPING", "SO_MARK", "SO_TIMESTAMPNS", "SO_PASSSEC", "SO_PEERSEC", "SO_ACCEPTCONN", "SO_TIMESTAMP", "SO_PEERNAME", "SO_DETACH_FILTER", "SO_ATTACH_FILTER", "SO_BINDTODEVICE", "SO_SECURITY_ENCRYPTION_NETWORK", "SO_SECURITY_ENCRYPTION_TRANSPORT", "SO_SECURITY_AUTHENTICATION", "SO_SNDTIMEO", "SO_RCVTIMEO", "SO_SNDLOWAT", "SO_RCVLOWAT", "SO_PEERCRED", "SO_PASSCRED", "SO_REUSEPORT", "SO_BSDCOMPAT", "SO_LINGER", "SO_PRIORITY", "SO_NO_CHECK", "SO_OOBINLINE", "SO_KEEPALIVE", "SO_RCVBUFFORCE", "SO_SNDBUFFORCE", "SO_RCVBUF", "SO_SNDBUF", "SO_BROADCAST", "SO_DONTROUTE", "SO_ERROR", "SO_TYPE", "SO_REUSEADDR", "SO_DEBUG", "UNKNOWN"},
            new long[] {53, 52, 51, 50, 49, 48, 47, 46, 45, 44, 43, 42, 41, 40, 39, 38, 37, 36, 35, 34, 31, 30, 29, 28, 27, 26, 25, 24, 23, 22, 21, 20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 33, 32, 8, 7, 6, 5, 4, 3, 2, 1, 0});

    public static final FlagTable PTRACE_REQUESTS = new FlagTable("ptrace_requests",
            new String[] {"PTRACE_SINGLEBLOCK", "PTRACE_SYSEMU_SINGLESTEP", "PTRACE_SYSEMU", "PTRACE_ARCH_PRCTL", "PTRACE_SET_THREAD_AREA", "PTRACE_GET_THREAD_AREA", "PTRACE_OLDSETOPTIONS", "PTRACE_SETFPXREGS", "PTRACE_GETFPXREGS", "PTRACE_SETFPREGS", "PTRACE_GETFPREGS", "PTRACE_SETREGS", "PTRACE_GETREGS", "PTRACE_SETSIGMASK", "PTRACE_GETSIGMASK", "PTRACE_PEEKSIGINFO", "PTRACE_LISTEN", "PTRACE_INTERRUPT", "PTRACE_SEIZE", "PTRACE_SETREGSET", "PTRACE_GETREGSET", "PTRACE_SETSIGINFO", "PTRACE_GETSIGINFO", "PTRACE_GETEVENTMSG", "PTRACE_SETOPTIONS", "PTRACE_SYSCALL", "PTRACE_DETACH", "PTRACE_ATTACH", "PTRACE_SINGLESTEP", "PTRACE_KILL", "PTRACE_CONT", "PTRACE_POKEUSR", "PTRACE_POKEDATA", "PTRACE_POKETEXT", "PTRACE_PEEKUSR", "PTRACE_PEEKDATA", "PTRACE_PEEKTEXT", "PTRACE_TRACEME", "PTRACE_UNKNOWN"},
            new long[] {38, 37, 36, 35, 34, 33, 32, 31, 30, 29, 28, 27, 26, 25, 24, 23, 22, 21, 20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0});

    public static final FlagTable PROT_FLAGS = new FlagTable("prot_flags",
            new String[] {"PROT_READ", "PROT_WRITE", "PROT_EXEC", "PROT_SEM", "PROT_GROWSDOWN", "PROT_GROWSUP", "PROT_SAO", "PROT_NONE"},
            new long[] {1, 2, 4, 8, 16, 32, 64, 0});

    public static final FlagTable MMAP_FLAGS = new FlagTable("mmap_flags",
            new String[] {"MAP_SHARED", "MAP_PRIVATE", "MAP_FIXED", "MAP_ANONYMOUS", "MAP_32BIT", "MAP_RENAME", "MAP_NORESERVE", "MAP_POPULATE", "MAP_NONBLOCK", "MAP_GROWSDOWN", "MAP_DENYWRITE", "MAP_EXECUTABLE", "MAP_INHERIT", "MAP_FILE", "MAP_LOCKED"},
            new long[] {1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384});

    public static final FlagTable SPLICE_FLAGS = new FlagTable("splice_flags",
            new String[] {"SPLICE_F_MOVE", "SPLICE_F_NONBLOCK", "SPLICE_F_MORE", "SPLICE_F_GIFT"},
            new long[] {1, 2, 4, 8});

    public static final FlagTable QUOTACTL_DQI_FLAGS = new FlagTable("quotactl_dqi_flags",
            new String[] {"DQF_NONE", "V1_DQF_RSQUASH"},
            new long[] {1, 2});

    public static final FlagTable QUOTACTL_CMDS = new FlagTable("quotactl_cmds",
            new String[] {"Q_QUOTAON", "Q_QUOTAOFF", "Q_GETFMT", "Q_GETINFO", "Q_SETINFO", "Q_GETQUOTA", "Q_SETQUOTA", "Q_SYNC", "Q_XQUOTAON", "Q_XQUOTAOFF", "Q_XGETQUOTA", "Q_XSETQLIM", "Q_XGETQSTAT", "Q_XQUOTARM", "Q_XQUOTASYNC"},
            new long[] {1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384});

    public static final FlagTable QUOTACTL_TYPES = new FlagTable("quotactl_types",
            new String[] {"USRQUOTA", "GRPQUOTA"},
            new long[] {1, 2});

    public static final FlagTable QUOTACTL_QUOTA_FMTS = new FlagTable("quotactl_quota_fmts",
            new String[] {"QFMT_NOT_USED", "QFMT_VFS_OLD", "QFMT_VFS_V0", "QFMT_VFS_V1"},
            new long[] {1, 2, 4, 8});

    public static final FlagTable SEMOP_FLAGS = new FlagTable("semop_flags",
            new String[] {"IPC_NOWAIT", "SEM_UNDO"},
            new long[] {1, 2});

    public static final FlagTable SEMGET_FLAGS = new FlagTable("semget_flags",
            new String[] {"IPC_EXCL", "IPC_CREAT"},
            new long[] {16384, 8192});

    public static final FlagTable SEMCTL_COMMANDS = new FlagTable("semctl_commands",
            new String[] {"IPC_STAT", "IPC_SET", "IPC_RMID", "IPC_INFO", "SEM_INFO", "SEM_STAT", "GETALL", "GETNCNT", "GETPID", "GETVAL", "GETZCNT", "SETALL", "SETVAL"},
            new long[] {1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096});

    public static final FlagTable ACCESS_FLAGS = new FlagTable("access_flags",
            new String[] {"F_OK", "R_OK", "W_OK", "X_OK"},
            new long[] {0, 4, 2, 1});

    public static final FlagTable PF_FLAGS = new FlagTable("pf_flags",
            new String[] {"PROTECTION_VIOLATION", "PAGE_NOT_PRESENT", "WRITE_ACCESS", "READ_ACCESS", "USER_FAULT", "SUPERVISOR_FAULT", "RESERVED_PAGE", "INSTRUCTION_FETCH"},
            new long[] {1, 2, 4, 8, 16, 32, 64, 128});

    public static final FlagTable UNLINKAT_FLAGS = new FlagTable("unlinkat_flags",
            new String[] {"AT_REMOVEDIR"},
            new long[] {512});

    public static final FlagTable LINKAT_FLAGS = new FlagTable("linkat_flags",
            new String[] {"AT_SYMLINK_FOLLOW", "AT_EMPTY_PATH"},
            new long[] {1024, 4096});

    public static final FlagTable NEWFSTATAT_FLAGS = new FlagTable("newfstatat_flags",
            new String[] {"AT_EMPTY_PATH", "AT_NO_AUTOMOUNT", "AT_SYMLINK_NOFOLLOW"},
            new long[] {4096, 2048, 256});

    public static final FlagTable CHMOD_MODE = new FlagTable("chmod_mode",
            new String[] {"S_IXOTH", "S_IWOTH", "S_IROTH", "S_IXGRP", "S_IWGRP", "S_IRGRP", "S_IXUSR", "S_IWUSR", "S_IRUSR", "S_ISVTX", "S_ISGID", "S_ISUID"},
            new long[] {1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048});

    public static final FlagTable FCHOWNAT_FLAGS = new FlagTable("fchownat_flags",
            new String[] {"AT_SYMLINK_NOFOLLOW", "AT_EMPTY_PATH"},
            new long[] {1024, 4096});

    public static final FlagTable RENAMEAT2_FLAGS = new FlagTable("renameat2_flags",
            new String[] {"RENAME_NOREPLACE", "RENAME_EXCHANGE", "RENAME_WHITEOUT"},
            new long[] {1, 2, 4});

    public static final FlagTable OPENAT2_FLAGS = new FlagTable("openat2_flags",
            new String[] {"RESOLVE_BENEATH", "RESOLVE_IN_ROOT", "RESOLVE_NO_MAGICLINKS", "RESOLVE_NO_SYMLINKS", "RESOLVE_NO_XDEV", "RESOLVE_CACHED"},
            new long[] {1, 2, 4, 8, 16, 32});

    public static final FlagTable EXECVE_FLAGS = new FlagTable("execve_flags",
            new String[] {"EXE_WRITABLE", "EXE_UPPER_LAYER", "EXE_FROM_MEMFD", "EXE_LOWER_LAYER"},
            new long[] {1, 2, 4, 8});

    public static final FlagTable EXECVEAT_FLAGS = new FlagTable("execveat_flags",
            new String[] {"AT_EMPTY_PATH", "AT_SYMLINK_NOFOLLOW"},
            new long[] {1, 2});

    public static final FlagTable IO_URING_SETUP_FLAGS = new FlagTable("io_uring_setup_flags",
            new String[] {"IORING_SETUP_IOPOLL", "IORING_SETUP_SQPOLL", "IORING_SQ_NEED_WAKEUP", "IORING_SETUP_SQ_AFF", "IORING_SETUP_CQSIZE", "IORING_SETUP_CLAMP", "IORING_SETUP_ATTACH_RW", "IORING_SETUP_R_DISABLED"},
            new long[] {1, 2, 4, 8, 16, 32, 64, 128});

    public static final FlagTable IO_URING_SETUP_FEATS = new FlagTable("io_uring_setup_feats",
            new String[] {"IORING_FEAT_SINGLE_MMAP", "IORING_FEAT_NODROP", "IORING_FEAT_SUBMIT_STABLE", "IORING_FEAT_RW_CUR_POS", "IORING_FEAT_CUR_PERSONALITY", "IORING_FEAT_FAST_POLL", "IORING_FEAT_POLL_32BITS", "IORING_FEAT_SQPOLL_NONFIXED", "IORING_FEAT_ENTER_EXT_ARG", "IORING_FEAT_NATIVE_WORKERS", "IORING_FEAT_RSRC_TAGS"},
            new long[] {1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024});

    public static final FlagTable IO_URING_ENTER_FLAGS = new FlagTable("io_uring_enter_flags",
            new String[] {"IORING_ENTER_GETEVENTS", "IORING_ENTER_SQ_WAKEUP", "IORING_ENTER_SQ_WAIT", "IORING_ENTER_EXT_ARG"},
            new long[] {1, 2, 4, 8});

    public static final FlagTable IO_URING_REGISTER_OPCODES = new FlagTable("io_uring_register_opcodes",
            new String[] {"IORING_REGISTER_BUFFERS", "IORING_UNREGISTER_BUFFERS", "IORING_REGISTER_FILES", "IORING_UNREGISTER_FILES", "IORING_REGISTER_EVENTFD", "IORING_UNREGISTER_EVENTFD", "IORING_REGISTER_FILES_UPDATE", "IORING_REGISTER_EVENTFD_ASYNC", "IORING_REGISTER_PROBE", "IORING_REGISTER_PERSONALITY", "IORING_UNREGISTER_PERSONALITY", "IORING_REGISTER_RESTRICTIONS", "IORING_REGISTER_ENABLE_RINGS", "IORING_REGISTER_FILES2", "IORING_REGISTER_FILES_UPDATE2", "IORING_REGISTER_BUFFERS2", "IORING_REGISTER_BUFFERS_UPDATE", "IORING_REGISTER_IOWQ_AFF", "IORING_UNREGISTER_IOWQ_AFF", "IORING_REGISTER_IOWQ_MAX_WORKERS", "IORING_REGISTER_RING_FDS", "IORING_UNREGISTER_RING_FDS"},
            new long[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21});

    public static final FlagTable MLOCKALL_FLAGS = new FlagTable("mlockall_flags",
            new String[] {"MCL_CURRENT", "MCL_FUTURE", "MCL_ONFAULT"},
            new long[] {1, 2, 4});

    public static final FlagTable MLOCK2_FLAGS = new FlagTable("mlock2_flags",
            new String[] {"MLOCK_ONFAULT"},
            new long[] {1});

    public static final FlagTable FSCONFIG_CMDS = new FlagTable("fsconfig_cmds",
            new String[] {"FSCONFIG_SET_FLAG", "FSCONFIG_SET_STRING", "FSCONFIG_SET_BINARY", "FSCONFIG_SET_PATH", "FSCONFIG_SET_PATH_EMPTY", "FSCONFIG_SET_FD", "FSCONFIG_CMD_CREATE", "FSCONFIG_CMD_RECONFIGURE"},
            new long[] {0, 1, 2, 3, 4, 5, 6, 7});

    public static final FlagTable EPOLL_CREATE1_FLAGS = new FlagTable("epoll_create1_flags",
            new String[] {"EPOLL_CLOEXEC"},
            new long[] {1});

    public static final FlagTable PRCTL_OPTIONS = new FlagTable("prctl_options",
            new String[] {"PR_GET_DUMPABLE", "PR_SET_DUMPABLE", "PR_GET_KEEPCAPS", "PR_SET_KEEPCAPS", "PR_SET_NAME", "PR_GET_NAME", "PR_GET_SECCOMP", "PR_SET_SECCOMP", "PR_CAPBSET_READ", "PR_CAPBSET_DROP", "PR_GET_SECUREBITS", "PR_SET_SECUREBITS", "PR_MCE_KILL", "PR_MCE_KILL", "PR_SET_MM", "PR_SET_CHILD_SUBREAPER", "PR_GET_CHILD_SUBREAPER", "PR_SET_NO_NEW_PRIVS", "PR_GET_NO_NEW_PRIVS", "PR_GET_TID_ADDRESS", "PR_SET_THP_DISABLE", "PR_GET_THP_DISABLE", "PR_CAP_AMBIENT"},
            new long[] {3, 4, 7, 8, 15, 16, 21, 22, 23, 24, 27, 28, 33, 33, 35, 36, 37, 38, 39, 40, 41, 42, 47});

    public static final FlagTable KEYCTL_OPERATIONS = new FlagTable("keyctl_operations",
            new String[] {"KEYCTL_GET_KEYRING_ID", "KEYCTL_JOIN_SESSION_KEYRING", "KEYCTL_UPDATE", "KEYCTL_REVOKE", "KEYCTL_CHOWN", "KEYCTL_SETPERM", "KEYCTL_DESCRIBE", "KEYCTL_CLEAR", "KEYCTL_LINK", "KEYCTL_UNLINK", "KEYCTL_SEARCH", "KEYCTL_READ", "KEYCTL_INSTANTIATE", "KEYCTL_NEGATE", "KEYCTL_SET_REQKEY_KEYRING", "KEYCTL_SET_TIMEOUT", "KEYCTL_ASSUME_AUTHORITY", "KEYCTL_GET_SECURITY", "KEYCTL_SESSION_TO_PARENT", "KEYCTL_REJECT", "KEYCTL_INSTANTIATE_IOV", "KEYCTL_INVALIDATE", "KEYCTL_GET_PERSISTENT", "KEYCTL_DH_COMPUTE", "KEYCTL_PKEY_QUERY", "KEYCTL_PKEY_ENCRYPT", "KEYCTL_PKEY_DECRYPT", "KEYCTL_PKEY_SIGN", "KEYCTL_PKEY_VERIFY", "KEYCTL_RESTRICT_KEYRING", "KEYCTL_MOVE", "KEYCTL_CAPABILITIES", "KEYCTL_WATCH_KEY"},
            new long[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32});

    public static final FlagTable MEMFD_CREATE_FLAGS = new FlagTable("memfd_create_flags",
            new String[] {"MFD_CLOEXEC", "MFD_ALLOW_SEALING", "MFD_HUGETLB"},
            new long[] {1, 2, 4});

    public static final FlagTable PIDFD_OPEN_FLAGS = new FlagTable("pidfd_open_flags",
            new String[] {"PIDFD_NONBLOCK"},
            new long[] {1});

    public static final FlagTable MKNOD_MODE = new FlagTable("mknod_mode",
            new String[] {"S_IXOTH", "S_IWOTH", "S_IROTH", "S_IXGRP", "S_IWGRP", "S_IRGRP", "S_IXUSR", "S_IWUSR", "S_IRUSR", "S_ISVTX", "S_ISGID", "S_ISUID", "S_IFREG", "S_IFCHR", "S_IFBLK", "S_IFIFO", "S_IFSOCK"},
            new long[] {1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 32768, 8192, 24576, 4096, 49152});

    public static final FlagTable BPF_COMMANDS = new FlagTable("bpf_commands",
            new String[] {"BPF_MAP_CREATE", "BPF_MAP_LOOKUP_ELEM", "BPF_MAP_UPDATE_ELEM", "BPF_MAP_DELETE_ELEM", "BPF_MAP_GET_NEXT_KEY", "BPF_PROG_LOAD", "BPF_OBJ_PIN", "BPF_OBJ_GET", "BPF_PROG_ATTACH", "BPF_PROG_DETACH", "BPF_PROG_TEST_RUN", "BPF_PROG_RUN", "BPF_PROG_GET_NEXT_ID", "BPF_MAP_GET_NEXT_ID", "BPF_PROG_GET_FD_BY_ID", "BPF_MAP_GET_FD_BY_ID", "BPF_OBJ_GET_INFO_BY_FD", "BPF_PROG_QUERY", "BPF_RAW_TRACEPOINT_OPEN", "BPF_BTF_LOAD", "BPF_BTF_GET_FD_BY_ID", "BPF_TASK_FD_QUERY", "BPF_MAP_LOOKUP_AND_DELETE_ELEM", "BPF_MAP_FREEZE", "BPF_BTF_GET_NEXT_ID", "BPF_MAP_LOOKUP_BATCH", "BPF_MAP_LOOKUP_AND_DELETE_BATCH", "BPF_MAP_UPDATE_BATCH", "BPF_MAP_DELETE_BATCH", "BPF_LINK_CREATE", "BPF_LINK_UPDATE", "BPF_LINK_GET_FD_BY_ID", "BPF_LINK_GET_NEXT_ID", "BPF_ENABLE_STATS", "BPF_ITER_CREATE", "BPF_LINK_DETACH", "BPF_PROG_BIND_MAP"},
            new long[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35});

    public static final FlagTable DELETE_MODULE_FLAGS = new FlagTable("delete_module_flags",
            new String[] {"O_NONBLOCK", "O_TRUNC"},
            new long[] {2, 1});

    public static final FlagTable CLOSE_RANGE_FLAGS = new FlagTable("close_range_flags",
            new String[] {"CLOSE_RANGE_UNSHARE", "CLOSE_RANGE_CLOEXEC"},
            new long[] {2, 4});

    public static final FlagTable FINIT_MODULE_FLAGS = new FlagTable("finit_module_flags",
            new String[] {"MODULE_INIT_IGNORE_MODVERSIONS", "MODULE_INIT_IGNORE_VERMAGIC", "MODULE_INIT_COMPRESSED_FILE"},
            new long[] {1, 2, 4});

    public static final FlagTable ANON_INODE_FD_TYPES = new FlagTable("anon_inode_fd_types",
            new String[] {"ANON_INODE_FD_TYPE_UNKNOWN", "ANON_INODE_FD_TYPE_EVENTFD", "ANON_INODE_FD_TYPE_EVENTPOLL", "ANON_INODE_FD_TYPE_INOTIFY", "ANON_INODE_FD_TYPE_SIGNALFD", "ANON_INODE_FD_TYPE_TIMERFD", "ANON_INODE_FD_TYPE_IO_URING", "ANON_INODE_FD_TYPE_USERFAULTFD", "ANON_INODE_FD_TYPE_PIDFD", "ANON_INODE_FD_TYPE_BPF_MAP", "ANON_INODE_FD_TYPE_BPF_PROG", "ANON_INODE_FD_TYPE_BPF_LINK", "ANON_INODE_FD_TYPE_BPF_ITER", "ANON_INODE_FD_TYPE_PERF_EVENT"},
            new long[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13});

}
