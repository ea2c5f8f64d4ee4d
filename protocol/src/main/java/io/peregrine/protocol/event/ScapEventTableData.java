package io.peregrine.protocol.event;

/**
 * The scap event table as data: per PPME code, name, category, flags and parameter layout (current
 * layouts), as in the falcosecurity/libs event table at commit 48dfd53 (2026-07).
 */
final class ScapEventTableData {
    private ScapEventTableData() {
    }

    static void fill(EventType[] table) {
        fill0(table);
        fill1(table);
        fill2(table);
        fill3(table);
        fill4(table);
        fill5(table);
        fill6(table);
        fill7(table);
        fill8(table);
        fill9(table);
        fill10(table);
        fill11(table);
    }

    private static void fill0(EventType[] t) {
        t[0] = new EventType(0, "PPME_GENERIC_E", "syscall", EventType.EC_OTHER | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("ID", ParamType.SYSCALLID, PrintFormat.DEC),
                ParamInfo.of("nativeID", ParamType.UINT16, PrintFormat.DEC));
        t[1] = new EventType(1, "PPME_GENERIC_X", "syscall", EventType.EC_OTHER | EventType.EC_SYSCALL, EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("ID", ParamType.SYSCALLID, PrintFormat.DEC),
                ParamInfo.of("nativeID", ParamType.UINT16, PrintFormat.DEC));
        t[2] = new EventType(2, "PPME_SYSCALL_OPEN_E", "open", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_CREATES_FD | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("name", ParamType.FSPATH, PrintFormat.NA),
                ParamInfo.of("flags", ParamType.FLAGS32, PrintFormat.HEX, FlagTables.FILE_FLAGS),
                ParamInfo.of("mode", ParamType.UINT32, PrintFormat.OCT));
        t[3] = new EventType(3, "PPME_SYSCALL_OPEN_X", "open", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_CREATES_FD | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("name", ParamType.FSPATH, PrintFormat.NA),
                ParamInfo.of("flags", ParamType.FLAGS32, PrintFormat.HEX, FlagTables.FILE_FLAGS),
                ParamInfo.of("mode", ParamType.UINT32, PrintFormat.OCT),
                ParamInfo.of("dev", ParamType.UINT32, PrintFormat.HEX),
                ParamInfo.of("ino", ParamType.UINT64, PrintFormat.DEC));
        t[4] = new EventType(4, "PPME_SYSCALL_CLOSE_E", "close", EventType.EC_IO_OTHER | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_DESTROYS_FD | EventType.EF_USES_FD | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC));
        t[5] = new EventType(5, "PPME_SYSCALL_CLOSE_X", "close", EventType.EC_IO_OTHER | EventType.EC_SYSCALL, EventType.EF_DESTROYS_FD | EventType.EF_USES_FD | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC));
        t[6] = new EventType(6, "PPME_SYSCALL_READ_E", "read", EventType.EC_IO_READ | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_USES_FD | EventType.EF_READS_FROM_FD | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("size", ParamType.UINT32, PrintFormat.DEC));
        t[7] = new EventType(7, "PPME_SYSCALL_READ_X", "read", EventType.EC_IO_READ | EventType.EC_SYSCALL, EventType.EF_USES_FD | EventType.EF_READS_FROM_FD | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("data", ParamType.BYTEBUF, PrintFormat.NA),
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("size", ParamType.UINT32, PrintFormat.DEC));
        t[8] = new EventType(8, "PPME_SYSCALL_WRITE_E", "write", EventType.EC_IO_WRITE | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_USES_FD | EventType.EF_WRITES_TO_FD | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("size", ParamType.UINT32, PrintFormat.DEC));
        t[9] = new EventType(9, "PPME_SYSCALL_WRITE_X", "write", EventType.EC_IO_WRITE | EventType.EC_SYSCALL, EventType.EF_USES_FD | EventType.EF_WRITES_TO_FD | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("data", ParamType.BYTEBUF, PrintFormat.NA),
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("size", ParamType.UINT32, PrintFormat.DEC));
        t[10] = new EventType(10, "PPME_SYSCALL_BRK_1_E", "brk", EventType.EC_MEMORY | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("size", ParamType.UINT32, PrintFormat.DEC));
        t[11] = new EventType(11, "PPME_SYSCALL_BRK_1_X", "brk", EventType.EC_MEMORY | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.UINT64, PrintFormat.HEX));
        t[12] = new EventType(12, "PPME_SYSCALL_EXECVE_8_E", "execve", EventType.EC_PROCESS | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED);
        t[13] = new EventType(13, "PPME_SYSCALL_EXECVE_8_X", "execve", EventType.EC_PROCESS | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("exe", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("args", ParamType.BYTEBUF, PrintFormat.NA),
                ParamInfo.of("tid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("pid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("ptid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("cwd", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("fdlimit", ParamType.UINT64, PrintFormat.DEC));
        t[14] = new EventType(14, "PPME_SYSCALL_CLONE_11_E", "clone", EventType.EC_PROCESS | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_MODIFIES_STATE);
        t[15] = new EventType(15, "PPME_SYSCALL_CLONE_11_X", "clone", EventType.EC_PROCESS | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("exe", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("args", ParamType.BYTEBUF, PrintFormat.NA),
                ParamInfo.of("tid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("pid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("ptid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("cwd", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("fdlimit", ParamType.INT64, PrintFormat.DEC),
                ParamInfo.of("flags", ParamType.FLAGS32, PrintFormat.HEX, FlagTables.CLONE_FLAGS),
                ParamInfo.of("uid", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("gid", ParamType.UINT32, PrintFormat.DEC));
        t[16] = new EventType(16, "PPME_PROCEXIT_E", "procexit", EventType.EC_PROCESS | EventType.EC_TRACEPOINT, EventType.EF_OLD_VERSION | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED);
        t[17] = new EventType(17, "PPME_PROCEXIT_X", "NA", EventType.EC_UNKNOWN, EventType.EF_UNUSED);
        t[18] = new EventType(18, "PPME_SOCKET_SOCKET_E", "socket", EventType.EC_NET | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_CREATES_FD | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("domain", ParamType.ENUMFLAGS32, PrintFormat.DEC, FlagTables.SOCKET_FAMILIES),
                ParamInfo.of("type", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("proto", ParamType.UINT32, PrintFormat.DEC));
        t[19] = new EventType(19, "PPME_SOCKET_SOCKET_X", "socket", EventType.EC_NET | EventType.EC_SYSCALL, EventType.EF_CREATES_FD | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("domain", ParamType.ENUMFLAGS32, PrintFormat.DEC, FlagTables.SOCKET_FAMILIES),
                ParamInfo.of("type", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("proto", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("flags", ParamType.FLAGS32, PrintFormat.HEX, FlagTables.FILE_FLAGS));
        t[20] = new EventType(20, "PPME_SOCKET_BIND_E", "bind", EventType.EC_NET | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_USES_FD | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC));
        t[21] = new EventType(21, "PPME_SOCKET_BIND_X", "bind", EventType.EC_NET | EventType.EC_SYSCALL, EventType.EF_USES_FD | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("addr", ParamType.SOCKADDR, PrintFormat.NA),
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC));
        t[22] = new EventType(22, "PPME_SOCKET_CONNECT_E", "connect", EventType.EC_NET | EventType.EC_SYSCALL, EventType.EF_USES_FD | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("addr", ParamType.SOCKADDR, PrintFormat.NA));
        t[23] = new EventType(23, "PPME_SOCKET_CONNECT_X", "connect", EventType.EC_NET | EventType.EC_SYSCALL, EventType.EF_USES_FD | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("tuple", ParamType.SOCKTUPLE, PrintFormat.NA),
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("addr", ParamType.SOCKADDR, PrintFormat.NA));
        t[24] = new EventType(24, "PPME_SOCKET_LISTEN_E", "listen", EventType.EC_NET | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_USES_FD | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("backlog", ParamType.INT32, PrintFormat.DEC));
        t[25] = new EventType(25, "PPME_SOCKET_LISTEN_X", "listen", EventType.EC_NET | EventType.EC_SYSCALL, EventType.EF_USES_FD | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("backlog", ParamType.INT32, PrintFormat.DEC));
        t[26] = new EventType(26, "PPME_SOCKET_ACCEPT_E", "accept", EventType.EC_NET | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_CREATES_FD | EventType.EF_MODIFIES_STATE);
        t[27] = new EventType(27, "PPME_SOCKET_ACCEPT_X", "accept", EventType.EC_NET | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_CREATES_FD | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("tuple", ParamType.SOCKTUPLE, PrintFormat.NA),
                ParamInfo.of("queuepct", ParamType.UINT8, PrintFormat.DEC));
        t[28] = new EventType(28, "PPME_SOCKET_SEND_E", "send", EventType.EC_IO_WRITE | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_USES_FD | EventType.EF_WRITES_TO_FD | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("size", ParamType.UINT32, PrintFormat.DEC));
        t[29] = new EventType(29, "PPME_SOCKET_SEND_X", "send", EventType.EC_IO_WRITE | EventType.EC_SYSCALL, EventType.EF_USES_FD | EventType.EF_WRITES_TO_FD | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("data", ParamType.BYTEBUF, PrintFormat.NA),
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("size", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("tuple", ParamType.SOCKTUPLE, PrintFormat.NA));
        t[30] = new EventType(30, "PPME_SOCKET_SENDTO_E", "sendto", EventType.EC_IO_WRITE | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_USES_FD | EventType.EF_WRITES_TO_FD | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("size", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("tuple", ParamType.SOCKTUPLE, PrintFormat.NA));
        t[31] = new EventType(31, "PPME_SOCKET_SENDTO_X", "sendto", EventType.EC_IO_WRITE | EventType.EC_SYSCALL, EventType.EF_USES_FD | EventType.EF_WRITES_TO_FD | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("data", ParamType.BYTEBUF, PrintFormat.NA),
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("size", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("tuple", ParamType.SOCKTUPLE, PrintFormat.NA));
        t[32] = new EventType(32, "PPME_SOCKET_RECV_E", "recv", EventType.EC_IO_READ | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_USES_FD | EventType.EF_READS_FROM_FD | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("size", ParamType.UINT32, PrintFormat.DEC));
        t[33] = new EventType(33, "PPME_SOCKET_RECV_X", "recv", EventType.EC_IO_READ | EventType.EC_SYSCALL, EventType.EF_USES_FD | EventType.EF_READS_FROM_FD | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("data", ParamType.BYTEBUF, PrintFormat.NA),
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("size", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("tuple", ParamType.SOCKTUPLE, PrintFormat.NA));
        t[34] = new EventType(34, "PPME_SOCKET_RECVFROM_E", "recvfrom", EventType.EC_IO_READ | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_USES_FD | EventType.EF_READS_FROM_FD | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("size", ParamType.UINT32, PrintFormat.DEC));
        t[35] = new EventType(35, "PPME_SOCKET_RECVFROM_X", "recvfrom", EventType.EC_IO_READ | EventType.EC_SYSCALL, EventType.EF_USES_FD | EventType.EF_READS_FROM_FD | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("data", ParamType.BYTEBUF, PrintFormat.NA),
                ParamInfo.of("tuple", ParamType.SOCKTUPLE, PrintFormat.NA),
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("size", ParamType.UINT32, PrintFormat.DEC));
        t[36] = new EventType(36, "PPME_SOCKET_SHUTDOWN_E", "shutdown", EventType.EC_NET | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_USES_FD | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("how", ParamType.ENUMFLAGS8, PrintFormat.HEX, FlagTables.SHUTDOWN_HOW));
        t[37] = new EventType(37, "PPME_SOCKET_SHUTDOWN_X", "shutdown", EventType.EC_NET | EventType.EC_SYSCALL, EventType.EF_USES_FD | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("how", ParamType.ENUMFLAGS8, PrintFormat.HEX, FlagTables.SHUTDOWN_HOW));
        t[38] = new EventType(38, "PPME_SOCKET_GETSOCKNAME_E", "getsockname", EventType.EC_NET | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION);
        t[39] = new EventType(39, "PPME_SOCKET_GETSOCKNAME_X", "getsockname", EventType.EC_NET | EventType.EC_SYSCALL, EventType.EF_NONE);
    }

    private static void fill1(EventType[] t) {
        t[40] = new EventType(40, "PPME_SOCKET_GETPEERNAME_E", "getpeername", EventType.EC_NET | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION);
        t[41] = new EventType(41, "PPME_SOCKET_GETPEERNAME_X", "getpeername", EventType.EC_NET | EventType.EC_SYSCALL, EventType.EF_NONE);
        t[42] = new EventType(42, "PPME_SOCKET_SOCKETPAIR_E", "socketpair", EventType.EC_IPC | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_CREATES_FD | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("domain", ParamType.ENUMFLAGS32, PrintFormat.DEC, FlagTables.SOCKET_FAMILIES),
                ParamInfo.of("type", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("proto", ParamType.UINT32, PrintFormat.DEC));
        t[43] = new EventType(43, "PPME_SOCKET_SOCKETPAIR_X", "socketpair", EventType.EC_IPC | EventType.EC_SYSCALL, EventType.EF_CREATES_FD | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("fd1", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("fd2", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("source", ParamType.UINT64, PrintFormat.HEX),
                ParamInfo.of("peer", ParamType.UINT64, PrintFormat.HEX),
                ParamInfo.of("domain", ParamType.ENUMFLAGS32, PrintFormat.DEC, FlagTables.SOCKET_FAMILIES),
                ParamInfo.of("type", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("proto", ParamType.UINT32, PrintFormat.DEC));
        t[44] = new EventType(44, "PPME_SOCKET_SETSOCKOPT_E", "setsockopt", EventType.EC_NET | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION);
        t[45] = new EventType(45, "PPME_SOCKET_SETSOCKOPT_X", "setsockopt", EventType.EC_NET | EventType.EC_SYSCALL, EventType.EF_USES_FD,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("level", ParamType.ENUMFLAGS8, PrintFormat.DEC, FlagTables.SOCKOPT_LEVELS),
                ParamInfo.of("optname", ParamType.ENUMFLAGS8, PrintFormat.DEC, FlagTables.SOCKOPT_OPTIONS),
                ParamInfo.dyn("val", PrintFormat.DEC, DynamicParam.SOCKOPT),
                ParamInfo.of("optlen", ParamType.UINT32, PrintFormat.DEC));
        t[46] = new EventType(46, "PPME_SOCKET_GETSOCKOPT_E", "getsockopt", EventType.EC_NET | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_MODIFIES_STATE);
        t[47] = new EventType(47, "PPME_SOCKET_GETSOCKOPT_X", "getsockopt", EventType.EC_NET | EventType.EC_SYSCALL, EventType.EF_USES_FD | EventType.EF_MODIFIES_STATE,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("level", ParamType.ENUMFLAGS8, PrintFormat.DEC, FlagTables.SOCKOPT_LEVELS),
                ParamInfo.of("optname", ParamType.ENUMFLAGS8, PrintFormat.DEC, FlagTables.SOCKOPT_OPTIONS),
                ParamInfo.dyn("val", PrintFormat.DEC, DynamicParam.SOCKOPT),
                ParamInfo.of("optlen", ParamType.UINT32, PrintFormat.DEC));
        t[48] = new EventType(48, "PPME_SOCKET_SENDMSG_E", "sendmsg", EventType.EC_IO_WRITE | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_USES_FD | EventType.EF_WRITES_TO_FD | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("size", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("tuple", ParamType.SOCKTUPLE, PrintFormat.NA));
        t[49] = new EventType(49, "PPME_SOCKET_SENDMSG_X", "sendmsg", EventType.EC_IO_WRITE | EventType.EC_SYSCALL, EventType.EF_USES_FD | EventType.EF_WRITES_TO_FD | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("data", ParamType.BYTEBUF, PrintFormat.NA),
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("size", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("tuple", ParamType.SOCKTUPLE, PrintFormat.NA));
        t[50] = new EventType(50, "PPME_SOCKET_SENDMMSG_E", "sendmmsg", EventType.EC_IO_WRITE | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION);
        t[51] = new EventType(51, "PPME_SOCKET_SENDMMSG_X", "sendmmsg", EventType.EC_IO_WRITE | EventType.EC_SYSCALL, EventType.EF_USES_FD | EventType.EF_WRITES_TO_FD | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("size", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("data", ParamType.BYTEBUF, PrintFormat.NA),
                ParamInfo.of("tuple", ParamType.SOCKTUPLE, PrintFormat.NA));
        t[52] = new EventType(52, "PPME_SOCKET_RECVMSG_E", "recvmsg", EventType.EC_IO_READ | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_USES_FD | EventType.EF_READS_FROM_FD | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC));
        t[53] = new EventType(53, "PPME_SOCKET_RECVMSG_X", "recvmsg", EventType.EC_IO_READ | EventType.EC_SYSCALL, EventType.EF_USES_FD | EventType.EF_READS_FROM_FD | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("size", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("data", ParamType.BYTEBUF, PrintFormat.NA),
                ParamInfo.of("tuple", ParamType.SOCKTUPLE, PrintFormat.NA),
                ParamInfo.of("msgcontrol", ParamType.BYTEBUF, PrintFormat.NA),
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC));
        t[54] = new EventType(54, "PPME_SOCKET_RECVMMSG_E", "recvmmsg", EventType.EC_IO_READ | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION);
        t[55] = new EventType(55, "PPME_SOCKET_RECVMMSG_X", "recvmmsg", EventType.EC_IO_READ | EventType.EC_SYSCALL, EventType.EF_USES_FD | EventType.EF_READS_FROM_FD | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("size", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("data", ParamType.BYTEBUF, PrintFormat.NA),
                ParamInfo.of("tuple", ParamType.SOCKTUPLE, PrintFormat.NA),
                ParamInfo.of("msgcontrol", ParamType.BYTEBUF, PrintFormat.NA));
        t[56] = new EventType(56, "PPME_SOCKET_ACCEPT4_E", "accept", EventType.EC_NET | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_CREATES_FD | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("flags", ParamType.INT32, PrintFormat.HEX));
        t[57] = new EventType(57, "PPME_SOCKET_ACCEPT4_X", "accept", EventType.EC_NET | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_CREATES_FD | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("tuple", ParamType.SOCKTUPLE, PrintFormat.NA),
                ParamInfo.of("queuepct", ParamType.UINT8, PrintFormat.DEC));
        t[58] = new EventType(58, "PPME_SYSCALL_CREAT_E", "creat", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_CREATES_FD | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("name", ParamType.FSPATH, PrintFormat.NA),
                ParamInfo.of("mode", ParamType.UINT32, PrintFormat.OCT));
        t[59] = new EventType(59, "PPME_SYSCALL_CREAT_X", "creat", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_CREATES_FD | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("name", ParamType.FSPATH, PrintFormat.NA),
                ParamInfo.of("mode", ParamType.UINT32, PrintFormat.OCT),
                ParamInfo.of("dev", ParamType.UINT32, PrintFormat.HEX),
                ParamInfo.of("ino", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("creat_flags", ParamType.FLAGS16, PrintFormat.HEX, FlagTables.CREAT_FLAGS));
        t[60] = new EventType(60, "PPME_SYSCALL_PIPE_E", "pipe", EventType.EC_IPC | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_CREATES_FD | EventType.EF_MODIFIES_STATE);
        t[61] = new EventType(61, "PPME_SYSCALL_PIPE_X", "pipe", EventType.EC_IPC | EventType.EC_SYSCALL, EventType.EF_CREATES_FD | EventType.EF_MODIFIES_STATE,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("fd1", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("fd2", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("ino", ParamType.UINT64, PrintFormat.DEC));
        t[62] = new EventType(62, "PPME_SYSCALL_EVENTFD_E", "eventfd", EventType.EC_IPC | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_CREATES_FD | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("initval", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("flags", ParamType.UINT32, PrintFormat.HEX));
        t[63] = new EventType(63, "PPME_SYSCALL_EVENTFD_X", "eventfd", EventType.EC_IPC | EventType.EC_SYSCALL, EventType.EF_CREATES_FD | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("initval", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("flags", ParamType.UINT32, PrintFormat.HEX));
        t[64] = new EventType(64, "PPME_SYSCALL_FUTEX_E", "futex", EventType.EC_IPC | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("addr", ParamType.UINT64, PrintFormat.HEX),
                ParamInfo.of("op", ParamType.FLAGS16, PrintFormat.HEX, FlagTables.FUTEX_OPERATIONS),
                ParamInfo.of("val", ParamType.UINT64, PrintFormat.DEC));
        t[65] = new EventType(65, "PPME_SYSCALL_FUTEX_X", "futex", EventType.EC_IPC | EventType.EC_SYSCALL, EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("addr", ParamType.UINT64, PrintFormat.HEX),
                ParamInfo.of("op", ParamType.FLAGS16, PrintFormat.HEX, FlagTables.FUTEX_OPERATIONS),
                ParamInfo.of("val", ParamType.UINT64, PrintFormat.DEC));
        t[66] = new EventType(66, "PPME_SYSCALL_STAT_E", "stat", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION);
        t[67] = new EventType(67, "PPME_SYSCALL_STAT_X", "stat", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_NONE,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("path", ParamType.FSPATH, PrintFormat.NA));
        t[68] = new EventType(68, "PPME_SYSCALL_LSTAT_E", "lstat", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION);
        t[69] = new EventType(69, "PPME_SYSCALL_LSTAT_X", "lstat", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_NONE,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("path", ParamType.FSPATH, PrintFormat.NA));
        t[70] = new EventType(70, "PPME_SYSCALL_FSTAT_E", "fstat", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_USES_FD | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("fd", ParamType.FD, PrintFormat.NA));
        t[71] = new EventType(71, "PPME_SYSCALL_FSTAT_X", "fstat", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_USES_FD | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("fd", ParamType.FD, PrintFormat.NA));
        t[72] = new EventType(72, "PPME_SYSCALL_STAT64_E", "stat64", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION);
        t[73] = new EventType(73, "PPME_SYSCALL_STAT64_X", "stat64", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_NONE,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("path", ParamType.FSPATH, PrintFormat.NA));
        t[74] = new EventType(74, "PPME_SYSCALL_LSTAT64_E", "lstat64", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION);
        t[75] = new EventType(75, "PPME_SYSCALL_LSTAT64_X", "lstat64", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_NONE,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("path", ParamType.FSPATH, PrintFormat.NA));
        t[76] = new EventType(76, "PPME_SYSCALL_FSTAT64_E", "fstat64", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_USES_FD,
                ParamInfo.of("fd", ParamType.FD, PrintFormat.NA));
        t[77] = new EventType(77, "PPME_SYSCALL_FSTAT64_X", "fstat64", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_NONE,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC));
        t[78] = new EventType(78, "PPME_SYSCALL_EPOLLWAIT_E", "epoll_wait", EventType.EC_WAIT | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_WAITS | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("maxevents", ParamType.ERRNO, PrintFormat.DEC));
        t[79] = new EventType(79, "PPME_SYSCALL_EPOLLWAIT_X", "epoll_wait", EventType.EC_WAIT | EventType.EC_SYSCALL, EventType.EF_WAITS | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("maxevents", ParamType.ERRNO, PrintFormat.DEC));
    }

    private static void fill2(EventType[] t) {
        t[80] = new EventType(80, "PPME_SYSCALL_POLL_E", "poll", EventType.EC_WAIT | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_WAITS | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("fds", ParamType.FDLIST, PrintFormat.DEC),
                ParamInfo.of("timeout", ParamType.INT64, PrintFormat.DEC));
        t[81] = new EventType(81, "PPME_SYSCALL_POLL_X", "poll", EventType.EC_WAIT | EventType.EC_SYSCALL, EventType.EF_WAITS | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("fds", ParamType.FDLIST, PrintFormat.DEC),
                ParamInfo.of("timeout", ParamType.INT64, PrintFormat.DEC));
        t[82] = new EventType(82, "PPME_SYSCALL_SELECT_E", "select", EventType.EC_WAIT | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_WAITS);
        t[83] = new EventType(83, "PPME_SYSCALL_SELECT_X", "select", EventType.EC_WAIT | EventType.EC_SYSCALL, EventType.EF_WAITS,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC));
        t[84] = new EventType(84, "PPME_SYSCALL_NEWSELECT_E", "select", EventType.EC_WAIT | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_WAITS);
        t[85] = new EventType(85, "PPME_SYSCALL_NEWSELECT_X", "select", EventType.EC_WAIT | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_WAITS | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC));
        t[86] = new EventType(86, "PPME_SYSCALL_LSEEK_E", "lseek", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_USES_FD | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("offset", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("whence", ParamType.ENUMFLAGS8, PrintFormat.DEC, FlagTables.LSEEK_WHENCE));
        t[87] = new EventType(87, "PPME_SYSCALL_LSEEK_X", "lseek", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_USES_FD | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("offset", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("whence", ParamType.ENUMFLAGS8, PrintFormat.DEC, FlagTables.LSEEK_WHENCE));
        t[88] = new EventType(88, "PPME_SYSCALL_LLSEEK_E", "llseek", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_USES_FD | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("offset", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("whence", ParamType.ENUMFLAGS8, PrintFormat.DEC, FlagTables.LSEEK_WHENCE));
        t[89] = new EventType(89, "PPME_SYSCALL_LLSEEK_X", "llseek", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_USES_FD | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("offset", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("whence", ParamType.ENUMFLAGS8, PrintFormat.DEC, FlagTables.LSEEK_WHENCE));
        t[90] = new EventType(90, "PPME_SYSCALL_IOCTL_2_E", "ioctl", EventType.EC_IO_OTHER | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_USES_FD | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("request", ParamType.UINT64, PrintFormat.HEX));
        t[91] = new EventType(91, "PPME_SYSCALL_IOCTL_2_X", "ioctl", EventType.EC_IO_OTHER | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_USES_FD | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC));
        t[92] = new EventType(92, "PPME_SYSCALL_GETCWD_E", "getcwd", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION);
        t[93] = new EventType(93, "PPME_SYSCALL_GETCWD_X", "getcwd", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_NONE,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("path", ParamType.CHARBUF, PrintFormat.NA));
        t[94] = new EventType(94, "PPME_SYSCALL_CHDIR_E", "chdir", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_MODIFIES_STATE);
        t[95] = new EventType(95, "PPME_SYSCALL_CHDIR_X", "chdir", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_MODIFIES_STATE,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("path", ParamType.CHARBUF, PrintFormat.NA));
        t[96] = new EventType(96, "PPME_SYSCALL_FCHDIR_E", "fchdir", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_USES_FD | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("fd", ParamType.FD, PrintFormat.NA));
        t[97] = new EventType(97, "PPME_SYSCALL_FCHDIR_X", "fchdir", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_USES_FD | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("fd", ParamType.FD, PrintFormat.NA));
        t[98] = new EventType(98, "PPME_SYSCALL_MKDIR_E", "mkdir", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("path", ParamType.FSPATH, PrintFormat.NA),
                ParamInfo.of("mode", ParamType.UINT32, PrintFormat.HEX));
        t[99] = new EventType(99, "PPME_SYSCALL_MKDIR_X", "mkdir", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC));
        t[100] = new EventType(100, "PPME_SYSCALL_RMDIR_E", "rmdir", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("path", ParamType.FSPATH, PrintFormat.NA));
        t[101] = new EventType(101, "PPME_SYSCALL_RMDIR_X", "rmdir", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC));
        t[102] = new EventType(102, "PPME_SYSCALL_OPENAT_E", "openat", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_CREATES_FD | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("dirfd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("name", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("flags", ParamType.FLAGS32, PrintFormat.HEX, FlagTables.FILE_FLAGS),
                ParamInfo.of("mode", ParamType.UINT32, PrintFormat.OCT));
        t[103] = new EventType(103, "PPME_SYSCALL_OPENAT_X", "openat", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_CREATES_FD | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC));
        t[104] = new EventType(104, "PPME_SYSCALL_LINK_E", "link", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("oldpath", ParamType.FSPATH, PrintFormat.NA),
                ParamInfo.of("newpath", ParamType.FSPATH, PrintFormat.NA));
        t[105] = new EventType(105, "PPME_SYSCALL_LINK_X", "link", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC));
        t[106] = new EventType(106, "PPME_SYSCALL_LINKAT_E", "linkat", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("olddir", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("oldpath", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("newdir", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("newpath", ParamType.CHARBUF, PrintFormat.NA));
        t[107] = new EventType(107, "PPME_SYSCALL_LINKAT_X", "linkat", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC));
        t[108] = new EventType(108, "PPME_SYSCALL_UNLINK_E", "unlink", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("path", ParamType.FSPATH, PrintFormat.NA));
        t[109] = new EventType(109, "PPME_SYSCALL_UNLINK_X", "unlink", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC));
        t[110] = new EventType(110, "PPME_SYSCALL_UNLINKAT_E", "unlinkat", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("dirfd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("name", ParamType.CHARBUF, PrintFormat.NA));
        t[111] = new EventType(111, "PPME_SYSCALL_UNLINKAT_X", "unlinkat", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC));
        t[112] = new EventType(112, "PPME_SYSCALL_PREAD_E", "pread", EventType.EC_IO_READ | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_USES_FD | EventType.EF_READS_FROM_FD | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("size", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("pos", ParamType.UINT64, PrintFormat.DEC));
        t[113] = new EventType(113, "PPME_SYSCALL_PREAD_X", "pread", EventType.EC_IO_READ | EventType.EC_SYSCALL, EventType.EF_USES_FD | EventType.EF_READS_FROM_FD | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("data", ParamType.BYTEBUF, PrintFormat.NA),
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("size", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("pos", ParamType.UINT64, PrintFormat.DEC));
        t[114] = new EventType(114, "PPME_SYSCALL_PWRITE_E", "pwrite", EventType.EC_IO_WRITE | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_USES_FD | EventType.EF_WRITES_TO_FD | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("size", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("pos", ParamType.UINT64, PrintFormat.DEC));
        t[115] = new EventType(115, "PPME_SYSCALL_PWRITE_X", "pwrite", EventType.EC_IO_WRITE | EventType.EC_SYSCALL, EventType.EF_USES_FD | EventType.EF_WRITES_TO_FD | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("data", ParamType.BYTEBUF, PrintFormat.NA),
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("size", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("pos", ParamType.UINT64, PrintFormat.DEC));
        t[116] = new EventType(116, "PPME_SYSCALL_READV_E", "readv", EventType.EC_IO_READ | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_USES_FD | EventType.EF_READS_FROM_FD | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC));
        t[117] = new EventType(117, "PPME_SYSCALL_READV_X", "readv", EventType.EC_IO_READ | EventType.EC_SYSCALL, EventType.EF_USES_FD | EventType.EF_READS_FROM_FD | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("size", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("data", ParamType.BYTEBUF, PrintFormat.NA),
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC));
        t[118] = new EventType(118, "PPME_SYSCALL_WRITEV_E", "writev", EventType.EC_IO_WRITE | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_USES_FD | EventType.EF_WRITES_TO_FD | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("size", ParamType.UINT32, PrintFormat.DEC));
        t[119] = new EventType(119, "PPME_SYSCALL_WRITEV_X", "writev", EventType.EC_IO_WRITE | EventType.EC_SYSCALL, EventType.EF_USES_FD | EventType.EF_WRITES_TO_FD | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("data", ParamType.BYTEBUF, PrintFormat.NA),
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("size", ParamType.UINT32, PrintFormat.DEC));
    }

    private static void fill3(EventType[] t) {
        t[120] = new EventType(120, "PPME_SYSCALL_PREADV_E", "preadv", EventType.EC_IO_READ | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_USES_FD | EventType.EF_READS_FROM_FD | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("pos", ParamType.UINT64, PrintFormat.DEC));
        t[121] = new EventType(121, "PPME_SYSCALL_PREADV_X", "preadv", EventType.EC_IO_READ | EventType.EC_SYSCALL, EventType.EF_USES_FD | EventType.EF_READS_FROM_FD | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("size", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("data", ParamType.BYTEBUF, PrintFormat.NA),
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("pos", ParamType.UINT64, PrintFormat.DEC));
        t[122] = new EventType(122, "PPME_SYSCALL_PWRITEV_E", "pwritev", EventType.EC_IO_WRITE | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_USES_FD | EventType.EF_WRITES_TO_FD | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("size", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("pos", ParamType.UINT64, PrintFormat.DEC));
        t[123] = new EventType(123, "PPME_SYSCALL_PWRITEV_X", "pwritev", EventType.EC_IO_WRITE | EventType.EC_SYSCALL, EventType.EF_USES_FD | EventType.EF_WRITES_TO_FD | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("data", ParamType.BYTEBUF, PrintFormat.NA),
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("size", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("pos", ParamType.UINT64, PrintFormat.DEC));
        t[124] = new EventType(124, "PPME_SYSCALL_DUP_E", "dup", EventType.EC_IO_OTHER | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_CREATES_FD | EventType.EF_USES_FD | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC));
        t[125] = new EventType(125, "PPME_SYSCALL_DUP_X", "dup", EventType.EC_IO_OTHER | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_CREATES_FD | EventType.EF_USES_FD | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.FD, PrintFormat.DEC));
        t[126] = new EventType(126, "PPME_SYSCALL_SIGNALFD_E", "signalfd", EventType.EC_SIGNAL | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_CREATES_FD | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("mask", ParamType.UINT32, PrintFormat.HEX),
                ParamInfo.of("flags", ParamType.UINT8, PrintFormat.HEX));
        t[127] = new EventType(127, "PPME_SYSCALL_SIGNALFD_X", "signalfd", EventType.EC_SIGNAL | EventType.EC_SYSCALL, EventType.EF_CREATES_FD | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("mask", ParamType.UINT32, PrintFormat.HEX),
                ParamInfo.of("flags", ParamType.UINT8, PrintFormat.HEX));
        t[128] = new EventType(128, "PPME_SYSCALL_KILL_E", "kill", EventType.EC_SIGNAL | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("pid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("sig", ParamType.SIGTYPE, PrintFormat.DEC));
        t[129] = new EventType(129, "PPME_SYSCALL_KILL_X", "kill", EventType.EC_SIGNAL | EventType.EC_SYSCALL, EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("pid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("sig", ParamType.SIGTYPE, PrintFormat.DEC));
        t[130] = new EventType(130, "PPME_SYSCALL_TKILL_E", "tkill", EventType.EC_SIGNAL | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("tid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("sig", ParamType.SIGTYPE, PrintFormat.DEC));
        t[131] = new EventType(131, "PPME_SYSCALL_TKILL_X", "tkill", EventType.EC_SIGNAL | EventType.EC_SYSCALL, EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("tid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("sig", ParamType.SIGTYPE, PrintFormat.DEC));
        t[132] = new EventType(132, "PPME_SYSCALL_TGKILL_E", "tgkill", EventType.EC_SIGNAL | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("pid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("tid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("sig", ParamType.SIGTYPE, PrintFormat.DEC));
        t[133] = new EventType(133, "PPME_SYSCALL_TGKILL_X", "tgkill", EventType.EC_SIGNAL | EventType.EC_SYSCALL, EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("pid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("tid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("sig", ParamType.SIGTYPE, PrintFormat.DEC));
        t[134] = new EventType(134, "PPME_SYSCALL_NANOSLEEP_E", "nanosleep", EventType.EC_SLEEP | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_WAITS | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("interval", ParamType.RELTIME, PrintFormat.DEC));
        t[135] = new EventType(135, "PPME_SYSCALL_NANOSLEEP_X", "nanosleep", EventType.EC_SLEEP | EventType.EC_SYSCALL, EventType.EF_WAITS | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("interval", ParamType.RELTIME, PrintFormat.DEC));
        t[136] = new EventType(136, "PPME_SYSCALL_TIMERFD_CREATE_E", "timerfd_create", EventType.EC_TIME | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_CREATES_FD | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("clockid", ParamType.UINT8, PrintFormat.DEC),
                ParamInfo.of("flags", ParamType.UINT8, PrintFormat.HEX));
        t[137] = new EventType(137, "PPME_SYSCALL_TIMERFD_CREATE_X", "timerfd_create", EventType.EC_TIME | EventType.EC_SYSCALL, EventType.EF_CREATES_FD | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("clockid", ParamType.UINT8, PrintFormat.DEC),
                ParamInfo.of("flags", ParamType.UINT8, PrintFormat.HEX));
        t[138] = new EventType(138, "PPME_SYSCALL_INOTIFY_INIT_E", "inotify_init", EventType.EC_IPC | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_CREATES_FD | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("flags", ParamType.UINT8, PrintFormat.HEX));
        t[139] = new EventType(139, "PPME_SYSCALL_INOTIFY_INIT_X", "inotify_init", EventType.EC_IPC | EventType.EC_SYSCALL, EventType.EF_CREATES_FD | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("flags", ParamType.UINT8, PrintFormat.HEX));
        t[140] = new EventType(140, "PPME_SYSCALL_GETRLIMIT_E", "getrlimit", EventType.EC_PROCESS | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("resource", ParamType.ENUMFLAGS8, PrintFormat.DEC, FlagTables.RLIMIT_RESOURCES));
        t[141] = new EventType(141, "PPME_SYSCALL_GETRLIMIT_X", "getrlimit", EventType.EC_PROCESS | EventType.EC_SYSCALL, EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("cur", ParamType.INT64, PrintFormat.DEC),
                ParamInfo.of("max", ParamType.INT64, PrintFormat.DEC),
                ParamInfo.of("resource", ParamType.ENUMFLAGS8, PrintFormat.DEC, FlagTables.RLIMIT_RESOURCES));
        t[142] = new EventType(142, "PPME_SYSCALL_SETRLIMIT_E", "setrlimit", EventType.EC_PROCESS | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("resource", ParamType.ENUMFLAGS8, PrintFormat.DEC, FlagTables.RLIMIT_RESOURCES));
        t[143] = new EventType(143, "PPME_SYSCALL_SETRLIMIT_X", "setrlimit", EventType.EC_PROCESS | EventType.EC_SYSCALL, EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("cur", ParamType.INT64, PrintFormat.DEC),
                ParamInfo.of("max", ParamType.INT64, PrintFormat.DEC),
                ParamInfo.of("resource", ParamType.ENUMFLAGS8, PrintFormat.DEC, FlagTables.RLIMIT_RESOURCES));
        t[144] = new EventType(144, "PPME_SYSCALL_PRLIMIT_E", "prlimit", EventType.EC_PROCESS | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("pid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("resource", ParamType.ENUMFLAGS8, PrintFormat.DEC, FlagTables.RLIMIT_RESOURCES));
        t[145] = new EventType(145, "PPME_SYSCALL_PRLIMIT_X", "prlimit", EventType.EC_PROCESS | EventType.EC_SYSCALL, EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("newcur", ParamType.INT64, PrintFormat.DEC),
                ParamInfo.of("newmax", ParamType.INT64, PrintFormat.DEC),
                ParamInfo.of("oldcur", ParamType.INT64, PrintFormat.DEC),
                ParamInfo.of("oldmax", ParamType.INT64, PrintFormat.DEC),
                ParamInfo.of("pid", ParamType.INT64, PrintFormat.DEC),
                ParamInfo.of("resource", ParamType.ENUMFLAGS8, PrintFormat.DEC, FlagTables.RLIMIT_RESOURCES));
        t[146] = new EventType(146, "PPME_SCHEDSWITCH_1_E", "switch", EventType.EC_SCHEDULER | EventType.EC_TRACEPOINT, EventType.EF_OLD_VERSION | EventType.EF_SKIPPARSERESET | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("next", ParamType.PID, PrintFormat.DEC));
        t[147] = new EventType(147, "PPME_SCHEDSWITCH_1_X", "NA", EventType.EC_UNKNOWN, EventType.EF_UNUSED);
        t[148] = new EventType(148, "PPME_DROP_E", "drop", EventType.EC_INTERNAL | EventType.EC_METAEVENT, EventType.EF_SKIPPARSERESET,
                ParamInfo.of("ratio", ParamType.UINT32, PrintFormat.DEC));
        t[149] = new EventType(149, "PPME_DROP_X", "drop", EventType.EC_INTERNAL | EventType.EC_METAEVENT, EventType.EF_SKIPPARSERESET,
                ParamInfo.of("ratio", ParamType.UINT32, PrintFormat.DEC));
        t[150] = new EventType(150, "PPME_SYSCALL_FCNTL_E", "fcntl", EventType.EC_IO_OTHER | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_USES_FD | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("cmd", ParamType.ENUMFLAGS8, PrintFormat.DEC, FlagTables.FCNTL_COMMANDS));
        t[151] = new EventType(151, "PPME_SYSCALL_FCNTL_X", "fcntl", EventType.EC_IO_OTHER | EventType.EC_SYSCALL, EventType.EF_USES_FD | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("cmd", ParamType.ENUMFLAGS8, PrintFormat.DEC, FlagTables.FCNTL_COMMANDS),
                ParamInfo.of("arg", ParamType.UINT64, PrintFormat.HEX));
        t[152] = new EventType(152, "PPME_SCHEDSWITCH_6_E", "switch", EventType.EC_SCHEDULER | EventType.EC_TRACEPOINT, EventType.EF_NONE,
                ParamInfo.of("next", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("pgft_maj", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("pgft_min", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("vm_size", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("vm_rss", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("vm_swap", ParamType.UINT32, PrintFormat.DEC));
        t[153] = new EventType(153, "PPME_SCHEDSWITCH_6_X", "NA", EventType.EC_UNKNOWN, EventType.EF_UNUSED);
        t[154] = new EventType(154, "PPME_SYSCALL_EXECVE_13_E", "execve", EventType.EC_PROCESS | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED);
        t[155] = new EventType(155, "PPME_SYSCALL_EXECVE_13_X", "execve", EventType.EC_PROCESS | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("exe", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("args", ParamType.BYTEBUF, PrintFormat.NA),
                ParamInfo.of("tid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("pid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("ptid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("cwd", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("fdlimit", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("pgft_maj", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("pgft_min", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("vm_size", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("vm_rss", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("vm_swap", ParamType.UINT32, PrintFormat.DEC));
        t[156] = new EventType(156, "PPME_SYSCALL_CLONE_16_E", "clone", EventType.EC_PROCESS | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_MODIFIES_STATE);
        t[157] = new EventType(157, "PPME_SYSCALL_CLONE_16_X", "clone", EventType.EC_PROCESS | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("exe", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("args", ParamType.BYTEBUF, PrintFormat.NA),
                ParamInfo.of("tid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("pid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("ptid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("cwd", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("fdlimit", ParamType.INT64, PrintFormat.DEC),
                ParamInfo.of("pgft_maj", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("pgft_min", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("vm_size", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("vm_rss", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("vm_swap", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("flags", ParamType.FLAGS32, PrintFormat.HEX, FlagTables.CLONE_FLAGS),
                ParamInfo.of("uid", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("gid", ParamType.UINT32, PrintFormat.DEC));
        t[158] = new EventType(158, "PPME_SYSCALL_BRK_4_E", "brk", EventType.EC_MEMORY | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("addr", ParamType.UINT64, PrintFormat.HEX));
        t[159] = new EventType(159, "PPME_SYSCALL_BRK_4_X", "brk", EventType.EC_MEMORY | EventType.EC_SYSCALL, EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.UINT64, PrintFormat.HEX),
                ParamInfo.of("vm_size", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("vm_rss", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("vm_swap", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("addr", ParamType.UINT64, PrintFormat.HEX));
    }

    private static void fill4(EventType[] t) {
        t[160] = new EventType(160, "PPME_SYSCALL_MMAP_E", "mmap", EventType.EC_MEMORY | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_USES_FD | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("addr", ParamType.UINT64, PrintFormat.HEX),
                ParamInfo.of("length", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("prot", ParamType.FLAGS32, PrintFormat.HEX, FlagTables.PROT_FLAGS),
                ParamInfo.of("flags", ParamType.FLAGS32, PrintFormat.HEX, FlagTables.MMAP_FLAGS),
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("offset", ParamType.UINT64, PrintFormat.DEC));
        t[161] = new EventType(161, "PPME_SYSCALL_MMAP_X", "mmap", EventType.EC_MEMORY | EventType.EC_SYSCALL, EventType.EF_USES_FD | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.HEX),
                ParamInfo.of("vm_size", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("vm_rss", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("vm_swap", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("addr", ParamType.UINT64, PrintFormat.HEX),
                ParamInfo.of("length", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("prot", ParamType.FLAGS32, PrintFormat.HEX, FlagTables.PROT_FLAGS),
                ParamInfo.of("flags", ParamType.FLAGS32, PrintFormat.HEX, FlagTables.MMAP_FLAGS),
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("offset", ParamType.UINT64, PrintFormat.DEC));
        t[162] = new EventType(162, "PPME_SYSCALL_MMAP2_E", "mmap2", EventType.EC_MEMORY | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_USES_FD | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("addr", ParamType.UINT64, PrintFormat.HEX),
                ParamInfo.of("length", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("prot", ParamType.FLAGS32, PrintFormat.HEX, FlagTables.PROT_FLAGS),
                ParamInfo.of("flags", ParamType.FLAGS32, PrintFormat.HEX, FlagTables.MMAP_FLAGS),
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("pgoffset", ParamType.UINT64, PrintFormat.DEC));
        t[163] = new EventType(163, "PPME_SYSCALL_MMAP2_X", "mmap2", EventType.EC_MEMORY | EventType.EC_SYSCALL, EventType.EF_USES_FD | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.HEX),
                ParamInfo.of("vm_size", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("vm_rss", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("vm_swap", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("addr", ParamType.UINT64, PrintFormat.HEX),
                ParamInfo.of("length", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("prot", ParamType.FLAGS32, PrintFormat.HEX, FlagTables.PROT_FLAGS),
                ParamInfo.of("flags", ParamType.FLAGS32, PrintFormat.HEX, FlagTables.MMAP_FLAGS),
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("pgoffset", ParamType.UINT64, PrintFormat.DEC));
        t[164] = new EventType(164, "PPME_SYSCALL_MUNMAP_E", "munmap", EventType.EC_MEMORY | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("addr", ParamType.UINT64, PrintFormat.HEX),
                ParamInfo.of("length", ParamType.UINT64, PrintFormat.DEC));
        t[165] = new EventType(165, "PPME_SYSCALL_MUNMAP_X", "munmap", EventType.EC_MEMORY | EventType.EC_SYSCALL, EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("vm_size", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("vm_rss", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("vm_swap", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("addr", ParamType.UINT64, PrintFormat.HEX),
                ParamInfo.of("length", ParamType.UINT64, PrintFormat.DEC));
        t[166] = new EventType(166, "PPME_SYSCALL_SPLICE_E", "splice", EventType.EC_IO_OTHER | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_USES_FD | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("fd_in", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("fd_out", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("size", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("flags", ParamType.FLAGS32, PrintFormat.HEX, FlagTables.SPLICE_FLAGS));
        t[167] = new EventType(167, "PPME_SYSCALL_SPLICE_X", "splice", EventType.EC_IO_OTHER | EventType.EC_SYSCALL, EventType.EF_USES_FD | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("fd_in", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("fd_out", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("size", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("flags", ParamType.FLAGS32, PrintFormat.HEX, FlagTables.SPLICE_FLAGS));
        t[168] = new EventType(168, "PPME_SYSCALL_PTRACE_E", "ptrace", EventType.EC_PROCESS | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("request", ParamType.ENUMFLAGS16, PrintFormat.DEC, FlagTables.PTRACE_REQUESTS),
                ParamInfo.of("pid", ParamType.PID, PrintFormat.DEC));
        t[169] = new EventType(169, "PPME_SYSCALL_PTRACE_X", "ptrace", EventType.EC_PROCESS | EventType.EC_SYSCALL, EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.dyn("addr", PrintFormat.HEX, DynamicParam.PTRACE),
                ParamInfo.dyn("data", PrintFormat.HEX, DynamicParam.PTRACE),
                ParamInfo.of("request", ParamType.ENUMFLAGS16, PrintFormat.DEC, FlagTables.PTRACE_REQUESTS),
                ParamInfo.of("pid", ParamType.PID, PrintFormat.DEC));
        t[170] = new EventType(170, "PPME_SYSCALL_IOCTL_3_E", "ioctl", EventType.EC_IO_OTHER | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_USES_FD | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("request", ParamType.UINT64, PrintFormat.HEX),
                ParamInfo.of("argument", ParamType.UINT64, PrintFormat.HEX));
        t[171] = new EventType(171, "PPME_SYSCALL_IOCTL_3_X", "ioctl", EventType.EC_IO_OTHER | EventType.EC_SYSCALL, EventType.EF_USES_FD | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("request", ParamType.UINT64, PrintFormat.HEX),
                ParamInfo.of("argument", ParamType.UINT64, PrintFormat.HEX));
        t[172] = new EventType(172, "PPME_SYSCALL_EXECVE_14_E", "execve", EventType.EC_PROCESS | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED);
        t[173] = new EventType(173, "PPME_SYSCALL_EXECVE_14_X", "execve", EventType.EC_PROCESS | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("exe", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("args", ParamType.BYTEBUF, PrintFormat.NA),
                ParamInfo.of("tid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("pid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("ptid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("cwd", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("fdlimit", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("pgft_maj", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("pgft_min", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("vm_size", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("vm_rss", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("vm_swap", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("env", ParamType.BYTEBUF, PrintFormat.NA));
        t[174] = new EventType(174, "PPME_SYSCALL_RENAME_E", "rename", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION);
        t[175] = new EventType(175, "PPME_SYSCALL_RENAME_X", "rename", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_NONE,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("oldpath", ParamType.FSPATH, PrintFormat.NA),
                ParamInfo.of("newpath", ParamType.FSPATH, PrintFormat.NA));
        t[176] = new EventType(176, "PPME_SYSCALL_RENAMEAT_E", "renameat", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION);
        t[177] = new EventType(177, "PPME_SYSCALL_RENAMEAT_X", "renameat", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_NONE,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("olddirfd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.relPath("oldpath", 1),
                ParamInfo.of("newdirfd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.relPath("newpath", 3));
        t[178] = new EventType(178, "PPME_SYSCALL_SYMLINK_E", "symlink", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION);
        t[179] = new EventType(179, "PPME_SYSCALL_SYMLINK_X", "symlink", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_NONE,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("target", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("linkpath", ParamType.FSPATH, PrintFormat.NA));
        t[180] = new EventType(180, "PPME_SYSCALL_SYMLINKAT_E", "symlinkat", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION);
        t[181] = new EventType(181, "PPME_SYSCALL_SYMLINKAT_X", "symlinkat", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_USES_FD,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("target", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("linkdirfd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.relPath("linkpath", 2));
        t[182] = new EventType(182, "PPME_SYSCALL_FORK_E", "fork", EventType.EC_PROCESS | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_MODIFIES_STATE);
        t[183] = new EventType(183, "PPME_SYSCALL_FORK_X", "fork", EventType.EC_PROCESS | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("exe", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("args", ParamType.BYTEBUF, PrintFormat.NA),
                ParamInfo.of("tid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("pid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("ptid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("cwd", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("fdlimit", ParamType.INT64, PrintFormat.DEC),
                ParamInfo.of("pgft_maj", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("pgft_min", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("vm_size", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("vm_rss", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("vm_swap", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("flags", ParamType.FLAGS32, PrintFormat.HEX, FlagTables.CLONE_FLAGS),
                ParamInfo.of("uid", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("gid", ParamType.UINT32, PrintFormat.DEC));
        t[184] = new EventType(184, "PPME_SYSCALL_VFORK_E", "vfork", EventType.EC_PROCESS | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_MODIFIES_STATE);
        t[185] = new EventType(185, "PPME_SYSCALL_VFORK_X", "vfork", EventType.EC_PROCESS | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("exe", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("args", ParamType.BYTEBUF, PrintFormat.NA),
                ParamInfo.of("tid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("pid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("ptid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("cwd", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("fdlimit", ParamType.INT64, PrintFormat.DEC),
                ParamInfo.of("pgft_maj", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("pgft_min", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("vm_size", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("vm_rss", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("vm_swap", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("flags", ParamType.FLAGS32, PrintFormat.HEX, FlagTables.CLONE_FLAGS),
                ParamInfo.of("uid", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("gid", ParamType.UINT32, PrintFormat.DEC));
        t[186] = new EventType(186, "PPME_PROCEXIT_1_E", "procexit", EventType.EC_PROCESS | EventType.EC_TRACEPOINT, EventType.EF_MODIFIES_STATE,
                ParamInfo.of("status", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("ret", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("sig", ParamType.SIGTYPE, PrintFormat.DEC),
                ParamInfo.of("core", ParamType.UINT8, PrintFormat.DEC),
                ParamInfo.of("reaper_tid", ParamType.PID, PrintFormat.DEC));
        t[187] = new EventType(187, "PPME_PROCEXIT_1_X", "NA", EventType.EC_UNKNOWN, EventType.EF_UNUSED);
        t[188] = new EventType(188, "PPME_SYSCALL_SENDFILE_E", "sendfile", EventType.EC_IO_WRITE | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_USES_FD | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("out_fd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("in_fd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("offset", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("size", ParamType.UINT64, PrintFormat.DEC));
        t[189] = new EventType(189, "PPME_SYSCALL_SENDFILE_X", "sendfile", EventType.EC_IO_WRITE | EventType.EC_SYSCALL, EventType.EF_USES_FD | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("offset", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("out_fd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("in_fd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("size", ParamType.UINT64, PrintFormat.DEC));
        t[190] = new EventType(190, "PPME_SYSCALL_QUOTACTL_E", "quotactl", EventType.EC_USER | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("cmd", ParamType.FLAGS16, PrintFormat.DEC, FlagTables.QUOTACTL_CMDS),
                ParamInfo.of("type", ParamType.FLAGS8, PrintFormat.DEC, FlagTables.QUOTACTL_TYPES),
                ParamInfo.of("id", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("quota_fmt", ParamType.FLAGS8, PrintFormat.DEC, FlagTables.QUOTACTL_QUOTA_FMTS));
        t[191] = new EventType(191, "PPME_SYSCALL_QUOTACTL_X", "quotactl", EventType.EC_USER | EventType.EC_SYSCALL, EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("special", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("quotafilepath", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("dqb_bhardlimit", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("dqb_bsoftlimit", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("dqb_curspace", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("dqb_ihardlimit", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("dqb_isoftlimit", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("dqb_btime", ParamType.RELTIME, PrintFormat.DEC),
                ParamInfo.of("dqb_itime", ParamType.RELTIME, PrintFormat.DEC),
                ParamInfo.of("dqi_bgrace", ParamType.RELTIME, PrintFormat.DEC),
                ParamInfo.of("dqi_igrace", ParamType.RELTIME, PrintFormat.DEC),
                ParamInfo.of("dqi_flags", ParamType.FLAGS8, PrintFormat.DEC, FlagTables.QUOTACTL_DQI_FLAGS),
                ParamInfo.of("quota_fmt_out", ParamType.FLAGS8, PrintFormat.DEC, FlagTables.QUOTACTL_QUOTA_FMTS),
                ParamInfo.of("cmd", ParamType.FLAGS16, PrintFormat.DEC, FlagTables.QUOTACTL_CMDS),
                ParamInfo.of("type", ParamType.FLAGS8, PrintFormat.DEC, FlagTables.QUOTACTL_TYPES),
                ParamInfo.of("id", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("quota_fmt", ParamType.FLAGS8, PrintFormat.DEC, FlagTables.QUOTACTL_QUOTA_FMTS));
        t[192] = new EventType(192, "PPME_SYSCALL_SETRESUID_E", "setresuid", EventType.EC_USER | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("ruid", ParamType.UID, PrintFormat.DEC),
                ParamInfo.of("euid", ParamType.UID, PrintFormat.DEC),
                ParamInfo.of("suid", ParamType.UID, PrintFormat.DEC));
        t[193] = new EventType(193, "PPME_SYSCALL_SETRESUID_X", "setresuid", EventType.EC_USER | EventType.EC_SYSCALL, EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("ruid", ParamType.UID, PrintFormat.DEC),
                ParamInfo.of("euid", ParamType.UID, PrintFormat.DEC),
                ParamInfo.of("suid", ParamType.UID, PrintFormat.DEC));
        t[194] = new EventType(194, "PPME_SYSCALL_SETRESGID_E", "setresgid", EventType.EC_USER | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("rgid", ParamType.GID, PrintFormat.DEC),
                ParamInfo.of("egid", ParamType.GID, PrintFormat.DEC),
                ParamInfo.of("sgid", ParamType.GID, PrintFormat.DEC));
        t[195] = new EventType(195, "PPME_SYSCALL_SETRESGID_X", "setresgid", EventType.EC_USER | EventType.EC_SYSCALL, EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("rgid", ParamType.GID, PrintFormat.DEC),
                ParamInfo.of("egid", ParamType.GID, PrintFormat.DEC),
                ParamInfo.of("sgid", ParamType.GID, PrintFormat.DEC));
        t[196] = new EventType(196, "PPME_SCAPEVENT_E", "scapevent", EventType.EC_INTERNAL | EventType.EC_METAEVENT, EventType.EF_SKIPPARSERESET,
                ParamInfo.of("event_type", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("event_data", ParamType.UINT64, PrintFormat.DEC));
        t[197] = new EventType(197, "PPME_SCAPEVENT_X", "NA", EventType.EC_UNKNOWN, EventType.EF_UNUSED);
        t[198] = new EventType(198, "PPME_SYSCALL_SETUID_E", "setuid", EventType.EC_USER | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("uid", ParamType.UID, PrintFormat.DEC));
        t[199] = new EventType(199, "PPME_SYSCALL_SETUID_X", "setuid", EventType.EC_USER | EventType.EC_SYSCALL, EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("uid", ParamType.UID, PrintFormat.DEC));
    }

    private static void fill5(EventType[] t) {
        t[200] = new EventType(200, "PPME_SYSCALL_SETGID_E", "setgid", EventType.EC_USER | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("gid", ParamType.GID, PrintFormat.DEC));
        t[201] = new EventType(201, "PPME_SYSCALL_SETGID_X", "setgid", EventType.EC_USER | EventType.EC_SYSCALL, EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("gid", ParamType.GID, PrintFormat.DEC));
        t[202] = new EventType(202, "PPME_SYSCALL_GETUID_E", "getuid", EventType.EC_USER | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION);
        t[203] = new EventType(203, "PPME_SYSCALL_GETUID_X", "getuid", EventType.EC_USER | EventType.EC_SYSCALL, EventType.EF_NONE,
                ParamInfo.of("uid", ParamType.UID, PrintFormat.DEC));
        t[204] = new EventType(204, "PPME_SYSCALL_GETEUID_E", "geteuid", EventType.EC_USER | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION);
        t[205] = new EventType(205, "PPME_SYSCALL_GETEUID_X", "geteuid", EventType.EC_USER | EventType.EC_SYSCALL, EventType.EF_NONE,
                ParamInfo.of("euid", ParamType.UID, PrintFormat.DEC));
        t[206] = new EventType(206, "PPME_SYSCALL_GETGID_E", "getgid", EventType.EC_USER | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION);
        t[207] = new EventType(207, "PPME_SYSCALL_GETGID_X", "getgid", EventType.EC_USER | EventType.EC_SYSCALL, EventType.EF_NONE,
                ParamInfo.of("gid", ParamType.GID, PrintFormat.DEC));
        t[208] = new EventType(208, "PPME_SYSCALL_GETEGID_E", "getegid", EventType.EC_USER | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION);
        t[209] = new EventType(209, "PPME_SYSCALL_GETEGID_X", "getegid", EventType.EC_USER | EventType.EC_SYSCALL, EventType.EF_NONE,
                ParamInfo.of("egid", ParamType.GID, PrintFormat.DEC));
        t[210] = new EventType(210, "PPME_SYSCALL_GETRESUID_E", "getresuid", EventType.EC_USER | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION);
        t[211] = new EventType(211, "PPME_SYSCALL_GETRESUID_X", "getresuid", EventType.EC_USER | EventType.EC_SYSCALL, EventType.EF_NONE,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("ruid", ParamType.UID, PrintFormat.DEC),
                ParamInfo.of("euid", ParamType.UID, PrintFormat.DEC),
                ParamInfo.of("suid", ParamType.UID, PrintFormat.DEC));
        t[212] = new EventType(212, "PPME_SYSCALL_GETRESGID_E", "getresgid", EventType.EC_USER | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION);
        t[213] = new EventType(213, "PPME_SYSCALL_GETRESGID_X", "getresgid", EventType.EC_USER | EventType.EC_SYSCALL, EventType.EF_NONE,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("rgid", ParamType.GID, PrintFormat.DEC),
                ParamInfo.of("egid", ParamType.GID, PrintFormat.DEC),
                ParamInfo.of("sgid", ParamType.GID, PrintFormat.DEC));
        t[214] = new EventType(214, "PPME_SYSCALL_EXECVE_15_E", "execve", EventType.EC_PROCESS | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED);
        t[215] = new EventType(215, "PPME_SYSCALL_EXECVE_15_X", "execve", EventType.EC_PROCESS | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("exe", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("args", ParamType.BYTEBUF, PrintFormat.NA),
                ParamInfo.of("tid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("pid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("ptid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("cwd", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("fdlimit", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("pgft_maj", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("pgft_min", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("vm_size", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("vm_rss", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("vm_swap", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("comm", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("env", ParamType.BYTEBUF, PrintFormat.NA));
        t[216] = new EventType(216, "PPME_SYSCALL_CLONE_17_E", "clone", EventType.EC_PROCESS | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_MODIFIES_STATE);
        t[217] = new EventType(217, "PPME_SYSCALL_CLONE_17_X", "clone", EventType.EC_PROCESS | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("exe", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("args", ParamType.BYTEBUF, PrintFormat.NA),
                ParamInfo.of("tid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("pid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("ptid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("cwd", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("fdlimit", ParamType.INT64, PrintFormat.DEC),
                ParamInfo.of("pgft_maj", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("pgft_min", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("vm_size", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("vm_rss", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("vm_swap", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("comm", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("flags", ParamType.FLAGS32, PrintFormat.HEX, FlagTables.CLONE_FLAGS),
                ParamInfo.of("uid", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("gid", ParamType.UINT32, PrintFormat.DEC));
        t[218] = new EventType(218, "PPME_SYSCALL_FORK_17_E", "fork", EventType.EC_PROCESS | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_MODIFIES_STATE);
        t[219] = new EventType(219, "PPME_SYSCALL_FORK_17_X", "fork", EventType.EC_PROCESS | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("exe", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("args", ParamType.BYTEBUF, PrintFormat.NA),
                ParamInfo.of("tid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("pid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("ptid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("cwd", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("fdlimit", ParamType.INT64, PrintFormat.DEC),
                ParamInfo.of("pgft_maj", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("pgft_min", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("vm_size", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("vm_rss", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("vm_swap", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("comm", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("flags", ParamType.FLAGS32, PrintFormat.HEX, FlagTables.CLONE_FLAGS),
                ParamInfo.of("uid", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("gid", ParamType.UINT32, PrintFormat.DEC));
        t[220] = new EventType(220, "PPME_SYSCALL_VFORK_17_E", "vfork", EventType.EC_PROCESS | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_MODIFIES_STATE);
        t[221] = new EventType(221, "PPME_SYSCALL_VFORK_17_X", "vfork", EventType.EC_PROCESS | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("exe", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("args", ParamType.BYTEBUF, PrintFormat.NA),
                ParamInfo.of("tid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("pid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("ptid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("cwd", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("fdlimit", ParamType.INT64, PrintFormat.DEC),
                ParamInfo.of("pgft_maj", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("pgft_min", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("vm_size", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("vm_rss", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("vm_swap", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("comm", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("flags", ParamType.FLAGS32, PrintFormat.HEX, FlagTables.CLONE_FLAGS),
                ParamInfo.of("uid", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("gid", ParamType.UINT32, PrintFormat.DEC));
        t[222] = new EventType(222, "PPME_SYSCALL_CLONE_20_E", "clone", EventType.EC_PROCESS | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_MODIFIES_STATE);
        t[223] = new EventType(223, "PPME_SYSCALL_CLONE_20_X", "clone", EventType.EC_PROCESS | EventType.EC_SYSCALL, EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("exe", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("args", ParamType.BYTEBUF, PrintFormat.NA),
                ParamInfo.of("tid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("pid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("ptid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("cwd", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("fdlimit", ParamType.INT64, PrintFormat.DEC),
                ParamInfo.of("pgft_maj", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("pgft_min", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("vm_size", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("vm_rss", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("vm_swap", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("comm", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("cgroups", ParamType.BYTEBUF, PrintFormat.NA),
                ParamInfo.of("flags", ParamType.FLAGS32, PrintFormat.HEX, FlagTables.CLONE_FLAGS),
                ParamInfo.of("uid", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("gid", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("vtid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("vpid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("pidns_init_start_ts", ParamType.UINT64, PrintFormat.DEC));
        t[224] = new EventType(224, "PPME_SYSCALL_FORK_20_E", "fork", EventType.EC_PROCESS | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_MODIFIES_STATE);
        t[225] = new EventType(225, "PPME_SYSCALL_FORK_20_X", "fork", EventType.EC_PROCESS | EventType.EC_SYSCALL, EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("exe", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("args", ParamType.BYTEBUF, PrintFormat.NA),
                ParamInfo.of("tid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("pid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("ptid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("cwd", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("fdlimit", ParamType.INT64, PrintFormat.DEC),
                ParamInfo.of("pgft_maj", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("pgft_min", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("vm_size", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("vm_rss", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("vm_swap", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("comm", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("cgroups", ParamType.BYTEBUF, PrintFormat.NA),
                ParamInfo.of("flags", ParamType.FLAGS32, PrintFormat.HEX, FlagTables.CLONE_FLAGS),
                ParamInfo.of("uid", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("gid", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("vtid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("vpid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("pidns_init_start_ts", ParamType.UINT64, PrintFormat.DEC));
        t[226] = new EventType(226, "PPME_SYSCALL_VFORK_20_E", "vfork", EventType.EC_PROCESS | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_MODIFIES_STATE);
        t[227] = new EventType(227, "PPME_SYSCALL_VFORK_20_X", "vfork", EventType.EC_PROCESS | EventType.EC_SYSCALL, EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("exe", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("args", ParamType.BYTEBUF, PrintFormat.NA),
                ParamInfo.of("tid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("pid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("ptid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("cwd", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("fdlimit", ParamType.INT64, PrintFormat.DEC),
                ParamInfo.of("pgft_maj", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("pgft_min", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("vm_size", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("vm_rss", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("vm_swap", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("comm", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("cgroups", ParamType.BYTEBUF, PrintFormat.NA),
                ParamInfo.of("flags", ParamType.FLAGS32, PrintFormat.HEX, FlagTables.CLONE_FLAGS),
                ParamInfo.of("uid", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("gid", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("vtid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("vpid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("pidns_init_start_ts", ParamType.UINT64, PrintFormat.DEC));
        t[228] = new EventType(228, "PPME_CONTAINER_E", "container", EventType.EC_INTERNAL | EventType.EC_METAEVENT, EventType.EF_OLD_VERSION | EventType.EF_SKIPPARSERESET | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("id", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("type", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("name", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("image", ParamType.CHARBUF, PrintFormat.NA));
        t[229] = new EventType(229, "PPME_CONTAINER_X", "NA", EventType.EC_UNKNOWN, EventType.EF_UNUSED);
        t[230] = new EventType(230, "PPME_SYSCALL_EXECVE_16_E", "execve", EventType.EC_PROCESS | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED);
        t[231] = new EventType(231, "PPME_SYSCALL_EXECVE_16_X", "execve", EventType.EC_PROCESS | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("exe", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("args", ParamType.BYTEBUF, PrintFormat.NA),
                ParamInfo.of("tid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("pid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("ptid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("cwd", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("fdlimit", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("pgft_maj", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("pgft_min", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("vm_size", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("vm_rss", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("vm_swap", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("comm", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("cgroups", ParamType.BYTEBUF, PrintFormat.NA),
                ParamInfo.of("env", ParamType.BYTEBUF, PrintFormat.NA));
        t[232] = new EventType(232, "PPME_SIGNALDELIVER_E", "signaldeliver", EventType.EC_SIGNAL | EventType.EC_TRACEPOINT, EventType.EF_NONE,
                ParamInfo.of("spid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("dpid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("sig", ParamType.SIGTYPE, PrintFormat.DEC));
        t[233] = new EventType(233, "PPME_SIGNALDELIVER_X", "NA", EventType.EC_UNKNOWN, EventType.EF_UNUSED);
        t[234] = new EventType(234, "PPME_PROCINFO_E", "procinfo", EventType.EC_INTERNAL | EventType.EC_METAEVENT, EventType.EF_SKIPPARSERESET,
                ParamInfo.of("cpu_usr", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("cpu_sys", ParamType.UINT64, PrintFormat.DEC));
        t[235] = new EventType(235, "PPME_PROCINFO_X", "NA", EventType.EC_UNKNOWN, EventType.EF_UNUSED);
        t[236] = new EventType(236, "PPME_SYSCALL_GETDENTS_E", "getdents", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_USES_FD | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("fd", ParamType.FD, PrintFormat.NA));
        t[237] = new EventType(237, "PPME_SYSCALL_GETDENTS_X", "getdents", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_USES_FD | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("fd", ParamType.FD, PrintFormat.NA));
        t[238] = new EventType(238, "PPME_SYSCALL_GETDENTS64_E", "getdents64", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_USES_FD | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("fd", ParamType.FD, PrintFormat.NA));
        t[239] = new EventType(239, "PPME_SYSCALL_GETDENTS64_X", "getdents64", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_USES_FD | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("fd", ParamType.FD, PrintFormat.NA));
    }

    private static void fill6(EventType[] t) {
        t[240] = new EventType(240, "PPME_SYSCALL_SETNS_E", "setns", EventType.EC_PROCESS | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_USES_FD | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("fd", ParamType.FD, PrintFormat.NA),
                ParamInfo.of("nstype", ParamType.FLAGS32, PrintFormat.HEX, FlagTables.CLONE_FLAGS));
        t[241] = new EventType(241, "PPME_SYSCALL_SETNS_X", "setns", EventType.EC_PROCESS | EventType.EC_SYSCALL, EventType.EF_USES_FD | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("fd", ParamType.FD, PrintFormat.NA),
                ParamInfo.of("nstype", ParamType.FLAGS32, PrintFormat.HEX, FlagTables.CLONE_FLAGS));
        t[242] = new EventType(242, "PPME_SYSCALL_FLOCK_E", "flock", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_USES_FD | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("fd", ParamType.FD, PrintFormat.NA),
                ParamInfo.of("operation", ParamType.FLAGS32, PrintFormat.HEX, FlagTables.FLOCK_FLAGS));
        t[243] = new EventType(243, "PPME_SYSCALL_FLOCK_X", "flock", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_USES_FD | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("fd", ParamType.FD, PrintFormat.NA),
                ParamInfo.of("operation", ParamType.FLAGS32, PrintFormat.HEX, FlagTables.FLOCK_FLAGS));
        t[244] = new EventType(244, "PPME_CPU_HOTPLUG_E", "cpu_hotplug", EventType.EC_SYSTEM | EventType.EC_METAEVENT, EventType.EF_SKIPPARSERESET | EventType.EF_MODIFIES_STATE,
                ParamInfo.of("cpu", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("action", ParamType.UINT32, PrintFormat.DEC));
        t[245] = new EventType(245, "PPME_CPU_HOTPLUG_X", "NA", EventType.EC_UNKNOWN, EventType.EF_UNUSED);
        t[246] = new EventType(246, "PPME_SOCKET_ACCEPT_5_E", "accept", EventType.EC_NET | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_CREATES_FD | EventType.EF_MODIFIES_STATE);
        t[247] = new EventType(247, "PPME_SOCKET_ACCEPT_5_X", "accept", EventType.EC_NET | EventType.EC_SYSCALL, EventType.EF_CREATES_FD | EventType.EF_MODIFIES_STATE,
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("tuple", ParamType.SOCKTUPLE, PrintFormat.NA),
                ParamInfo.of("queuepct", ParamType.UINT8, PrintFormat.DEC),
                ParamInfo.of("queuelen", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("queuemax", ParamType.UINT32, PrintFormat.DEC));
        t[248] = new EventType(248, "PPME_SOCKET_ACCEPT4_5_E", "accept", EventType.EC_NET | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_CREATES_FD | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("flags", ParamType.INT32, PrintFormat.HEX));
        t[249] = new EventType(249, "PPME_SOCKET_ACCEPT4_5_X", "accept", EventType.EC_NET | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_CREATES_FD | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("tuple", ParamType.SOCKTUPLE, PrintFormat.NA),
                ParamInfo.of("queuepct", ParamType.UINT8, PrintFormat.DEC),
                ParamInfo.of("queuelen", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("queuemax", ParamType.UINT32, PrintFormat.DEC));
        t[250] = new EventType(250, "PPME_SYSCALL_SEMOP_E", "semop", EventType.EC_PROCESS | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("semid", ParamType.INT32, PrintFormat.DEC));
        t[251] = new EventType(251, "PPME_SYSCALL_SEMOP_X", "semop", EventType.EC_PROCESS | EventType.EC_SYSCALL, EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("nsops", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("sem_num_0", ParamType.UINT16, PrintFormat.DEC),
                ParamInfo.of("sem_op_0", ParamType.INT16, PrintFormat.DEC),
                ParamInfo.of("sem_flg_0", ParamType.FLAGS16, PrintFormat.HEX, FlagTables.SEMOP_FLAGS),
                ParamInfo.of("sem_num_1", ParamType.UINT16, PrintFormat.DEC),
                ParamInfo.of("sem_op_1", ParamType.INT16, PrintFormat.DEC),
                ParamInfo.of("sem_flg_1", ParamType.FLAGS16, PrintFormat.HEX, FlagTables.SEMOP_FLAGS),
                ParamInfo.of("semid", ParamType.INT32, PrintFormat.DEC));
        t[252] = new EventType(252, "PPME_SYSCALL_SEMCTL_E", "semctl", EventType.EC_PROCESS | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("semid", ParamType.INT32, PrintFormat.DEC),
                ParamInfo.of("semnum", ParamType.INT32, PrintFormat.DEC),
                ParamInfo.of("cmd", ParamType.FLAGS16, PrintFormat.HEX, FlagTables.SEMCTL_COMMANDS),
                ParamInfo.of("val", ParamType.INT32, PrintFormat.DEC));
        t[253] = new EventType(253, "PPME_SYSCALL_SEMCTL_X", "semctl", EventType.EC_PROCESS | EventType.EC_SYSCALL, EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("semid", ParamType.INT32, PrintFormat.DEC),
                ParamInfo.of("semnum", ParamType.INT32, PrintFormat.DEC),
                ParamInfo.of("cmd", ParamType.FLAGS16, PrintFormat.HEX, FlagTables.SEMCTL_COMMANDS),
                ParamInfo.of("val", ParamType.INT32, PrintFormat.DEC));
        t[254] = new EventType(254, "PPME_SYSCALL_PPOLL_E", "ppoll", EventType.EC_WAIT | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_WAITS | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("fds", ParamType.FDLIST, PrintFormat.DEC),
                ParamInfo.of("timeout", ParamType.RELTIME, PrintFormat.DEC),
                ParamInfo.of("sigmask", ParamType.SIGSET, PrintFormat.DEC));
        t[255] = new EventType(255, "PPME_SYSCALL_PPOLL_X", "ppoll", EventType.EC_WAIT | EventType.EC_SYSCALL, EventType.EF_WAITS | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("fds", ParamType.FDLIST, PrintFormat.DEC),
                ParamInfo.of("timeout", ParamType.RELTIME, PrintFormat.DEC),
                ParamInfo.of("sigmask", ParamType.SIGSET, PrintFormat.DEC));
        t[256] = new EventType(256, "PPME_SYSCALL_MOUNT_E", "mount", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("flags", ParamType.FLAGS32, PrintFormat.HEX, FlagTables.MOUNT_FLAGS));
        t[257] = new EventType(257, "PPME_SYSCALL_MOUNT_X", "mount", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("dev", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("dir", ParamType.FSPATH, PrintFormat.NA),
                ParamInfo.of("type", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("flags", ParamType.FLAGS32, PrintFormat.HEX, FlagTables.MOUNT_FLAGS));
        t[258] = new EventType(258, "PPME_SYSCALL_UMOUNT_E", "umount", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_MODIFIES_STATE,
                ParamInfo.of("flags", ParamType.FLAGS32, PrintFormat.HEX, FlagTables.UMOUNT_FLAGS));
        t[259] = new EventType(259, "PPME_SYSCALL_UMOUNT_X", "umount", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("name", ParamType.FSPATH, PrintFormat.NA));
        t[260] = new EventType(260, "PPME_K8S_E", "k8s", EventType.EC_INTERNAL | EventType.EC_METAEVENT, EventType.EF_OLD_VERSION | EventType.EF_SKIPPARSERESET | EventType.EF_MODIFIES_STATE,
                ParamInfo.of("json", ParamType.CHARBUF, PrintFormat.NA));
        t[261] = new EventType(261, "PPME_K8S_X", "NA", EventType.EC_UNKNOWN, EventType.EF_UNUSED);
        t[262] = new EventType(262, "PPME_SYSCALL_SEMGET_E", "semget", EventType.EC_PROCESS | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("key", ParamType.INT32, PrintFormat.HEX),
                ParamInfo.of("nsems", ParamType.INT32, PrintFormat.DEC),
                ParamInfo.of("semflg", ParamType.FLAGS32, PrintFormat.HEX, FlagTables.SEMGET_FLAGS));
        t[263] = new EventType(263, "PPME_SYSCALL_SEMGET_X", "semget", EventType.EC_PROCESS | EventType.EC_SYSCALL, EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("key", ParamType.INT32, PrintFormat.HEX),
                ParamInfo.of("nsems", ParamType.INT32, PrintFormat.DEC),
                ParamInfo.of("semflg", ParamType.FLAGS32, PrintFormat.HEX, FlagTables.SEMGET_FLAGS));
        t[264] = new EventType(264, "PPME_SYSCALL_ACCESS_E", "access", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("mode", ParamType.FLAGS32, PrintFormat.HEX, FlagTables.ACCESS_FLAGS));
        t[265] = new EventType(265, "PPME_SYSCALL_ACCESS_X", "access", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("name", ParamType.FSPATH, PrintFormat.NA),
                ParamInfo.of("mode", ParamType.FLAGS32, PrintFormat.HEX, FlagTables.ACCESS_FLAGS));
        t[266] = new EventType(266, "PPME_SYSCALL_CHROOT_E", "chroot", EventType.EC_PROCESS | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_MODIFIES_STATE);
        t[267] = new EventType(267, "PPME_SYSCALL_CHROOT_X", "chroot", EventType.EC_PROCESS | EventType.EC_SYSCALL, EventType.EF_MODIFIES_STATE,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("path", ParamType.FSPATH, PrintFormat.NA));
        t[268] = new EventType(268, "PPME_TRACER_E", "tracer", EventType.EC_OTHER | EventType.EC_METAEVENT, EventType.EF_OLD_VERSION,
                ParamInfo.of("id", ParamType.INT64, PrintFormat.DEC),
                ParamInfo.of("tags", ParamType.CHARBUFARRAY, PrintFormat.NA),
                ParamInfo.of("args", ParamType.CHARBUF_PAIR_ARRAY, PrintFormat.NA));
        t[269] = new EventType(269, "PPME_TRACER_X", "NA", EventType.EC_UNKNOWN, EventType.EF_UNUSED,
                ParamInfo.of("id", ParamType.INT64, PrintFormat.DEC),
                ParamInfo.of("tags", ParamType.CHARBUFARRAY, PrintFormat.NA),
                ParamInfo.of("args", ParamType.CHARBUF_PAIR_ARRAY, PrintFormat.NA));
        t[270] = new EventType(270, "PPME_MESOS_E", "mesos", EventType.EC_INTERNAL | EventType.EC_METAEVENT, EventType.EF_OLD_VERSION | EventType.EF_SKIPPARSERESET | EventType.EF_MODIFIES_STATE,
                ParamInfo.of("json", ParamType.CHARBUF, PrintFormat.NA));
        t[271] = new EventType(271, "PPME_MESOS_X", "NA", EventType.EC_UNKNOWN, EventType.EF_UNUSED);
        t[272] = new EventType(272, "PPME_CONTAINER_JSON_E", "container", EventType.EC_PROCESS | EventType.EC_METAEVENT, EventType.EF_OLD_VERSION | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("json", ParamType.CHARBUF, PrintFormat.NA));
        t[273] = new EventType(273, "PPME_CONTAINER_JSON_X", "NA", EventType.EC_UNKNOWN, EventType.EF_UNUSED);
        t[274] = new EventType(274, "PPME_SYSCALL_SETSID_E", "setsid", EventType.EC_PROCESS | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_MODIFIES_STATE);
        t[275] = new EventType(275, "PPME_SYSCALL_SETSID_X", "setsid", EventType.EC_PROCESS | EventType.EC_SYSCALL, EventType.EF_MODIFIES_STATE,
                ParamInfo.of("res", ParamType.PID, PrintFormat.DEC));
        t[276] = new EventType(276, "PPME_SYSCALL_MKDIR_2_E", "mkdir", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("mode", ParamType.UINT32, PrintFormat.HEX));
        t[277] = new EventType(277, "PPME_SYSCALL_MKDIR_2_X", "mkdir", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("path", ParamType.FSPATH, PrintFormat.NA),
                ParamInfo.of("mode", ParamType.UINT32, PrintFormat.HEX));
        t[278] = new EventType(278, "PPME_SYSCALL_RMDIR_2_E", "rmdir", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION);
        t[279] = new EventType(279, "PPME_SYSCALL_RMDIR_2_X", "rmdir", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_NONE,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("path", ParamType.FSPATH, PrintFormat.NA));
    }

    private static void fill7(EventType[] t) {
        t[280] = new EventType(280, "PPME_NOTIFICATION_E", "notification", EventType.EC_OTHER | EventType.EC_METAEVENT, EventType.EF_SKIPPARSERESET,
                ParamInfo.of("id", ParamType.CHARBUF, PrintFormat.DEC),
                ParamInfo.of("desc", ParamType.CHARBUF, PrintFormat.NA));
        t[281] = new EventType(281, "PPME_NOTIFICATION_X", "NA", EventType.EC_UNKNOWN, EventType.EF_UNUSED);
        t[282] = new EventType(282, "PPME_SYSCALL_EXECVE_17_E", "execve", EventType.EC_PROCESS | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED);
        t[283] = new EventType(283, "PPME_SYSCALL_EXECVE_17_X", "execve", EventType.EC_PROCESS | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("exe", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("args", ParamType.BYTEBUF, PrintFormat.NA),
                ParamInfo.of("tid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("pid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("ptid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("cwd", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("fdlimit", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("pgft_maj", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("pgft_min", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("vm_size", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("vm_rss", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("vm_swap", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("comm", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("cgroups", ParamType.BYTEBUF, PrintFormat.NA),
                ParamInfo.of("env", ParamType.BYTEBUF, PrintFormat.NA),
                ParamInfo.of("tty", ParamType.INT32, PrintFormat.DEC));
        t[284] = new EventType(284, "PPME_SYSCALL_UNSHARE_E", "unshare", EventType.EC_PROCESS | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("flags", ParamType.FLAGS32, PrintFormat.HEX, FlagTables.CLONE_FLAGS));
        t[285] = new EventType(285, "PPME_SYSCALL_UNSHARE_X", "unshare", EventType.EC_PROCESS | EventType.EC_SYSCALL, EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("flags", ParamType.FLAGS32, PrintFormat.HEX, FlagTables.CLONE_FLAGS));
        t[286] = new EventType(286, "PPME_INFRASTRUCTURE_EVENT_E", "infra", EventType.EC_INTERNAL | EventType.EC_METAEVENT, EventType.EF_SKIPPARSERESET,
                ParamInfo.of("source", ParamType.CHARBUF, PrintFormat.DEC),
                ParamInfo.of("name", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("description", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("scope", ParamType.CHARBUF, PrintFormat.NA));
        t[287] = new EventType(287, "PPME_INFRASTRUCTURE_EVENT_X", "NA", EventType.EC_UNKNOWN, EventType.EF_UNUSED);
        t[288] = new EventType(288, "PPME_SYSCALL_EXECVE_18_E", "execve", EventType.EC_PROCESS | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("filename", ParamType.FSPATH, PrintFormat.NA));
        t[289] = new EventType(289, "PPME_SYSCALL_EXECVE_18_X", "execve", EventType.EC_PROCESS | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("exe", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("args", ParamType.BYTEBUF, PrintFormat.NA),
                ParamInfo.of("tid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("pid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("ptid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("cwd", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("fdlimit", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("pgft_maj", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("pgft_min", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("vm_size", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("vm_rss", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("vm_swap", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("comm", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("cgroups", ParamType.BYTEBUF, PrintFormat.NA),
                ParamInfo.of("env", ParamType.BYTEBUF, PrintFormat.NA),
                ParamInfo.of("tty", ParamType.INT32, PrintFormat.DEC));
        t[290] = new EventType(290, "PPME_PAGE_FAULT_E", "page_fault", EventType.EC_OTHER | EventType.EC_TRACEPOINT, EventType.EF_SKIPPARSERESET,
                ParamInfo.of("addr", ParamType.UINT64, PrintFormat.HEX),
                ParamInfo.of("ip", ParamType.UINT64, PrintFormat.HEX),
                ParamInfo.of("error", ParamType.FLAGS32, PrintFormat.HEX, FlagTables.PF_FLAGS));
        t[291] = new EventType(291, "PPME_PAGE_FAULT_X", "NA", EventType.EC_UNKNOWN, EventType.EF_UNUSED);
        t[292] = new EventType(292, "PPME_SYSCALL_EXECVE_19_E", "execve", EventType.EC_PROCESS | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("filename", ParamType.FSPATH, PrintFormat.NA));
        t[293] = new EventType(293, "PPME_SYSCALL_EXECVE_19_X", "execve", EventType.EC_PROCESS | EventType.EC_SYSCALL, EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("exe", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("args", ParamType.BYTEBUF, PrintFormat.NA),
                ParamInfo.of("tid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("pid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("ptid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("cwd", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("fdlimit", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("pgft_maj", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("pgft_min", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("vm_size", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("vm_rss", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("vm_swap", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("comm", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("cgroups", ParamType.BYTEBUF, PrintFormat.NA),
                ParamInfo.of("env", ParamType.BYTEBUF, PrintFormat.NA),
                ParamInfo.of("tty", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("vpgid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("loginuid", ParamType.UID, PrintFormat.DEC),
                ParamInfo.of("flags", ParamType.FLAGS32, PrintFormat.HEX, FlagTables.EXECVE_FLAGS),
                ParamInfo.of("cap_inheritable", ParamType.UINT64, PrintFormat.HEX),
                ParamInfo.of("cap_permitted", ParamType.UINT64, PrintFormat.HEX),
                ParamInfo.of("cap_effective", ParamType.UINT64, PrintFormat.HEX),
                ParamInfo.of("exe_ino", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("exe_ino_ctime", ParamType.ABSTIME, PrintFormat.DEC),
                ParamInfo.of("exe_ino_mtime", ParamType.ABSTIME, PrintFormat.DEC),
                ParamInfo.of("uid", ParamType.UID, PrintFormat.DEC),
                ParamInfo.of("trusted_exepath", ParamType.FSPATH, PrintFormat.NA),
                ParamInfo.of("pgid", ParamType.PID, PrintFormat.NA),
                ParamInfo.of("gid", ParamType.GID, PrintFormat.DEC),
                ParamInfo.of("filename", ParamType.FSPATH, PrintFormat.NA));
        t[294] = new EventType(294, "PPME_SYSCALL_SETPGID_E", "setpgid", EventType.EC_PROCESS | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("pid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("pgid", ParamType.PID, PrintFormat.DEC));
        t[295] = new EventType(295, "PPME_SYSCALL_SETPGID_X", "setpgid", EventType.EC_PROCESS | EventType.EC_SYSCALL, EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("pid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("pgid", ParamType.PID, PrintFormat.DEC));
        t[296] = new EventType(296, "PPME_SYSCALL_BPF_E", "bpf", EventType.EC_OTHER | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_CREATES_FD | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("cmd", ParamType.INT64, PrintFormat.DEC));
        t[297] = new EventType(297, "PPME_SYSCALL_BPF_X", "bpf", EventType.EC_OTHER | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_CREATES_FD | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.dyn("res_or_fd", PrintFormat.DEC, DynamicParam.BPF));
        t[298] = new EventType(298, "PPME_SYSCALL_SECCOMP_E", "seccomp", EventType.EC_OTHER | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("op", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("flags", ParamType.UINT64, PrintFormat.HEX));
        t[299] = new EventType(299, "PPME_SYSCALL_SECCOMP_X", "seccomp", EventType.EC_OTHER | EventType.EC_SYSCALL, EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("op", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("flags", ParamType.UINT64, PrintFormat.HEX));
        t[300] = new EventType(300, "PPME_SYSCALL_UNLINK_2_E", "unlink", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION);
        t[301] = new EventType(301, "PPME_SYSCALL_UNLINK_2_X", "unlink", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_NONE,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("path", ParamType.FSPATH, PrintFormat.NA));
        t[302] = new EventType(302, "PPME_SYSCALL_UNLINKAT_2_E", "unlinkat", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION);
        t[303] = new EventType(303, "PPME_SYSCALL_UNLINKAT_2_X", "unlinkat", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_USES_FD,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("dirfd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.relPath("name", 1),
                ParamInfo.of("flags", ParamType.FLAGS32, PrintFormat.HEX, FlagTables.UNLINKAT_FLAGS));
        t[304] = new EventType(304, "PPME_SYSCALL_MKDIRAT_E", "mkdirat", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION);
        t[305] = new EventType(305, "PPME_SYSCALL_MKDIRAT_X", "mkdirat", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_USES_FD,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("dirfd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.relPath("path", 1),
                ParamInfo.of("mode", ParamType.UINT32, PrintFormat.HEX));
        t[306] = new EventType(306, "PPME_SYSCALL_OPENAT_2_E", "openat", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_CREATES_FD | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("dirfd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.relPath("name", 0),
                ParamInfo.of("flags", ParamType.FLAGS32, PrintFormat.HEX, FlagTables.FILE_FLAGS),
                ParamInfo.of("mode", ParamType.UINT32, PrintFormat.OCT));
        t[307] = new EventType(307, "PPME_SYSCALL_OPENAT_2_X", "openat", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_CREATES_FD | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("dirfd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.relPath("name", 1),
                ParamInfo.of("flags", ParamType.FLAGS32, PrintFormat.HEX, FlagTables.FILE_FLAGS),
                ParamInfo.of("mode", ParamType.UINT32, PrintFormat.OCT),
                ParamInfo.of("dev", ParamType.UINT32, PrintFormat.HEX),
                ParamInfo.of("ino", ParamType.UINT64, PrintFormat.DEC));
        t[308] = new EventType(308, "PPME_SYSCALL_LINK_2_E", "link", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION);
        t[309] = new EventType(309, "PPME_SYSCALL_LINK_2_X", "link", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_NONE,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("oldpath", ParamType.FSPATH, PrintFormat.NA),
                ParamInfo.of("newpath", ParamType.FSPATH, PrintFormat.NA));
        t[310] = new EventType(310, "PPME_SYSCALL_LINKAT_2_E", "linkat", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION);
        t[311] = new EventType(311, "PPME_SYSCALL_LINKAT_2_X", "linkat", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_NONE,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("olddir", ParamType.FD, PrintFormat.DEC),
                ParamInfo.relPath("oldpath", 1),
                ParamInfo.of("newdir", ParamType.FD, PrintFormat.DEC),
                ParamInfo.relPath("newpath", 3),
                ParamInfo.of("flags", ParamType.FLAGS32, PrintFormat.HEX, FlagTables.LINKAT_FLAGS));
        t[312] = new EventType(312, "PPME_SYSCALL_FCHMODAT_E", "fchmodat", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION);
        t[313] = new EventType(313, "PPME_SYSCALL_FCHMODAT_X", "fchmodat", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_USES_FD,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("dirfd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.relPath("filename", 1),
                ParamInfo.of("mode", ParamType.MODE, PrintFormat.OCT, FlagTables.CHMOD_MODE));
        t[314] = new EventType(314, "PPME_SYSCALL_CHMOD_E", "chmod", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION);
        t[315] = new EventType(315, "PPME_SYSCALL_CHMOD_X", "chmod", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_NONE,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("filename", ParamType.FSPATH, PrintFormat.NA),
                ParamInfo.of("mode", ParamType.MODE, PrintFormat.OCT, FlagTables.CHMOD_MODE));
        t[316] = new EventType(316, "PPME_SYSCALL_FCHMOD_E", "fchmod", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION);
        t[317] = new EventType(317, "PPME_SYSCALL_FCHMOD_X", "fchmod", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_USES_FD,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("mode", ParamType.MODE, PrintFormat.OCT, FlagTables.CHMOD_MODE));
        t[318] = new EventType(318, "PPME_SYSCALL_RENAMEAT2_E", "renameat2", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION);
        t[319] = new EventType(319, "PPME_SYSCALL_RENAMEAT2_X", "renameat2", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_NONE,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("olddirfd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.relPath("oldpath", 1),
                ParamInfo.of("newdirfd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.relPath("newpath", 3),
                ParamInfo.of("flags", ParamType.FLAGS32, PrintFormat.HEX, FlagTables.RENAMEAT2_FLAGS));
    }

    private static void fill8(EventType[] t) {
        t[320] = new EventType(320, "PPME_SYSCALL_USERFAULTFD_E", "userfaultfd", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_CREATES_FD | EventType.EF_MODIFIES_STATE);
        t[321] = new EventType(321, "PPME_SYSCALL_USERFAULTFD_X", "userfaultfd", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_CREATES_FD | EventType.EF_MODIFIES_STATE,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("flags", ParamType.FLAGS32, PrintFormat.HEX, FlagTables.FILE_FLAGS));
        t[322] = new EventType(322, "PPME_PLUGINEVENT_E", "pluginevent", EventType.EC_OTHER | EventType.EC_PLUGIN, EventType.EF_LARGE_PAYLOAD,
                ParamInfo.of("plugin_id", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("event_data", ParamType.BYTEBUF, PrintFormat.NA));
        t[323] = new EventType(323, "PPME_PLUGINEVENT_X", "NA", EventType.EC_UNKNOWN, EventType.EF_UNUSED);
        t[324] = new EventType(324, "PPME_CONTAINER_JSON_2_E", "container", EventType.EC_PROCESS | EventType.EC_METAEVENT, EventType.EF_MODIFIES_STATE | EventType.EF_LARGE_PAYLOAD,
                ParamInfo.of("json", ParamType.CHARBUF, PrintFormat.NA));
        t[325] = new EventType(325, "PPME_CONTAINER_JSON_2_X", "NA", EventType.EC_UNKNOWN, EventType.EF_UNUSED);
        t[326] = new EventType(326, "PPME_SYSCALL_OPENAT2_E", "openat2", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_CREATES_FD | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("dirfd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.relPath("name", 0),
                ParamInfo.of("flags", ParamType.FLAGS32, PrintFormat.HEX, FlagTables.FILE_FLAGS),
                ParamInfo.of("mode", ParamType.UINT32, PrintFormat.OCT),
                ParamInfo.of("resolve", ParamType.FLAGS32, PrintFormat.HEX, FlagTables.OPENAT2_FLAGS));
        t[327] = new EventType(327, "PPME_SYSCALL_OPENAT2_X", "openat2", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_CREATES_FD | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("dirfd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.relPath("name", 1),
                ParamInfo.of("flags", ParamType.FLAGS32, PrintFormat.HEX, FlagTables.FILE_FLAGS),
                ParamInfo.of("mode", ParamType.UINT32, PrintFormat.OCT),
                ParamInfo.of("resolve", ParamType.FLAGS32, PrintFormat.HEX, FlagTables.OPENAT2_FLAGS),
                ParamInfo.of("dev", ParamType.UINT32, PrintFormat.HEX),
                ParamInfo.of("ino", ParamType.UINT64, PrintFormat.DEC));
        t[328] = new EventType(328, "PPME_SYSCALL_MPROTECT_E", "mprotect", EventType.EC_MEMORY | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("addr", ParamType.UINT64, PrintFormat.HEX),
                ParamInfo.of("length", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("prot", ParamType.FLAGS32, PrintFormat.HEX, FlagTables.PROT_FLAGS));
        t[329] = new EventType(329, "PPME_SYSCALL_MPROTECT_X", "mprotect", EventType.EC_MEMORY | EventType.EC_SYSCALL, EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("addr", ParamType.UINT64, PrintFormat.HEX),
                ParamInfo.of("length", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("prot", ParamType.FLAGS32, PrintFormat.HEX, FlagTables.PROT_FLAGS));
        t[330] = new EventType(330, "PPME_SYSCALL_EXECVEAT_E", "execveat", EventType.EC_PROCESS | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("dirfd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.relPath("pathname", 0),
                ParamInfo.of("flags", ParamType.FLAGS32, PrintFormat.HEX, FlagTables.EXECVEAT_FLAGS));
        t[331] = new EventType(331, "PPME_SYSCALL_EXECVEAT_X", "execveat", EventType.EC_PROCESS | EventType.EC_SYSCALL, EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("exe", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("args", ParamType.BYTEBUF, PrintFormat.NA),
                ParamInfo.of("tid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("pid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("ptid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("cwd", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("fdlimit", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("pgft_maj", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("pgft_min", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("vm_size", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("vm_rss", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("vm_swap", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("comm", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("cgroups", ParamType.BYTEBUF, PrintFormat.NA),
                ParamInfo.of("env", ParamType.BYTEBUF, PrintFormat.NA),
                ParamInfo.of("tty", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("vpgid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("loginuid", ParamType.UID, PrintFormat.DEC),
                ParamInfo.of("flags", ParamType.FLAGS32, PrintFormat.HEX, FlagTables.EXECVE_FLAGS),
                ParamInfo.of("cap_inheritable", ParamType.UINT64, PrintFormat.HEX),
                ParamInfo.of("cap_permitted", ParamType.UINT64, PrintFormat.HEX),
                ParamInfo.of("cap_effective", ParamType.UINT64, PrintFormat.HEX),
                ParamInfo.of("exe_ino", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("exe_ino_ctime", ParamType.ABSTIME, PrintFormat.DEC),
                ParamInfo.of("exe_ino_mtime", ParamType.ABSTIME, PrintFormat.DEC),
                ParamInfo.of("uid", ParamType.UID, PrintFormat.DEC),
                ParamInfo.of("trusted_exepath", ParamType.FSPATH, PrintFormat.NA),
                ParamInfo.of("pgid", ParamType.PID, PrintFormat.NA),
                ParamInfo.of("gid", ParamType.GID, PrintFormat.DEC));
        t[332] = new EventType(332, "PPME_SYSCALL_COPY_FILE_RANGE_E", "copy_file_range", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_USES_FD | EventType.EF_READS_FROM_FD | EventType.EF_WRITES_TO_FD | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("fdin", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("offin", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("len", ParamType.UINT64, PrintFormat.DEC));
        t[333] = new EventType(333, "PPME_SYSCALL_COPY_FILE_RANGE_X", "copy_file_range", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_USES_FD | EventType.EF_READS_FROM_FD | EventType.EF_WRITES_TO_FD | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("fdout", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("offout", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("fdin", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("offin", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("len", ParamType.UINT64, PrintFormat.DEC));
        t[334] = new EventType(334, "PPME_SYSCALL_CLONE3_E", "clone3", EventType.EC_PROCESS | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_MODIFIES_STATE);
        t[335] = new EventType(335, "PPME_SYSCALL_CLONE3_X", "clone3", EventType.EC_PROCESS | EventType.EC_SYSCALL, EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("exe", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("args", ParamType.BYTEBUF, PrintFormat.NA),
                ParamInfo.of("tid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("pid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("ptid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("cwd", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("fdlimit", ParamType.INT64, PrintFormat.DEC),
                ParamInfo.of("pgft_maj", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("pgft_min", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("vm_size", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("vm_rss", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("vm_swap", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("comm", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("cgroups", ParamType.BYTEBUF, PrintFormat.NA),
                ParamInfo.of("flags", ParamType.FLAGS32, PrintFormat.HEX, FlagTables.CLONE_FLAGS),
                ParamInfo.of("uid", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("gid", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("vtid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("vpid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("pidns_init_start_ts", ParamType.UINT64, PrintFormat.DEC));
        t[336] = new EventType(336, "PPME_SYSCALL_OPEN_BY_HANDLE_AT_E", "open_by_handle_at", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_CREATES_FD | EventType.EF_MODIFIES_STATE);
        t[337] = new EventType(337, "PPME_SYSCALL_OPEN_BY_HANDLE_AT_X", "open_by_handle_at", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_CREATES_FD | EventType.EF_MODIFIES_STATE,
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("mountfd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("flags", ParamType.FLAGS32, PrintFormat.HEX, FlagTables.FILE_FLAGS),
                ParamInfo.of("path", ParamType.FSPATH, PrintFormat.NA),
                ParamInfo.of("dev", ParamType.UINT32, PrintFormat.HEX),
                ParamInfo.of("ino", ParamType.UINT64, PrintFormat.DEC));
        t[338] = new EventType(338, "PPME_SYSCALL_IO_URING_SETUP_E", "io_uring_setup", EventType.EC_IO_OTHER | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_CREATES_FD | EventType.EF_MODIFIES_STATE);
        t[339] = new EventType(339, "PPME_SYSCALL_IO_URING_SETUP_X", "io_uring_setup", EventType.EC_IO_OTHER | EventType.EC_SYSCALL, EventType.EF_CREATES_FD | EventType.EF_MODIFIES_STATE,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("entries", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("sq_entries", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("cq_entries", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("flags", ParamType.FLAGS32, PrintFormat.HEX, FlagTables.IO_URING_SETUP_FLAGS),
                ParamInfo.of("sq_thread_cpu", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("sq_thread_idle", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("features", ParamType.FLAGS32, PrintFormat.HEX, FlagTables.IO_URING_SETUP_FEATS));
        t[340] = new EventType(340, "PPME_SYSCALL_IO_URING_ENTER_E", "io_uring_enter", EventType.EC_IO_OTHER | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION);
        t[341] = new EventType(341, "PPME_SYSCALL_IO_URING_ENTER_X", "io_uring_enter", EventType.EC_IO_OTHER | EventType.EC_SYSCALL, EventType.EF_USES_FD,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("to_submit", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("min_complete", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("flags", ParamType.FLAGS32, PrintFormat.HEX, FlagTables.IO_URING_ENTER_FLAGS),
                ParamInfo.of("sig", ParamType.SIGSET, PrintFormat.DEC));
        t[342] = new EventType(342, "PPME_SYSCALL_IO_URING_REGISTER_E", "io_uring_register", EventType.EC_IO_OTHER | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION);
        t[343] = new EventType(343, "PPME_SYSCALL_IO_URING_REGISTER_X", "io_uring_register", EventType.EC_IO_OTHER | EventType.EC_SYSCALL, EventType.EF_USES_FD,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("opcode", ParamType.ENUMFLAGS16, PrintFormat.DEC, FlagTables.IO_URING_REGISTER_OPCODES),
                ParamInfo.of("arg", ParamType.UINT64, PrintFormat.HEX),
                ParamInfo.of("nr_args", ParamType.UINT32, PrintFormat.DEC));
        t[344] = new EventType(344, "PPME_SYSCALL_MLOCK_E", "mlock", EventType.EC_MEMORY | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION);
        t[345] = new EventType(345, "PPME_SYSCALL_MLOCK_X", "mlock", EventType.EC_MEMORY | EventType.EC_SYSCALL, EventType.EF_NONE,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("addr", ParamType.UINT64, PrintFormat.HEX),
                ParamInfo.of("len", ParamType.UINT64, PrintFormat.DEC));
        t[346] = new EventType(346, "PPME_SYSCALL_MUNLOCK_E", "munlock", EventType.EC_MEMORY | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION);
        t[347] = new EventType(347, "PPME_SYSCALL_MUNLOCK_X", "munlock", EventType.EC_MEMORY | EventType.EC_SYSCALL, EventType.EF_NONE,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("addr", ParamType.UINT64, PrintFormat.HEX),
                ParamInfo.of("len", ParamType.UINT64, PrintFormat.DEC));
        t[348] = new EventType(348, "PPME_SYSCALL_MLOCKALL_E", "mlockall", EventType.EC_MEMORY | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION);
        t[349] = new EventType(349, "PPME_SYSCALL_MLOCKALL_X", "mlockall", EventType.EC_MEMORY | EventType.EC_SYSCALL, EventType.EF_NONE,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("flags", ParamType.FLAGS32, PrintFormat.HEX, FlagTables.MLOCKALL_FLAGS));
        t[350] = new EventType(350, "PPME_SYSCALL_MUNLOCKALL_E", "munlockall", EventType.EC_MEMORY | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION);
        t[351] = new EventType(351, "PPME_SYSCALL_MUNLOCKALL_X", "munlockall", EventType.EC_MEMORY | EventType.EC_SYSCALL, EventType.EF_NONE,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC));
        t[352] = new EventType(352, "PPME_SYSCALL_CAPSET_E", "capset", EventType.EC_PROCESS | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_MODIFIES_STATE);
        t[353] = new EventType(353, "PPME_SYSCALL_CAPSET_X", "capset", EventType.EC_PROCESS | EventType.EC_SYSCALL, EventType.EF_MODIFIES_STATE,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("cap_inheritable", ParamType.UINT64, PrintFormat.HEX),
                ParamInfo.of("cap_permitted", ParamType.UINT64, PrintFormat.HEX),
                ParamInfo.of("cap_effective", ParamType.UINT64, PrintFormat.HEX));
        t[354] = new EventType(354, "PPME_USER_ADDED_E", "useradded", EventType.EC_PROCESS | EventType.EC_METAEVENT, EventType.EF_MODIFIES_STATE,
                ParamInfo.of("uid", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("gid", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("name", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("home", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("shell", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("container_id", ParamType.CHARBUF, PrintFormat.NA));
        t[355] = new EventType(355, "PPME_USER_ADDED_X", "NA", EventType.EC_UNKNOWN, EventType.EF_UNUSED);
        t[356] = new EventType(356, "PPME_USER_DELETED_E", "userdeleted", EventType.EC_PROCESS | EventType.EC_METAEVENT, EventType.EF_MODIFIES_STATE,
                ParamInfo.of("uid", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("gid", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("name", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("home", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("shell", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("container_id", ParamType.CHARBUF, PrintFormat.NA));
        t[357] = new EventType(357, "PPME_USER_DELETED_X", "NA", EventType.EC_UNKNOWN, EventType.EF_UNUSED);
        t[358] = new EventType(358, "PPME_GROUP_ADDED_E", "groupadded", EventType.EC_PROCESS | EventType.EC_METAEVENT, EventType.EF_MODIFIES_STATE,
                ParamInfo.of("gid", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("name", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("container_id", ParamType.CHARBUF, PrintFormat.NA));
        t[359] = new EventType(359, "PPME_GROUP_ADDED_X", "NA", EventType.EC_UNKNOWN, EventType.EF_UNUSED);
    }

    private static void fill9(EventType[] t) {
        t[360] = new EventType(360, "PPME_GROUP_DELETED_E", "groupdeleted", EventType.EC_PROCESS | EventType.EC_METAEVENT, EventType.EF_MODIFIES_STATE,
                ParamInfo.of("gid", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("name", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("container_id", ParamType.CHARBUF, PrintFormat.NA));
        t[361] = new EventType(361, "PPME_GROUP_DELETED_X", "NA", EventType.EC_UNKNOWN, EventType.EF_UNUSED);
        t[362] = new EventType(362, "PPME_SYSCALL_DUP2_E", "dup2", EventType.EC_IO_OTHER | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_CREATES_FD | EventType.EF_USES_FD | EventType.EF_MODIFIES_STATE,
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC));
        t[363] = new EventType(363, "PPME_SYSCALL_DUP2_X", "dup2", EventType.EC_IO_OTHER | EventType.EC_SYSCALL, EventType.EF_CREATES_FD | EventType.EF_USES_FD | EventType.EF_MODIFIES_STATE,
                ParamInfo.of("res", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("oldfd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("newfd", ParamType.FD, PrintFormat.DEC));
        t[364] = new EventType(364, "PPME_SYSCALL_DUP3_E", "dup3", EventType.EC_IO_OTHER | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_CREATES_FD | EventType.EF_USES_FD | EventType.EF_MODIFIES_STATE,
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC));
        t[365] = new EventType(365, "PPME_SYSCALL_DUP3_X", "dup3", EventType.EC_IO_OTHER | EventType.EC_SYSCALL, EventType.EF_CREATES_FD | EventType.EF_USES_FD | EventType.EF_MODIFIES_STATE,
                ParamInfo.of("res", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("oldfd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("newfd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("flags", ParamType.FLAGS32, PrintFormat.HEX, FlagTables.FILE_FLAGS));
        t[366] = new EventType(366, "PPME_SYSCALL_DUP_1_E", "dup", EventType.EC_IO_OTHER | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_CREATES_FD | EventType.EF_USES_FD | EventType.EF_MODIFIES_STATE,
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC));
        t[367] = new EventType(367, "PPME_SYSCALL_DUP_1_X", "dup", EventType.EC_IO_OTHER | EventType.EC_SYSCALL, EventType.EF_CREATES_FD | EventType.EF_USES_FD | EventType.EF_MODIFIES_STATE,
                ParamInfo.of("res", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("oldfd", ParamType.FD, PrintFormat.DEC));
        t[368] = new EventType(368, "PPME_SYSCALL_BPF_2_E", "bpf", EventType.EC_OTHER | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_CREATES_FD,
                ParamInfo.of("cmd", ParamType.INT64, PrintFormat.DEC));
        t[369] = new EventType(369, "PPME_SYSCALL_BPF_2_X", "bpf", EventType.EC_OTHER | EventType.EC_SYSCALL, EventType.EF_CREATES_FD,
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("cmd", ParamType.ENUMFLAGS32, PrintFormat.DEC, FlagTables.BPF_COMMANDS));
        t[370] = new EventType(370, "PPME_SYSCALL_MLOCK2_E", "mlock2", EventType.EC_MEMORY | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION);
        t[371] = new EventType(371, "PPME_SYSCALL_MLOCK2_X", "mlock2", EventType.EC_MEMORY | EventType.EC_SYSCALL, EventType.EF_NONE,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("addr", ParamType.UINT64, PrintFormat.HEX),
                ParamInfo.of("len", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("flags", ParamType.FLAGS32, PrintFormat.HEX, FlagTables.MLOCK2_FLAGS));
        t[372] = new EventType(372, "PPME_SYSCALL_FSCONFIG_E", "fsconfig", EventType.EC_SYSTEM | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION);
        t[373] = new EventType(373, "PPME_SYSCALL_FSCONFIG_X", "fsconfig", EventType.EC_SYSTEM | EventType.EC_SYSCALL, EventType.EF_USES_FD,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("cmd", ParamType.ENUMFLAGS32, PrintFormat.DEC, FlagTables.FSCONFIG_CMDS),
                ParamInfo.of("key", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("value_bytebuf", ParamType.BYTEBUF, PrintFormat.NA),
                ParamInfo.of("value_charbuf", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("aux", ParamType.INT32, PrintFormat.DEC));
        t[374] = new EventType(374, "PPME_SYSCALL_EPOLL_CREATE_E", "epoll_create", EventType.EC_WAIT | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_CREATES_FD | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("size", ParamType.INT32, PrintFormat.DEC));
        t[375] = new EventType(375, "PPME_SYSCALL_EPOLL_CREATE_X", "epoll_create", EventType.EC_WAIT | EventType.EC_SYSCALL, EventType.EF_CREATES_FD | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("size", ParamType.INT32, PrintFormat.DEC));
        t[376] = new EventType(376, "PPME_SYSCALL_EPOLL_CREATE1_E", "epoll_create1", EventType.EC_WAIT | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_CREATES_FD | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("flags", ParamType.FLAGS32, PrintFormat.HEX, FlagTables.EPOLL_CREATE1_FLAGS));
        t[377] = new EventType(377, "PPME_SYSCALL_EPOLL_CREATE1_X", "epoll_create1", EventType.EC_WAIT | EventType.EC_SYSCALL, EventType.EF_CREATES_FD | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("flags", ParamType.FLAGS32, PrintFormat.HEX, FlagTables.EPOLL_CREATE1_FLAGS));
        t[378] = new EventType(378, "PPME_SYSCALL_CHOWN_E", "chown", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION);
        t[379] = new EventType(379, "PPME_SYSCALL_CHOWN_X", "chown", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_NONE,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("path", ParamType.FSPATH, PrintFormat.NA),
                ParamInfo.of("uid", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("gid", ParamType.UINT32, PrintFormat.DEC));
        t[380] = new EventType(380, "PPME_SYSCALL_LCHOWN_E", "lchown", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION);
        t[381] = new EventType(381, "PPME_SYSCALL_LCHOWN_X", "lchown", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_NONE,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("path", ParamType.FSPATH, PrintFormat.NA),
                ParamInfo.of("uid", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("gid", ParamType.UINT32, PrintFormat.DEC));
        t[382] = new EventType(382, "PPME_SYSCALL_FCHOWN_E", "fchown", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION);
        t[383] = new EventType(383, "PPME_SYSCALL_FCHOWN_X", "fchown", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_USES_FD,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("uid", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("gid", ParamType.UINT32, PrintFormat.DEC));
        t[384] = new EventType(384, "PPME_SYSCALL_FCHOWNAT_E", "fchownat", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION);
        t[385] = new EventType(385, "PPME_SYSCALL_FCHOWNAT_X", "fchownat", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_USES_FD,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("dirfd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.relPath("pathname", 1),
                ParamInfo.of("uid", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("gid", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("flags", ParamType.FLAGS32, PrintFormat.HEX, FlagTables.FCHOWNAT_FLAGS));
        t[386] = new EventType(386, "PPME_SYSCALL_UMOUNT_1_E", "umount", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_MODIFIES_STATE);
        t[387] = new EventType(387, "PPME_SYSCALL_UMOUNT_1_X", "umount", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_MODIFIES_STATE,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("name", ParamType.FSPATH, PrintFormat.NA));
        t[388] = new EventType(388, "PPME_SOCKET_ACCEPT4_6_E", "accept4", EventType.EC_NET | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_CREATES_FD | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("flags", ParamType.INT32, PrintFormat.HEX));
        t[389] = new EventType(389, "PPME_SOCKET_ACCEPT4_6_X", "accept4", EventType.EC_NET | EventType.EC_SYSCALL, EventType.EF_CREATES_FD | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("tuple", ParamType.SOCKTUPLE, PrintFormat.NA),
                ParamInfo.of("queuepct", ParamType.UINT8, PrintFormat.DEC),
                ParamInfo.of("queuelen", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("queuemax", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("flags", ParamType.INT32, PrintFormat.HEX));
        t[390] = new EventType(390, "PPME_SYSCALL_UMOUNT2_E", "umount2", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("flags", ParamType.FLAGS32, PrintFormat.HEX, FlagTables.UMOUNT_FLAGS));
        t[391] = new EventType(391, "PPME_SYSCALL_UMOUNT2_X", "umount2", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("name", ParamType.FSPATH, PrintFormat.NA),
                ParamInfo.of("flags", ParamType.FLAGS32, PrintFormat.HEX, FlagTables.UMOUNT_FLAGS));
        t[392] = new EventType(392, "PPME_SYSCALL_PIPE2_E", "pipe2", EventType.EC_IPC | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_CREATES_FD | EventType.EF_MODIFIES_STATE);
        t[393] = new EventType(393, "PPME_SYSCALL_PIPE2_X", "pipe2", EventType.EC_IPC | EventType.EC_SYSCALL, EventType.EF_CREATES_FD | EventType.EF_MODIFIES_STATE,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("fd1", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("fd2", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("ino", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("flags", ParamType.FLAGS32, PrintFormat.HEX, FlagTables.FILE_FLAGS));
        t[394] = new EventType(394, "PPME_SYSCALL_INOTIFY_INIT1_E", "inotify_init1", EventType.EC_IPC | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_CREATES_FD | EventType.EF_MODIFIES_STATE);
        t[395] = new EventType(395, "PPME_SYSCALL_INOTIFY_INIT1_X", "inotify_init1", EventType.EC_IPC | EventType.EC_SYSCALL, EventType.EF_CREATES_FD | EventType.EF_MODIFIES_STATE,
                ParamInfo.of("res", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("flags", ParamType.FLAGS16, PrintFormat.HEX, FlagTables.FILE_FLAGS));
        t[396] = new EventType(396, "PPME_SYSCALL_EVENTFD2_E", "eventfd2", EventType.EC_IPC | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_CREATES_FD | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("initval", ParamType.UINT64, PrintFormat.DEC));
        t[397] = new EventType(397, "PPME_SYSCALL_EVENTFD2_X", "eventfd2", EventType.EC_IPC | EventType.EC_SYSCALL, EventType.EF_CREATES_FD | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("flags", ParamType.FLAGS16, PrintFormat.HEX, FlagTables.FILE_FLAGS),
                ParamInfo.of("initval", ParamType.UINT64, PrintFormat.DEC));
        t[398] = new EventType(398, "PPME_SYSCALL_SIGNALFD4_E", "signalfd4", EventType.EC_SIGNAL | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_CREATES_FD | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("mask", ParamType.UINT32, PrintFormat.HEX));
        t[399] = new EventType(399, "PPME_SYSCALL_SIGNALFD4_X", "signalfd4", EventType.EC_SIGNAL | EventType.EC_SYSCALL, EventType.EF_CREATES_FD | EventType.EF_MODIFIES_STATE | EventType.EF_CONVERTER_MANAGED,
                ParamInfo.of("res", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("flags", ParamType.FLAGS16, PrintFormat.HEX, FlagTables.FILE_FLAGS),
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("mask", ParamType.UINT32, PrintFormat.HEX));
    }

    private static void fill10(EventType[] t) {
        t[400] = new EventType(400, "PPME_SYSCALL_PRCTL_E", "prctl", EventType.EC_PROCESS | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_MODIFIES_STATE);
        t[401] = new EventType(401, "PPME_SYSCALL_PRCTL_X", "prctl", EventType.EC_PROCESS | EventType.EC_SYSCALL, EventType.EF_MODIFIES_STATE,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("option", ParamType.ENUMFLAGS32, PrintFormat.DEC, FlagTables.PRCTL_OPTIONS),
                ParamInfo.of("arg2_str", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("arg2_int", ParamType.INT64, PrintFormat.DEC));
        t[402] = new EventType(402, "PPME_ASYNCEVENT_E", "asyncevent", EventType.EC_OTHER | EventType.EC_METAEVENT, EventType.EF_LARGE_PAYLOAD,
                ParamInfo.of("plugin_id", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("name", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("data", ParamType.BYTEBUF, PrintFormat.NA));
        t[403] = new EventType(403, "PPME_ASYNCEVENT_X", "NA", EventType.EC_UNKNOWN, EventType.EF_UNUSED);
        t[404] = new EventType(404, "PPME_SYSCALL_MEMFD_CREATE_E", "memfd_create", EventType.EC_MEMORY | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_CREATES_FD | EventType.EF_MODIFIES_STATE);
        t[405] = new EventType(405, "PPME_SYSCALL_MEMFD_CREATE_X", "memfd_create", EventType.EC_MEMORY | EventType.EC_SYSCALL, EventType.EF_CREATES_FD | EventType.EF_MODIFIES_STATE,
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("name", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("flags", ParamType.FLAGS32, PrintFormat.HEX, FlagTables.MEMFD_CREATE_FLAGS));
        t[406] = new EventType(406, "PPME_SYSCALL_PIDFD_GETFD_E", "pidfd_getfd", EventType.EC_PROCESS | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_CREATES_FD | EventType.EF_MODIFIES_STATE);
        t[407] = new EventType(407, "PPME_SYSCALL_PIDFD_GETFD_X", "pidfd_getfd", EventType.EC_PROCESS | EventType.EC_SYSCALL, EventType.EF_CREATES_FD | EventType.EF_MODIFIES_STATE,
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("pid_fd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("target_fd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("flags", ParamType.UINT32, PrintFormat.HEX));
        t[408] = new EventType(408, "PPME_SYSCALL_PIDFD_OPEN_E", "pidfd_open", EventType.EC_PROCESS | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_CREATES_FD | EventType.EF_MODIFIES_STATE);
        t[409] = new EventType(409, "PPME_SYSCALL_PIDFD_OPEN_X", "pidfd_open", EventType.EC_PROCESS | EventType.EC_SYSCALL, EventType.EF_CREATES_FD | EventType.EF_MODIFIES_STATE,
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("pid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("flags", ParamType.FLAGS32, PrintFormat.HEX, FlagTables.PIDFD_OPEN_FLAGS));
        t[410] = new EventType(410, "PPME_SYSCALL_INIT_MODULE_E", "init_module", EventType.EC_OTHER | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION);
        t[411] = new EventType(411, "PPME_SYSCALL_INIT_MODULE_X", "init_module", EventType.EC_OTHER | EventType.EC_SYSCALL, EventType.EF_NONE,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("img", ParamType.BYTEBUF, PrintFormat.NA),
                ParamInfo.of("length", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("uargs", ParamType.CHARBUF, PrintFormat.NA));
        t[412] = new EventType(412, "PPME_SYSCALL_FINIT_MODULE_E", "finit_module", EventType.EC_OTHER | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION);
        t[413] = new EventType(413, "PPME_SYSCALL_FINIT_MODULE_X", "finit_module", EventType.EC_OTHER | EventType.EC_SYSCALL, EventType.EF_USES_FD | EventType.EF_READS_FROM_FD,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("uargs", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("flags", ParamType.FLAGS32, PrintFormat.HEX, FlagTables.FINIT_MODULE_FLAGS));
        t[414] = new EventType(414, "PPME_SYSCALL_MKNOD_E", "mknod", EventType.EC_OTHER | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION);
        t[415] = new EventType(415, "PPME_SYSCALL_MKNOD_X", "mknod", EventType.EC_OTHER | EventType.EC_SYSCALL, EventType.EF_NONE,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("path", ParamType.FSPATH, PrintFormat.NA),
                ParamInfo.of("mode", ParamType.MODE, PrintFormat.OCT, FlagTables.MKNOD_MODE),
                ParamInfo.of("dev", ParamType.UINT32, PrintFormat.DEC));
        t[416] = new EventType(416, "PPME_SYSCALL_MKNODAT_E", "mknodat", EventType.EC_OTHER | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION);
        t[417] = new EventType(417, "PPME_SYSCALL_MKNODAT_X", "mknodat", EventType.EC_OTHER | EventType.EC_SYSCALL, EventType.EF_USES_FD,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("dirfd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.relPath("path", 1),
                ParamInfo.of("mode", ParamType.MODE, PrintFormat.OCT, FlagTables.MKNOD_MODE),
                ParamInfo.of("dev", ParamType.UINT32, PrintFormat.DEC));
        t[418] = new EventType(418, "PPME_SYSCALL_NEWFSTATAT_E", "newfstatat", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION);
        t[419] = new EventType(419, "PPME_SYSCALL_NEWFSTATAT_X", "newfstatat", EventType.EC_FILE | EventType.EC_SYSCALL, EventType.EF_USES_FD,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("dirfd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.relPath("path", 1),
                ParamInfo.of("flags", ParamType.FLAGS32, PrintFormat.HEX, FlagTables.NEWFSTATAT_FLAGS));
        t[420] = new EventType(420, "PPME_SYSCALL_PROCESS_VM_READV_E", "process_vm_readv", EventType.EC_SYSCALL | EventType.EC_IPC, EventType.EF_OLD_VERSION);
        t[421] = new EventType(421, "PPME_SYSCALL_PROCESS_VM_READV_X", "process_vm_readv", EventType.EC_SYSCALL | EventType.EC_IPC, EventType.EF_NONE,
                ParamInfo.of("res", ParamType.INT64, PrintFormat.DEC),
                ParamInfo.of("pid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("data", ParamType.BYTEBUF, PrintFormat.NA));
        t[422] = new EventType(422, "PPME_SYSCALL_PROCESS_VM_WRITEV_E", "process_vm_writev", EventType.EC_SYSCALL | EventType.EC_IPC, EventType.EF_OLD_VERSION);
        t[423] = new EventType(423, "PPME_SYSCALL_PROCESS_VM_WRITEV_X", "process_vm_writev", EventType.EC_SYSCALL | EventType.EC_IPC, EventType.EF_NONE,
                ParamInfo.of("res", ParamType.INT64, PrintFormat.DEC),
                ParamInfo.of("pid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("data", ParamType.BYTEBUF, PrintFormat.NA));
        t[424] = new EventType(424, "PPME_SYSCALL_DELETE_MODULE_E", "delete_module", EventType.EC_OTHER | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION);
        t[425] = new EventType(425, "PPME_SYSCALL_DELETE_MODULE_X", "delete_module", EventType.EC_OTHER | EventType.EC_SYSCALL, EventType.EF_NONE,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("name", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("flags", ParamType.FLAGS32, PrintFormat.HEX, FlagTables.DELETE_MODULE_FLAGS));
        t[426] = new EventType(426, "PPME_SYSCALL_SETREUID_E", "setreuid", EventType.EC_USER | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION | EventType.EF_MODIFIES_STATE);
        t[427] = new EventType(427, "PPME_SYSCALL_SETREUID_X", "setreuid", EventType.EC_USER | EventType.EC_SYSCALL, EventType.EF_MODIFIES_STATE,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("ruid", ParamType.UID, PrintFormat.DEC),
                ParamInfo.of("euid", ParamType.UID, PrintFormat.DEC));
        t[428] = new EventType(428, "PPME_SYSCALL_SETREGID_E", "setregid", EventType.EC_USER | EventType.EC_SYSCALL, EventType.EF_OLD_VERSION);
        t[429] = new EventType(429, "PPME_SYSCALL_SETREGID_X", "setregid", EventType.EC_USER | EventType.EC_SYSCALL, EventType.EF_MODIFIES_STATE,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("rgid", ParamType.UID, PrintFormat.DEC),
                ParamInfo.of("egid", ParamType.UID, PrintFormat.DEC));
        t[430] = new EventType(430, "PPME_ITER_TASK_E", "task", EventType.EC_ITER | EventType.EC_PROCESS, EventType.EF_MODIFIES_STATE,
                ParamInfo.of("ppid", ParamType.PID32, PrintFormat.DEC),
                ParamInfo.of("pgid", ParamType.PID32, PrintFormat.DEC),
                ParamInfo.of("vpgid", ParamType.PID32, PrintFormat.DEC),
                ParamInfo.of("sid", ParamType.PID32, PrintFormat.DEC),
                ParamInfo.of("comm", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("argv", ParamType.CHARBUFARRAY, PrintFormat.NA),
                ParamInfo.of("exepath", ParamType.FSPATH, PrintFormat.NA),
                ParamInfo.of("flags", ParamType.FLAGS32, PrintFormat.HEX, FlagTables.EXECVE_FLAGS),
                ParamInfo.of("env", ParamType.CHARBUFARRAY, PrintFormat.NA),
                ParamInfo.of("cwd", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("fdlimit", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("euid", ParamType.UID, PrintFormat.DEC),
                ParamInfo.of("egid", ParamType.GID, PrintFormat.DEC),
                ParamInfo.of("cap_permitted", ParamType.UINT64, PrintFormat.HEX),
                ParamInfo.of("cap_effective", ParamType.UINT64, PrintFormat.HEX),
                ParamInfo.of("cap_inheritable", ParamType.UINT64, PrintFormat.HEX),
                ParamInfo.of("exe_ino_num", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("exe_ino_ctime", ParamType.ABSTIME, PrintFormat.DEC),
                ParamInfo.of("exe_ino_mtime", ParamType.ABSTIME, PrintFormat.DEC),
                ParamInfo.of("vm_size", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("vm_rss", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("vm_swap", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("pgft_maj", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("pgft_min", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("vtgid", ParamType.PID32, PrintFormat.DEC),
                ParamInfo.of("vpid", ParamType.PID32, PrintFormat.DEC),
                ParamInfo.of("pidns_init_start_ts", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("cgroups", ParamType.CHARBUFARRAY, PrintFormat.NA),
                ParamInfo.of("root", ParamType.FSPATH, PrintFormat.NA),
                ParamInfo.of("start_time", ParamType.ABSTIME, PrintFormat.DEC),
                ParamInfo.of("tty", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("loginuid", ParamType.UID, PrintFormat.DEC));
        t[431] = new EventType(431, "PPME_ITER_TASK_X", "NA", EventType.EC_UNKNOWN, EventType.EF_UNUSED);
        t[432] = new EventType(432, "PPME_ITER_TASK_FILE_PIPE_E", "task_file_pipe", EventType.EC_ITER | EventType.EC_FILE, EventType.EF_MODIFIES_STATE,
                ParamInfo.of("fd", ParamType.FD32, PrintFormat.DEC),
                ParamInfo.of("path", ParamType.FSPATH, PrintFormat.NA),
                ParamInfo.of("ino_num", ParamType.UINT64, PrintFormat.DEC));
        t[433] = new EventType(433, "PPME_ITER_TASK_FILE_PIPE_X", "NA", EventType.EC_UNKNOWN, EventType.EF_UNUSED);
        t[434] = new EventType(434, "PPME_ITER_TASK_FILE_MEMFD_E", "task_file_memfd", EventType.EC_ITER | EventType.EC_FILE, EventType.EF_MODIFIES_STATE,
                ParamInfo.of("fd", ParamType.FD32, PrintFormat.DEC),
                ParamInfo.of("path", ParamType.FSPATH, PrintFormat.NA),
                ParamInfo.of("ino_num", ParamType.UINT64, PrintFormat.DEC));
        t[435] = new EventType(435, "PPME_ITER_TASK_FILE_MEMFD_X", "NA", EventType.EC_UNKNOWN, EventType.EF_UNUSED);
        t[436] = new EventType(436, "PPME_ITER_TASK_FILE_REGULAR_E", "task_file_regular", EventType.EC_ITER | EventType.EC_FILE, EventType.EF_MODIFIES_STATE,
                ParamInfo.of("fd", ParamType.FD32, PrintFormat.DEC),
                ParamInfo.of("path", ParamType.FSPATH, PrintFormat.NA),
                ParamInfo.of("flags", ParamType.FLAGS32, PrintFormat.HEX, FlagTables.FILE_FLAGS),
                ParamInfo.of("mnt_id", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("ino_num", ParamType.UINT64, PrintFormat.DEC));
        t[437] = new EventType(437, "PPME_ITER_TASK_FILE_REGULAR_X", "NA", EventType.EC_UNKNOWN, EventType.EF_UNUSED);
        t[438] = new EventType(438, "PPME_ITER_TASK_FILE_DIRECTORY_E", "task_file_directory", EventType.EC_ITER | EventType.EC_FILE, EventType.EF_MODIFIES_STATE,
                ParamInfo.of("fd", ParamType.FD32, PrintFormat.DEC),
                ParamInfo.of("path", ParamType.FSPATH, PrintFormat.NA),
                ParamInfo.of("ino_num", ParamType.UINT64, PrintFormat.DEC));
        t[439] = new EventType(439, "PPME_ITER_TASK_FILE_DIRECTORY_X", "NA", EventType.EC_UNKNOWN, EventType.EF_UNUSED);
    }

    private static void fill11(EventType[] t) {
        t[440] = new EventType(440, "PPME_ITER_TASK_FILE_SOCKET_INET_E", "task_file_socket_inet", EventType.EC_ITER | EventType.EC_FILE, EventType.EF_MODIFIES_STATE,
                ParamInfo.of("fd", ParamType.FD32, PrintFormat.DEC),
                ParamInfo.of("sk_type", ParamType.UINT16, PrintFormat.DEC),
                ParamInfo.of("sk_proto", ParamType.UINT16, PrintFormat.DEC),
                ParamInfo.of("local_ip", ParamType.IPV4ADDR, PrintFormat.HEX),
                ParamInfo.of("local_port", ParamType.PORT, PrintFormat.HEX),
                ParamInfo.of("remote_ip", ParamType.IPV4ADDR, PrintFormat.HEX),
                ParamInfo.of("remote_port", ParamType.PORT, PrintFormat.HEX),
                ParamInfo.of("ino_num", ParamType.UINT64, PrintFormat.DEC));
        t[441] = new EventType(441, "PPME_ITER_TASK_FILE_SOCKET_INET_X", "NA", EventType.EC_UNKNOWN, EventType.EF_UNUSED);
        t[442] = new EventType(442, "PPME_ITER_TASK_FILE_SOCKET_INET6_E", "task_file_socket_inet6", EventType.EC_ITER | EventType.EC_FILE, EventType.EF_MODIFIES_STATE,
                ParamInfo.of("fd", ParamType.FD32, PrintFormat.DEC),
                ParamInfo.of("sk_type", ParamType.UINT16, PrintFormat.DEC),
                ParamInfo.of("sk_proto", ParamType.UINT16, PrintFormat.DEC),
                ParamInfo.of("local_ip", ParamType.IPV6ADDR, PrintFormat.HEX),
                ParamInfo.of("local_port", ParamType.PORT, PrintFormat.HEX),
                ParamInfo.of("remote_ip", ParamType.IPV6ADDR, PrintFormat.HEX),
                ParamInfo.of("remote_port", ParamType.PORT, PrintFormat.HEX),
                ParamInfo.of("ino_num", ParamType.UINT64, PrintFormat.DEC));
        t[443] = new EventType(443, "PPME_ITER_TASK_FILE_SOCKET_INET6_X", "NA", EventType.EC_UNKNOWN, EventType.EF_UNUSED);
        t[444] = new EventType(444, "PPME_ITER_TASK_FILE_SOCKET_UNIX_E", "task_file_socket_unix", EventType.EC_ITER | EventType.EC_FILE, EventType.EF_MODIFIES_STATE,
                ParamInfo.of("fd", ParamType.FD32, PrintFormat.DEC),
                ParamInfo.of("sk_type", ParamType.UINT16, PrintFormat.DEC),
                ParamInfo.of("sk_proto", ParamType.UINT16, PrintFormat.DEC),
                ParamInfo.of("sk_pointer", ParamType.UINT64, PrintFormat.NA),
                ParamInfo.of("sun_path", ParamType.FSPATH, PrintFormat.NA),
                ParamInfo.of("ino_num", ParamType.UINT64, PrintFormat.DEC));
        t[445] = new EventType(445, "PPME_ITER_TASK_FILE_SOCKET_UNIX_X", "NA", EventType.EC_UNKNOWN, EventType.EF_UNUSED);
        t[446] = new EventType(446, "PPME_ITER_TASK_FILE_SOCKET_NETLINK_E", "task_file_socket_netlink", EventType.EC_ITER | EventType.EC_FILE, EventType.EF_MODIFIES_STATE,
                ParamInfo.of("fd", ParamType.FD32, PrintFormat.DEC),
                ParamInfo.of("sk_type", ParamType.UINT16, PrintFormat.DEC),
                ParamInfo.of("sk_proto", ParamType.UINT16, PrintFormat.DEC),
                ParamInfo.of("ino_num", ParamType.UINT64, PrintFormat.DEC));
        t[447] = new EventType(447, "PPME_ITER_TASK_FILE_SOCKET_NETLINK_X", "NA", EventType.EC_UNKNOWN, EventType.EF_UNUSED);
        t[448] = new EventType(448, "PPME_ITER_TASK_FILE_ANON_INODE_E", "task_file_anon_inode", EventType.EC_ITER | EventType.EC_FILE, EventType.EF_MODIFIES_STATE,
                ParamInfo.of("fd", ParamType.FD32, PrintFormat.DEC),
                ParamInfo.of("fd_type", ParamType.FLAGS8, PrintFormat.DEC, FlagTables.ANON_INODE_FD_TYPES),
                ParamInfo.of("path", ParamType.FSPATH, PrintFormat.NA),
                ParamInfo.of("ino_num", ParamType.UINT64, PrintFormat.DEC));
        t[449] = new EventType(449, "PPME_ITER_TASK_FILE_ANON_INODE_X", "NA", EventType.EC_UNKNOWN, EventType.EF_UNUSED);
        t[450] = new EventType(450, "PPME_SYSCALL_CLOSE_RANGE_E", "NA", EventType.EC_UNKNOWN, EventType.EF_UNUSED);
        t[451] = new EventType(451, "PPME_SYSCALL_CLOSE_RANGE_X", "close_range", EventType.EC_IO_OTHER | EventType.EC_SYSCALL, EventType.EF_MODIFIES_STATE,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("first", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("last", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("flags", ParamType.FLAGS32, PrintFormat.HEX, FlagTables.CLOSE_RANGE_FLAGS));
        t[452] = new EventType(452, "PPME_SYSCALL_KEYCTL_E", "NA", EventType.EC_UNKNOWN, EventType.EF_UNUSED);
        t[453] = new EventType(453, "PPME_SYSCALL_KEYCTL_X", "keyctl", EventType.EC_OTHER | EventType.EC_SYSCALL, EventType.EF_NONE,
                ParamInfo.of("res", ParamType.ERRNO, PrintFormat.DEC),
                ParamInfo.of("operation", ParamType.ENUMFLAGS32, PrintFormat.DEC, FlagTables.KEYCTL_OPERATIONS),
                ParamInfo.dyn("arg2", PrintFormat.DEC, DynamicParam.KEYCTL),
                ParamInfo.dyn("arg3", PrintFormat.DEC, DynamicParam.KEYCTL),
                ParamInfo.dyn("arg4", PrintFormat.DEC, DynamicParam.KEYCTL),
                ParamInfo.dyn("arg5", PrintFormat.DEC, DynamicParam.KEYCTL));
    }

}
