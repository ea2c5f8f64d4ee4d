package io.peregrine.state.fds;

import io.peregrine.protocol.scap.FdTypes;
import io.peregrine.state.text.EmptyText;

/**
 * One open file descriptor, as libsinsp's fdinfo: its kind, its name (path for files, tuple text
 * for sockets), and for sockets the endpoints. Names are UTF-8 bytes so that projection copies
 * them without decoding. A dup'ed fd is a copy with the same (shared, immutable) name array.
 */
public final class FdInfo {
    /** Kind: one of {@link FdTypes}. */
    public byte type;
    public boolean cloexec;
    /** For sockets: this process is the server side (accepted, listening, or bound). */
    public boolean server;
    public boolean connected;
    /** Socket family of the endpoints below: 0 none, 4 IPv4, 6 IPv6. */
    public byte ipVersion;
    /** Transport: FdTypes.L4_*. */
    public byte l4proto;
    public int openFlags;
    public int dev;
    public long ino;
    /** Full name: normalised path, socket tuple text, or description. Never null. */
    public byte[] name = EmptyText.BYTES;
    /** Name as the call passed it, before resolution (files only; null when the same as name). */
    public byte[] nameRaw;
    /** Client and server endpoints: IPv4 in the low 32 bits of the *Lo words, IPv6 as two halves. */
    public long clientHi;
    public long clientLo;
    public long serverHi;
    public long serverLo;
    public int clientPort;
    public int serverPort;

    public FdInfo copy() {
        FdInfo c = new FdInfo();
        c.type = type;
        c.cloexec = cloexec;
        c.server = server;
        c.connected = connected;
        c.ipVersion = ipVersion;
        c.l4proto = l4proto;
        c.openFlags = openFlags;
        c.dev = dev;
        c.ino = ino;
        c.name = name;
        c.nameRaw = nameRaw;
        c.clientHi = clientHi;
        c.clientLo = clientLo;
        c.serverHi = serverHi;
        c.serverLo = serverLo;
        c.clientPort = clientPort;
        c.serverPort = serverPort;
        return c;
    }

    public boolean isSocket() {
        return type == FdTypes.IPV4_SOCK || type == FdTypes.IPV6_SOCK || type == FdTypes.IPV4_SERVSOCK
                || type == FdTypes.IPV6_SERVSOCK || type == FdTypes.UNIX_SOCK || type == FdTypes.NETLINK;
    }

    public boolean isIp() {
        return type == FdTypes.IPV4_SOCK || type == FdTypes.IPV6_SOCK || type == FdTypes.IPV4_SERVSOCK
                || type == FdTypes.IPV6_SERVSOCK;
    }

    public boolean isFile() {
        return type == FdTypes.FILE || type == FdTypes.DIRECTORY || type == FdTypes.FILE_V2;
    }
}
