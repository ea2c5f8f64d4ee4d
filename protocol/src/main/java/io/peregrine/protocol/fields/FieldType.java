package io.peregrine.protocol.fields;

/**
 * Value types of filter fields, named as Falco's field reference names them. The type decides how
 * a rule's literal is parsed and which operators apply.
 */
public enum FieldType {
    INT8, INT16, INT32, INT64, UINT8, UINT16, UINT32, UINT64,
    /** Text. */
    CHARBUF,
    /** Raw bytes (e.g. I/O buffers); compared with the b* operators. */
    BYTEBUF,
    BOOL,
    /** An IPv4 or IPv6 address. */
    IPADDR,
    /** An address or a network in CIDR form; compares against networks. */
    IPNET,
    PORT,
    /** An absolute file system path. */
    FSPATH,
    /** A path that may be relative to the process cwd. */
    FSRELPATH,
    /** A duration in nanoseconds. */
    RELTIME,
    /** A point in time, nanoseconds since the epoch. */
    ABSTIME,
    DOUBLE;

    /** True for the integer-valued types, including ports and times. */
    public boolean numeric() {
        return switch (this) {
            case INT8, INT16, INT32, INT64, UINT8, UINT16, UINT32, UINT64, PORT, RELTIME, ABSTIME -> true;
            default -> false;
        };
    }

    /** True for the types whose values are text. */
    public boolean textual() {
        return this == CHARBUF || this == FSPATH || this == FSRELPATH || this == BYTEBUF;
    }
}
