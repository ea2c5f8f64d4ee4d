package io.peregrine.state.extract;

import io.peregrine.protocol.event.EventTable;
import io.peregrine.protocol.event.EventType;
import io.peregrine.protocol.projection.ProjectionEncoder;
import io.peregrine.state.text.EmptyText;
import io.peregrine.state.fds.FdInfo;
import io.peregrine.protocol.scap.FdTypes;
import io.peregrine.state.parsers.EventContext;
import io.peregrine.state.threads.ThreadInfo;

import java.util.List;

/** The {@code fd.*} fields (libsinsp's fd filtercheck): the fd the event refers to, and the process's fds. */
final class FdFields {

    enum Fd implements ExtractedField {
        NUM("fd.num"), TYPE("fd.type"), TYPECHAR("fd.typechar"), NAME("fd.name"), DIRECTORY("fd.directory"),
        FILENAME("fd.filename"), IP("fd.ip", "fd.net"), CIP("fd.cip", "fd.cnet"), SIP("fd.sip", "fd.snet"),
        LIP("fd.lip", "fd.lnet"), RIP("fd.rip", "fd.rnet"), PORT("fd.port"), CPORT("fd.cport"),
        SPORT("fd.sport"), LPORT("fd.lport"), RPORT("fd.rport"), L4PROTO("fd.l4proto"),
        SOCKFAMILY("fd.sockfamily"), IS_SERVER("fd.is_server"), UID("fd.uid"),
        CONTAINERNAME("fd.containername"), CONTAINERDIRECTORY("fd.containerdirectory"),
        CONNECTED("fd.connected"), NAME_CHANGED("fd.name_changed"), DEV("fd.dev"), DEV_MAJOR("fd.dev.major"),
        DEV_MINOR("fd.dev.minor"), INO("fd.ino"), NAMERAW("fd.nameraw"), TYPES("fd.types");

        private final List<String> names;

        Fd(String... names) {
            this.names = List.of(names);
        }

        @Override
        public FieldFamily family() {
            return FieldFamily.FD;
        }

        @Override
        public List<String> names() {
            return names;
        }
    }

    private static final byte[] HOST = {'h', 'o', 's', 't'};
    private static final byte[] ROOT = {'/'};
    private static final byte[] IP_FAMILY = {'i', 'p'};
    private static final byte[] UNIX_FAMILY = {'u', 'n', 'i', 'x'};

    void extract(CompiledField f, EventContext c, ProjectionEncoder out) {
        Fd field = (Fd) f.field;
        FdInfo fd = c.fd;
        if (field == Fd.NUM) {
            if (c.fdNum >= 0 || fd != null) {
                out.int64(c.fdNum);
            } else if (c.fdEvent) {
                out.int64(-1); // libsinsp's "no fd" value for a call that has or makes one
            } else {
                out.absent();
            }
            return;
        }
        if (field == Fd.TYPES) {
            types(f, c, out);
            return;
        }
        if (fd == null) {
            noEntry(field, c, out);
            return;
        }
        switch (field) {
            case TYPE -> nameOrAbsent(FdTypes.typeName(fd.type), out);
            case TYPECHAR -> typeChar(fd, out);
            case NAME -> out.bytes(fd.name);
            case NAMERAW -> out.bytes(fd.nameRaw != null ? fd.nameRaw : fd.name);
            case DIRECTORY, FILENAME -> pathPart(field, fd, out);
            case IP, CIP, SIP, LIP, RIP, PORT, CPORT, SPORT, LPORT, RPORT -> endpoint(field, fd, c, out);
            case L4PROTO -> nameOrAbsent(fd.isIp() && (fd.connected || fd.server)
                    ? FdTypes.l4protoName(fd.l4proto) : null, out);
            case SOCKFAMILY -> nameOrAbsent(fd.isIp() ? IP_FAMILY
                    : fd.type == FdTypes.UNIX_SOCK ? UNIX_FAMILY : null, out);
            case IS_SERVER -> out.bool(isServer(fd, c));
            case CONNECTED -> {
                if (!fd.isSocket()) {
                    out.absent();
                } else {
                    out.bool(fd.connected);
                }
            }
            case NAME_CHANGED -> out.bool(c.fdNameChanged);
            case UID -> {
                int at = out.beginBytes();
                out.appendDecimal(c.thread == null ? c.evt.tid() : c.thread.tid);
                out.appendDecimal(c.fdNum);
                out.endBytes(at);
            }
            case CONTAINERNAME, CONTAINERDIRECTORY -> inContainer(field, c, fd, out);
            case DEV -> out.int64(fd.dev);
            case DEV_MAJOR -> out.int64((fd.dev >>> 20) & 0xfff);
            case DEV_MINOR -> out.int64(fd.dev & 0xfffff);
            case INO -> out.int64(fd.ino);
            case NUM, TYPES -> out.absent();
        }
    }

    /**
     * Kind of fd a call makes, for an fd call whose fd has no entry (libsinsp guesses fd.typechar
     * from the event type; current libsinsp no longer guesses "file" for open, only for openat,
     * openat2 and creat). Indexed by scap code.
     */
    private static final byte[] GUESSED_TYPECHAR = new byte[EventTable.SCAP_LIMIT];

    static {
        for (int code = 0; code < EventTable.SCAP_LIMIT; code++) {
            EventType t = EventTable.get(code);
            GUESSED_TYPECHAR[code] = (byte) (t == null ? 'o' : switch (t.name()) {
                case "openat", "openat2", "creat" -> 'f';
                case "socket", "accept", "accept4" -> '4';
                case "pipe", "pipe2" -> 'p';
                case "eventfd", "eventfd2" -> 'e';
                case "signalfd", "signalfd4" -> 's';
                case "timerfd_create" -> 't';
                case "inotify_init", "inotify_init1" -> 'i';
                default -> 'o';
            });
        }
    }

    /**
     * An fd call whose fd is not in the table (never seen opened, or the call failed): as
     * libsinsp, fd.typechar is guessed from the call, and an exit event names the fd by its own
     * parameters (a failed open's path), else with the empty string, whose directory is "/".
     */
    private static void noEntry(Fd field, EventContext c, ProjectionEncoder out) {
        if (!c.fdEvent) {
            out.absent();
            return;
        }
        switch (field) {
            case TYPECHAR -> {
                int at = out.beginBytes();
                out.append(GUESSED_TYPECHAR[c.evt.type()]);
                out.endBytes(at);
            }
            case NAME, NAMERAW, DIRECTORY -> {
                if (!c.isExit()) {
                    out.absent();
                    return;
                }
                byte[] n = c.fdNameFromEvent != null ? c.fdNameFromEvent : EmptyText.BYTES;
                if (field != Fd.DIRECTORY) {
                    out.bytes(n);
                    return;
                }
                int slash = lastSlash(n);
                if (slash <= 0) {
                    out.bytes(ROOT);
                } else {
                    out.bytes(n, 0, slash < n.length - 1 ? slash : n.length);
                }
            }
            default -> out.absent();
        }
    }

    /**
     * libsinsp's fd.is_server: a listening socket, or one whose server address is the machine's
     * own (so a connect to a local port is on the server side as well, and an unconnected IPv6
     * socket, whose server address is {@code ::}, wherever {@code ::1} is an interface). Without an
     * interface list (a capture file without one) the side the calls gave the socket is used.
     */
    private static boolean isServer(FdInfo fd, EventContext c) {
        if (fd.type == FdTypes.IPV4_SERVSOCK || fd.type == FdTypes.IPV6_SERVSOCK) {
            return true;
        }
        if (!fd.isIp()) {
            return false;
        }
        if (!hostAddressesApply(c) || fd.ipVersion == 0) {
            return fd.server;
        }
        return c.localAddresses.contains(fd.ipVersion, fd.serverHi, fd.serverLo);
    }

    /**
     * Which end fd.lip/lport name, as libsinsp decides it: the client's when the client address is
     * one of the machine's interfaces, else the server's; so over loopback both sockets of a
     * connection name the client's end as local. Without an interface list, the side the calls
     * gave the socket.
     */
    private static boolean clientIsLocal(FdInfo fd, EventContext c) {
        if (!hostAddressesApply(c)) {
            return !fd.server;
        }
        return c.localAddresses.contains(fd.ipVersion, fd.clientHi, fd.clientLo);
    }

    /**
     * Whether the machine's interface list decides the ends: only for a thread of the host. A
     * thread in a container has its own network (libsinsp compares with the container's address
     * there); the host's list would make a pod's outbound connection look inbound, its own address
     * the remote one (Network Connection outside Local Subnet stopped firing), so the side the calls
     * gave the socket decides.
     */
    private static boolean hostAddressesApply(EventContext c) {
        return c.localAddresses != null && !c.localAddresses.isEmpty()
                && (c.thread == null || c.thread.container.isHost());
    }

    private static void nameOrAbsent(byte[] name, ProjectionEncoder out) {
        if (name == null) {
            out.absent();
        } else {
            out.bytes(name);
        }
    }

    private static void typeChar(FdInfo fd, ProjectionEncoder out) {
        byte ch = FdTypes.typeChar(fd.type);
        if (ch == 0) {
            out.absent();
        } else {
            int at = out.beginBytes();
            out.append(ch);
            out.endBytes(at);
        }
    }

    private static void pathPart(Fd field, FdInfo fd, ProjectionEncoder out) {
        if (!fd.isFile()) {
            out.absent();
            return;
        }
        byte[] n = fd.name;
        int slash = lastSlash(n);
        if (fd.type == FdTypes.DIRECTORY && field == Fd.DIRECTORY) {
            out.bytes(n);
        } else if (fd.type == FdTypes.DIRECTORY) {
            out.absent();
        } else if (field == Fd.DIRECTORY) {
            out.bytes(n, 0, slash <= 0 ? (slash == 0 ? 1 : 0) : slash);
        } else {
            out.bytes(n, slash + 1, n.length - slash - 1);
        }
    }

    private static void inContainer(Fd field, EventContext c, FdInfo fd, ProjectionEncoder out) {
        byte[] id = c.thread == null ? HOST : c.thread.container.id();
        int at = out.beginBytes();
        out.append(id, 0, id.length);
        out.append((byte) ':');
        if (field == Fd.CONTAINERNAME) {
            out.append(fd.name, 0, fd.name.length);
        } else {
            int slash = lastSlash(fd.name);
            out.append(fd.name, 0, Math.max(slash, 0));
        }
        out.endBytes(at);
    }

    private static int lastSlash(byte[] n) {
        for (int i = n.length - 1; i >= 0; i--) {
            if (n[i] == '/') {
                return i;
            }
        }
        return -1;
    }

    private static void endpoint(Fd field, FdInfo fd, EventContext c, ProjectionEncoder out) {
        if (!fd.isIp() || fd.ipVersion == 0 || !(fd.connected || fd.server)) {
            out.absent();
            return;
        }
        boolean clientKnown = fd.clientPort != 0 || fd.clientLo != 0 || fd.clientHi != 0;
        boolean client = switch (field) {
            case CIP, CPORT -> true;
            case SIP, SPORT, IP, PORT -> false;
            default -> (field == Fd.LIP || field == Fd.LPORT) == clientIsLocal(fd, c);
        };
        boolean port = field == Fd.PORT || field == Fd.CPORT || field == Fd.SPORT || field == Fd.LPORT
                || field == Fd.RPORT;
        if (client && !clientKnown) {
            out.absent();
            return;
        }
        if (port) {
            out.uint64(client ? fd.clientPort : fd.serverPort);
            return;
        }
        long hi = client ? fd.clientHi : fd.serverHi;
        long lo = client ? fd.clientLo : fd.serverLo;
        if (fd.ipVersion == 4) {
            out.ip4((int) lo);
        } else {
            out.ip6(hi, lo);
        }
    }

    private static void types(CompiledField f, EventContext c, ProjectionEncoder out) {
        ThreadInfo t = c.thread;
        if (t == null || t.fds == null) {
            out.absent();
            return;
        }
        if (f.index >= 0) {
            FdInfo s = t.fds.get(f.index);
            nameOrAbsent(s == null ? null : FdTypes.typeName(s.type), out);
            return;
        }
        // Distinct kinds among the process's fds.
        out.beginList();
        int seen = 0;
        for (int i = 0; i < t.fds.capacity(); i++) {
            FdInfo s = t.fds.get(i);
            if (s == null || s.type <= 0 || s.type >= 32 || (seen & (1 << s.type)) != 0) {
                continue;
            }
            byte[] n = FdTypes.typeName(s.type);
            if (n != null) {
                seen |= 1 << s.type;
                out.bytes(n);
            }
        }
        out.endList();
    }
}
