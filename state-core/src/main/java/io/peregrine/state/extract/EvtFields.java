package io.peregrine.state.extract;

import io.peregrine.protocol.scap.ErrnoNames;
import io.peregrine.protocol.scap.SysdigFormatter;
import io.peregrine.protocol.event.EventRecord;
import io.peregrine.protocol.event.EventTable;
import io.peregrine.protocol.event.EventType;
import io.peregrine.protocol.event.ParamInfo;
import io.peregrine.protocol.event.ParamType;
import io.peregrine.protocol.projection.ProjectionEncoder;
import io.peregrine.state.fds.FdInfo;
import io.peregrine.protocol.scap.FdTypes;
import io.peregrine.state.parsers.EventContext;
import io.peregrine.state.threads.ThreadInfo;
import io.peregrine.state.threads.ThreadTable;

import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The {@code evt.*} fields (libsinsp's evt filtercheck): the event itself, its arguments and result. */
final class EvtFields {

    enum Evt implements ExtractedField {
        NUM("evt.num"), RAWTIME("evt.rawtime"), RAWTIME_S("evt.rawtime.s"), RAWTIME_NS("evt.rawtime.ns"),
        DIR("evt.dir"), TYPE("evt.type"), TYPE_IS("evt.type.is"), SYSCALL_TYPE("syscall.type"),
        CATEGORY("evt.category"), ARGS("evt.args"), ARG("evt.arg"), RAWARG("evt.rawarg"), RES("evt.res"),
        RAWRES("evt.rawres"), FAILED("evt.failed"), IS_IO("evt.is_io"), IS_IO_READ("evt.is_io_read"),
        IS_IO_WRITE("evt.is_io_write"), IO_DIR("evt.io_dir"), IS_WAIT("evt.is_wait"), COUNT("evt.count"),
        IS_OPEN_READ("evt.is_open_read"), IS_OPEN_WRITE("evt.is_open_write"), IS_OPEN_EXEC("evt.is_open_exec"),
        IS_OPEN_CREATE("evt.is_open_create"), SOURCE("evt.source"), HOSTNAME("evt.hostname"),
        BUFLEN("evt.buflen"), BUFFER("evt.buffer"), ABSPATH("evt.abspath");

        private final List<String> names;

        Evt(String... names) {
            this.names = List.of(names);
        }

        @Override
        public FieldFamily family() {
            return FieldFamily.EVT;
        }

        @Override
        public List<String> names() {
            return names;
        }
    }

    private static final byte[] ENTER = {'>'};
    private static final byte[] EXIT = {'<'};
    private static final byte[] SUCCESS = bytes("SUCCESS");
    private static final byte[] SYSCALL = bytes("syscall");
    private static final byte[] R = {'r'};
    private static final byte[] W = {'w'};
    private static final int O_RDONLY = 1, O_WRONLY = 2, O_CREAT = 4, O_F_CREATED = 16384;

    /** evt.type text per scap code; null for generic events, whose name depends on the record. */
    private static final byte[][] TYPE_NAMES = new byte[EventTable.SCAP_LIMIT][];
    /** Position of the result parameter per scap code (-1: none), computed once. */
    private static final byte[] RES_INDEX = new byte[EventTable.SCAP_LIMIT];

    static {
        for (int code = 0; code < EventTable.SCAP_LIMIT; code++) {
            EventType et = EventTable.get(code);
            if (et != null && code >= 2) {
                TYPE_NAMES[code] = bytes(et.name());
            }
            RES_INDEX[code] = (byte) (et == null ? -1 : resIndexOf(et));
        }
    }

    private final byte[] hostname;
    private final FsPathFields paths;
    private final StringBuilder text = new StringBuilder(256);
    private final SysdigFormatter formatter;
    /** The event being extracted, for the formatter's fd and pid names. */
    private EventContext current;

    EvtFields(ThreadTable threads, String hostname, FsPathFields paths) {
        this.hostname = hostname.getBytes(StandardCharsets.UTF_8);
        this.paths = paths;
        this.formatter = new SysdigFormatter(new SysdigFormatter.Resolver() {
            @Override
            public boolean fd(EventRecord event, long fd, StringBuilder out) {
                if (fd < 0 && event.eventType() != null && event.eventType().hasFlag(EventType.EF_CREATES_FD)) {
                    // a failed call's result: libsinsp names the errno
                    String name = ErrnoNames.name((int) -fd);
                    if (name != null) {
                        out.append(name);
                    }
                    return name != null;
                }
                ThreadInfo t = current == null ? null : current.thread;
                FdInfo f = t == null || t.fds == null ? null : t.fds.get(fd);
                if (f == null) {
                    return false;
                }
                out.append('<').append((char) FdTypes.typeChar(f.type));
                if (f.isIp() && f.l4proto >= FdTypes.L4_TCP && (f.connected || f.server)) {
                    out.append("tuir".charAt(f.l4proto - FdTypes.L4_TCP));
                }
                out.append('>');
                for (byte b : f.name) {
                    out.append((char) (b & 0xff));
                }
                return true;
            }

            @Override
            public boolean pid(EventRecord event, long pid, StringBuilder out) {
                ThreadInfo t = threads.get(pid);
                if (t == null || t.comm.length == 0) {
                    return false;
                }
                for (byte b : t.comm) {
                    out.append((char) (b & 0xff));
                }
                return true;
            }
        });
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    void extract(CompiledField f, EventContext c, ProjectionEncoder out) {
        current = c;
        EventRecord e = c.evt;
        switch ((Evt) f.field) {
            case NUM -> out.uint64(c.num);
            case RAWTIME -> out.uint64(e.ts());
            case RAWTIME_S -> out.uint64(e.ts() / 1_000_000_000L);
            case RAWTIME_NS -> out.uint64(e.ts() % 1_000_000_000L);
            case DIR -> out.bytes(c.isExit() ? EXIT : ENTER);
            case TYPE, SYSCALL_TYPE -> type(c, out);
            case TYPE_IS -> out.bool(typeIs(c, f.key));
            case CATEGORY -> category(c.type, out);
            case ARGS -> args(e, out);
            case ARG -> arg(f, c, out, false);
            case RAWARG -> arg(f, c, out, true);
            case RES, RAWRES, FAILED -> res((Evt) f.field, c, out);
            case IS_IO, IS_IO_READ, IS_IO_WRITE, IO_DIR -> io((Evt) f.field, c.type, out);
            case IS_WAIT -> out.bool(c.type.hasFlag(EventType.EF_WAITS));
            case COUNT -> out.uint64(1);
            case IS_OPEN_READ, IS_OPEN_WRITE, IS_OPEN_EXEC, IS_OPEN_CREATE -> openFlags((Evt) f.field, c, out);
            case SOURCE -> out.bytes(SYSCALL);
            case HOSTNAME -> out.bytes(hostname);
            case BUFLEN, BUFFER -> buffer((Evt) f.field, c, out);
            case ABSPATH -> paths.extract(FsPathFields.FsPath.NAME, c, out);
        }
    }

    private void type(EventContext c, ProjectionEncoder out) {
        EventRecord e = c.evt;
        if (GenericEventNames.isGeneric(e.type())) {
            out.bytes(GenericEventNames.name(c));
        } else if (e.type() < TYPE_NAMES.length && TYPE_NAMES[e.type()] != null) {
            out.bytes(TYPE_NAMES[e.type()]);
        } else {
            text.setLength(0);
            text.append(SysdigFormatter.typeName(e));
            latin1(out);
        }
    }

    private static boolean typeIs(EventContext c, String key) {
        if (key == null) {
            return false;
        }
        if (!GenericEventNames.isGeneric(c.evt.type())) {
            return key.equals(SysdigFormatter.typeName(c.evt));
        }
        byte[] n = GenericEventNames.name(c);
        if (n.length != key.length()) {
            return false;
        }
        for (int i = 0; i < n.length; i++) {
            if (n[i] != key.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private void args(EventRecord e, ProjectionEncoder out) {
        text.setLength(0);
        formatter.args(e, text);
        if (!text.isEmpty() && text.charAt(text.length() - 1) == ' ') {
            text.setLength(text.length() - 1);
        }
        latin1(out);
    }

    private void latin1(ProjectionEncoder out) {
        int at = out.beginBytes();
        for (int i = 0; i < text.length(); i++) {
            out.append((byte) text.charAt(i));
        }
        out.endBytes(at);
    }

    private void category(EventType type, ProjectionEncoder out) {
        int cat = type.category() & 0x3f;
        String s = switch (cat) {
            case EventType.EC_FILE -> "file";
            case EventType.EC_NET -> "net";
            case EventType.EC_IPC -> "ipc";
            case EventType.EC_MEMORY -> "memory";
            case EventType.EC_PROCESS -> "process";
            case EventType.EC_SLEEP -> "sleep";
            case EventType.EC_SYSTEM -> "system";
            case EventType.EC_SIGNAL -> "signal";
            case EventType.EC_USER -> "user";
            case EventType.EC_TIME -> "time";
            case EventType.EC_PROCESSING -> "processing";
            case EventType.EC_IO_READ, EventType.EC_IO_WRITE, EventType.EC_IO_OTHER -> "file";
            default -> "other";
        };
        text.setLength(0);
        text.append(s);
        latin1(out);
    }

    private int paramIndex(CompiledField f, EventRecord e) {
        int code = e.type();
        if (code >= f.paramByCode.length) {
            return -1;
        }
        int i = f.paramByCode[code];
        if (i == -2) {
            EventType et = EventTable.get(code);
            i = -1;
            if (et != null) {
                if (f.index >= 0) {
                    i = f.index < et.nparams() ? f.index : -1;
                } else if (f.key != null) {
                    for (int p = 0; p < et.nparams(); p++) {
                        if (SysdigFormatter.info(code, et, p).name().equals(f.key)) {
                            i = p;
                            break;
                        }
                    }
                }
            }
            f.paramByCode[code] = (byte) i;
        }
        return i;
    }

    private void arg(CompiledField f, EventContext c, ProjectionEncoder out, boolean raw) {
        EventRecord e = c.evt;
        int i = paramIndex(f, e);
        if (i < 0 || i >= e.nparams()) {
            out.absent();
            return;
        }
        ParamInfo pi = SysdigFormatter.info(e.type(), c.type, i);
        if (raw) {
            ParamType pt = pi.type();
            if (pt.isFixedSize() && e.paramLen(i) > 0 && e.paramLen(i) <= 8) {
                out.int64(e.number(i));
            } else if (pt == ParamType.BYTEBUF) {
                // the bytes as recorded (libsinsp's raw value of a buffer), for bcontains/bstartswith
                out.bytes(e.segment(), e.paramOffset(i), e.paramLen(i));
            } else if (pt == ParamType.CHARBUF || pt == ParamType.FSPATH || pt == ParamType.FSRELPATH) {
                int len = e.paramLen(i);
                long at = e.paramOffset(i);
                if (len > 0 && e.segment().get(ValueLayout.JAVA_BYTE, at + len - 1) == 0) {
                    len--; // the text without its NUL
                }
                out.bytes(e.segment(), at, len);
            } else {
                out.absent();
            }
            return;
        }
        if ((pi.type() == ParamType.FSPATH || pi.type() == ParamType.FSRELPATH) && i < c.type.nparams()) {
            // a relative path is shown joined to its directory (libsinsp's resolved argument)
            byte[] resolved = paths.resolvedArg(c, i, pi.type() == ParamType.FSRELPATH);
            if (resolved != null) {
                out.bytes(resolved);
                return;
            }
        }
        text.setLength(0);
        formatter.param(e, i, text);
        // evt.arg shows the resolved form of numeric arguments (the fd's name, flag names, errno).
        if (pi.type().isFixedSize() && text.length() > 0 && text.charAt(text.length() - 1) == ')') {
            int open = text.indexOf("(");
            if (open > 0) {
                text.delete(text.length() - 1, text.length());
                text.delete(0, open + 1);
            }
        }
        latin1(out);
    }

    private static int resIndex(EventRecord e) {
        int code = e.type();
        int i = code < RES_INDEX.length ? RES_INDEX[code] : -1;
        return i < e.nparams() ? i : -1;
    }

    private static int resIndexOf(EventType et) {
        int n = et.nparams();
        for (int i = 0; i < n; i++) {
            if (et.param(i).name().equals("res")) {
                return i;
            }
        }
        if (n > 0) {
            ParamType t0 = et.param(0).type();
            if (t0 == ParamType.FD || t0 == ParamType.ERRNO || t0 == ParamType.PID) {
                return 0;
            }
        }
        return -1;
    }

    private void res(Evt field, EventContext c, ProjectionEncoder out) {
        EventRecord e = c.evt;
        int i = c.isExit() ? resIndex(e) : -1;
        if (i < 0 || e.paramLen(i) == 0) {
            if (field == Evt.FAILED) {
                out.bool(false);
            } else {
                out.absent();
            }
            return;
        }
        long v = e.number(i);
        if (field == Evt.RAWRES) {
            out.int64(v);
        } else if (field == Evt.FAILED) {
            out.bool(v < 0);
        } else if (v >= 0) {
            out.bytes(SUCCESS);
        } else {
            // The errno name, as the ERRNO formatter resolves it.
            text.setLength(0);
            text.append(v);
            String name = ErrnoNames.name((int) -v);
            if (name != null) {
                text.setLength(0);
                text.append(name);
            }
            latin1(out);
        }
    }

    private static void io(Evt field, EventType type, ProjectionEncoder out) {
        boolean read = type.hasFlag(EventType.EF_READS_FROM_FD);
        boolean write = type.hasFlag(EventType.EF_WRITES_TO_FD);
        if (field == Evt.IS_IO) {
            out.bool(read || write);
        } else if (field == Evt.IS_IO_READ) {
            out.bool(read);
        } else if (field == Evt.IS_IO_WRITE) {
            out.bool(write);
        } else if (read) {
            out.bytes(R);
        } else if (write) {
            out.bytes(W);
        } else {
            out.absent();
        }
    }

    private static void openFlags(Evt field, EventContext c, ProjectionEncoder out) {
        String name = c.type.name();
        boolean open = name.equals("open") || name.equals("openat") || name.equals("openat2")
                || name.equals("creat") || name.equals("open_by_handle_at");
        if (!open || !c.isExit()) {
            out.bool(false);
            return;
        }
        EventRecord e = c.evt;
        int fi = c.type.paramIndex("flags");
        long flags = fi >= 0 && fi < e.nparams() && e.paramLen(fi) > 0 ? e.number(fi) : 0;
        if (name.equals("creat")) {
            flags |= O_CREAT | O_WRONLY;
        }
        boolean r;
        if (field == Evt.IS_OPEN_READ) {
            r = (flags & O_RDONLY) != 0;
        } else if (field == Evt.IS_OPEN_WRITE) {
            r = (flags & O_WRONLY) != 0;
        } else if (field == Evt.IS_OPEN_CREATE) {
            r = (flags & O_F_CREATED) != 0 || (flags & O_CREAT) != 0 && name.equals("creat");
        } else {
            int mi = c.type.paramIndex("mode");
            long mode = mi >= 0 && mi < e.nparams() && e.paramLen(mi) > 0 ? e.number(mi) : 0;
            r = (flags & O_CREAT) != 0 && (mode & 0111) != 0;
        }
        out.bool(r);
    }

    private static void buffer(Evt field, EventContext c, ProjectionEncoder out) {
        EventRecord e = c.evt;
        int i = c.type.paramIndex("data");
        if (i < 0 || i >= e.nparams()) {
            out.absent();
            return;
        }
        if (field == Evt.BUFLEN) {
            out.uint64(e.paramLen(i));
        } else {
            out.bytes(e.segment(), e.paramOffset(i), e.paramLen(i));
        }
    }
}
