package io.peregrine.protocol.event;

/**
 * Parameter types of the scap event table (the PT_* codes). A fixed size is the number of bytes the
 * parameter occupies in a record; -1 marks variable-length types whose size is the parameter length.
 */
public enum ParamType {
    NONE(0, 0), INT8(1, 1), INT16(2, 2), INT32(3, 4), INT64(4, 8),
    UINT8(5, 1), UINT16(6, 2), UINT32(7, 4), UINT64(8, 8),
    CHARBUF(9, -1), BYTEBUF(10, -1), ERRNO(11, 8), SOCKADDR(12, -1), SOCKTUPLE(13, -1),
    FD(14, 8), PID(15, 8), FDLIST(16, -1), FSPATH(17, -1), SYSCALLID(18, 2), SIGTYPE(19, 1),
    RELTIME(20, 8), ABSTIME(21, 8), PORT(22, 2), L4PROTO(23, 1), SOCKFAMILY(24, 1), BOOL(25, 4),
    IPV4ADDR(26, 4), DYN(27, -1), FLAGS8(28, 1), FLAGS16(29, 2), FLAGS32(30, 4), UID(31, 4),
    GID(32, 4), DOUBLE(33, 8), SIGSET(34, 4), CHARBUFARRAY(35, -1), CHARBUF_PAIR_ARRAY(36, -1),
    IPV4NET(37, -1), IPV6ADDR(38, 16), IPV6NET(39, -1), IPADDR(40, -1), IPNET(41, -1), MODE(42, 4),
    FSRELPATH(43, -1), ENUMFLAGS8(44, 1), ENUMFLAGS16(45, 2), ENUMFLAGS32(46, 4), FD32(47, 4),
    PID32(48, 4);

    private static final ParamType[] BY_CODE = values();

    private final int code;
    private final int size;

    ParamType(int code, int size) {
        this.code = code;
        this.size = size;
    }

    /** The PT_* number. */
    public int code() {
        return code;
    }

    /** Fixed size in bytes, or -1 when the size is the parameter's length. */
    public int size() {
        return size;
    }

    public boolean isFixedSize() {
        return size >= 0;
    }

    /** True for the numeric types that are rendered through a flag/enum name table. */
    public boolean isFlags() {
        return switch (this) {
            case FLAGS8, FLAGS16, FLAGS32, ENUMFLAGS8, ENUMFLAGS16, ENUMFLAGS32, MODE -> true;
            default -> false;
        };
    }

    public static ParamType ofCode(int code) {
        return BY_CODE[code];
    }
}
