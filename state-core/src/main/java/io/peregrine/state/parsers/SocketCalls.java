package io.peregrine.state.parsers;

import io.peregrine.state.text.EmptyText;
import io.peregrine.protocol.event.EventRecord;
import io.peregrine.protocol.event.EventTable;
import io.peregrine.state.fds.FdInfo;
import io.peregrine.protocol.scap.FdTypes;
import io.peregrine.state.fds.TupleFormatter;
import io.peregrine.state.threads.ThreadInfo;

import static io.peregrine.state.parsers.Params.*;

/** socket, socketpair, connect, accept, bind, listen, and the sends and receives that name a datagram socket. */
final class SocketCalls {

    private static final int AF_UNIX = 1, AF_INET = 2, AF_INET6 = 10, AF_NETLINK = 16;
    private static final long EINPROGRESS = -115;
    private static final int SOCK_CLOEXEC = 0x80000;

    private final StateTables tables;
    private final TupleFormatter tuples;
    private final SocketAddresses addresses;

    SocketCalls(StateTables tables) {
        this.tables = tables;
        this.tuples = tables.tuples;
        this.addresses = new SocketAddresses(tables.tuples);
    }

    void onSocket(EventContext c, EventRecord e, ThreadInfo t, int code) {
        long fd = FdCalls.resultFd(e, code);
        c.fdNum = fd;
        if (fd < 0) {
            return;
        }
        EventRecord src = has(e, Params.of(code, DOMAIN)) ? e : c.enter;
        long domain = src == null ? 0 : paramOf(src, DOMAIN, 0);
        long type = src == null ? 0 : paramOf(src, TYPE, 0);
        long proto = src == null ? 0 : paramOf(src, PROTO, 0);
        FdInfo f = new FdInfo();
        f.type = switch ((int) domain) {
            case AF_INET -> FdTypes.IPV4_SOCK;
            case AF_INET6 -> FdTypes.IPV6_SOCK;
            case AF_UNIX -> FdTypes.UNIX_SOCK;
            case AF_NETLINK -> FdTypes.NETLINK;
            default -> FdTypes.UNSUPPORTED;
        };
        f.ipVersion = (byte) (domain == AF_INET ? 4 : domain == AF_INET6 ? 6 : 0);
        f.l4proto = l4(type, proto);
        f.cloexec = (type & SOCK_CLOEXEC) != 0;
        tables.addFd(c, t, fd, f);
    }

    private static byte l4(long type, long proto) {
        return switch ((int) (type & 0xf)) {
            case 1 -> FdTypes.L4_TCP;
            case 2 -> FdTypes.L4_UDP;
            case 3 -> proto == 1 || proto == 58 ? FdTypes.L4_ICMP : FdTypes.L4_RAW;
            default -> proto == 6 ? FdTypes.L4_TCP : proto == 17 ? FdTypes.L4_UDP : FdTypes.L4_UNKNOWN;
        };
    }

    void onSocketpair(EventContext c, EventRecord e, ThreadInfo t, int code) {
        if (param(e, code, RES, -1) < 0) {
            return;
        }
        long source = param(e, code, SOURCE, 0);
        long peer = param(e, code, PEER, 0);
        long domain = param(e, code, DOMAIN, AF_UNIX);
        for (int key : new int[] {FD1, FD2}) {
            long fd = param(e, code, key, -1);
            if (fd >= 0) {
                FdInfo f = new FdInfo();
                f.type = domain == AF_UNIX ? FdTypes.UNIX_SOCK : FdTypes.UNSUPPORTED;
                f.clientLo = source;
                f.serverLo = peer;
                f.name = EmptyText.BYTES; // libsinsp names neither end of a socketpair
                tables.addFd(c, t, fd, f);
            }
        }
        c.fd = null;
        c.fdNum = -1;
    }

    void onConnect(EventContext c, EventRecord e, ThreadInfo t, int code) {
        long res = param(e, code, RES, -1);
        FdInfo f = t.fds == null ? null : t.fds.get(c.fdNum);
        if (f == null || (res != 0 && res != EINPROGRESS)) {
            return;
        }
        int ti = Params.of(code, TUPLE);
        if (has(e, ti) && addresses.setTuple(f, e, ti, false)) {
            f.connected = true;
            c.fdNameChanged = true;
        } else if (c.enter != null && has(c.enter, Params.of(c.enter.type(), ADDR))) {
            addresses.setAddr(f, c.enter, Params.of(c.enter.type(), ADDR), false);
            f.connected = true;
            c.fdNameChanged = true;
        }
        c.fd = f;
    }

    void onAccept(EventContext c, EventRecord e, ThreadInfo t, int code) {
        long fd = FdCalls.resultFd(e, code);
        c.fdNum = fd;
        if (fd < 0) {
            return;
        }
        FdInfo f = new FdInfo();
        int ti = Params.of(code, TUPLE);
        if (has(e, ti)) {
            addresses.setTuple(f, e, ti, true);
        }
        if (f.type == FdTypes.UNKNOWN) {
            f.type = FdTypes.UNSUPPORTED;
        }
        f.server = true;
        f.connected = true;
        c.fdNameChanged = true;
        tables.addFd(c, t, fd, f);
    }

    void onBind(EventContext c, EventRecord e, ThreadInfo t, int code) {
        if (param(e, code, RES, -1) != 0) {
            return;
        }
        FdInfo f = t.fds == null ? null : t.fds.get(c.fdNum);
        int ai = Params.of(code, ADDR);
        // a bind to port 0 (any port) makes no server: libsinsp leaves the socket as it was
        if (f != null && has(e, ai) && addresses.setBound(f, e, ai)) {
            f.server = true;
        }
    }

    void onListen(EventContext c, EventRecord e, ThreadInfo t, int code) {
        // Nothing: libsinsp gives listen no meaning (a socket is a server by bind to a port, or accept).
    }

    void onSendRecv(EventContext c, EventRecord e, ThreadInfo t, int code) {
        FdInfo f = t.fds == null ? null : t.fds.get(c.fdNum);
        int ti = Params.of(code, TUPLE);
        if (f == null || f.connected || !f.isIp() || !has(e, ti)) {
            return;
        }
        // An unconnected (datagram) socket: the tuple of the last message names it.
        boolean inbound = EventTable.get(code).name().startsWith("recv");
        if (addresses.setTuple(f, e, ti, inbound)) {
            c.fdNameChanged = true;
        }
    }
}
