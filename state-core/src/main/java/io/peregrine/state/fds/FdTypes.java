package io.peregrine.state.fds;

import java.nio.charset.StandardCharsets;

/** The scap fd kinds (the numbers seed events carry) with Falco's type names and type letters. */
public final class FdTypes {
    private FdTypes() {
    }

    public static final byte[] EMPTY = new byte[0];

    public static final byte UNINITIALIZED = 0;
    public static final byte FILE = 1;
    public static final byte DIRECTORY = 2;
    public static final byte IPV4_SOCK = 3;
    public static final byte IPV6_SOCK = 4;
    public static final byte IPV4_SERVSOCK = 5;
    public static final byte IPV6_SERVSOCK = 6;
    public static final byte FIFO = 7;
    public static final byte UNIX_SOCK = 8;
    public static final byte EVENT = 9;
    public static final byte UNSUPPORTED = 10;
    public static final byte SIGNALFD = 11;
    public static final byte EVENTPOLL = 12;
    public static final byte INOTIFY = 13;
    public static final byte TIMERFD = 14;
    public static final byte NETLINK = 15;
    public static final byte FILE_V2 = 16;
    public static final byte BPF = 17;
    public static final byte USERFAULTFD = 18;
    public static final byte IO_URING = 19;
    public static final byte MEMFD = 20;
    public static final byte PIDFD = 21;
    public static final int COUNT = 22;

    /** scap l4 protocols. */
    public static final byte L4_UNKNOWN = 0;
    public static final byte L4_NA = 1;
    public static final byte L4_TCP = 2;
    public static final byte L4_UDP = 3;
    public static final byte L4_ICMP = 4;
    public static final byte L4_RAW = 5;

    private static final byte[][] NAMES = new byte[COUNT][];
    private static final byte[] CHARS = new byte[COUNT];
    private static final byte[][] L4 = {
            null, null, bytes("tcp"), bytes("udp"), bytes("icmp"), bytes("raw")};

    static {
        name(FILE, "file", 'f');
        name(DIRECTORY, "directory", 'd');
        name(IPV4_SOCK, "ipv4", '4');
        name(IPV6_SOCK, "ipv6", '6');
        name(IPV4_SERVSOCK, "ipv4", '4');
        name(IPV6_SERVSOCK, "ipv6", '6');
        name(FIFO, "pipe", 'p');
        name(UNIX_SOCK, "unix", 'u');
        name(EVENT, "event", 'e');
        name(UNSUPPORTED, "unknown", 'o');
        name(SIGNALFD, "signalfd", 's');
        name(EVENTPOLL, "eventpoll", 'l');
        name(INOTIFY, "inotify", 'i');
        name(TIMERFD, "timerfd", 't');
        name(NETLINK, "netlink", 'n');
        name(FILE_V2, "file", 'f');
        name(BPF, "bpf", 'b');
        name(USERFAULTFD, "userfaultfd", 'u');
        name(IO_URING, "io_uring", 'r');
        name(MEMFD, "memfd", 'm');
        name(PIDFD, "pidfd", 'P');
    }

    private static void name(byte type, String name, char c) {
        NAMES[type] = bytes(name);
        CHARS[type] = (byte) c;
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Falco's fd.type text, or null for an unknown kind. */
    public static byte[] typeName(int type) {
        return type > 0 && type < COUNT ? NAMES[type] : null;
    }

    /** Falco's fd.typechar, or 0 for an unknown kind. */
    public static byte typeChar(int type) {
        return type > 0 && type < COUNT ? CHARS[type] : 0;
    }

    /** fd.l4proto text, or null. */
    public static byte[] l4protoName(int l4) {
        return l4 > 0 && l4 < L4.length ? L4[l4] : null;
    }
}
