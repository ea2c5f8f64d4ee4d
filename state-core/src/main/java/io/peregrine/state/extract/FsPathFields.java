package io.peregrine.state.extract;

import io.peregrine.protocol.event.EventRecord;
import io.peregrine.protocol.event.EventType;
import io.peregrine.protocol.event.ParamType;
import io.peregrine.protocol.projection.ProjectionEncoder;
import io.peregrine.state.parsers.EventContext;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;

/**
 * The {@code fs.path.*} fields (libsinsp's fspath filterchecks): the path arguments of file system
 * calls, as passed and resolved against the caller's cwd and directory fds.
 */
final class FsPathFields {

    enum FsPath implements ExtractedField {
        NAME("fs.path.name"), NAMERAW("fs.path.nameraw"), SOURCE("fs.path.source"),
        SOURCERAW("fs.path.sourceraw"), TARGET("fs.path.target"), TARGETRAW("fs.path.targetraw");

        private final List<String> names;

        FsPath(String... names) {
            this.names = List.of(names);
        }

        @Override
        public FieldFamily family() {
            return FieldFamily.FS_PATH;
        }

        @Override
        public List<String> names() {
            return names;
        }
    }

    private static final String[] SINGLE_PATH_PARAMS = {"name", "path", "pathname", "filename"};

    private PathResolution resolver = (t, d, raw) -> raw;

    void resolver(PathResolution r) {
        this.resolver = r;
    }

    void extract(FsPath field, EventContext c, ProjectionEncoder out) {
        EventRecord e = c.evt;
        EventType et = c.type;
        if (!c.isExit()) {
            out.absent();
            return;
        }
        boolean two = field != FsPath.NAME && field != FsPath.NAMERAW;
        boolean raw = field == FsPath.NAMERAW || field == FsPath.SOURCERAW || field == FsPath.TARGETRAW;
        int pi;
        int di;
        if (!two) {
            pi = singlePathParam(et);
            di = et.paramIndex("dirfd");
        } else {
            boolean src = field == FsPath.SOURCE || field == FsPath.SOURCERAW;
            boolean symlink = et.name().startsWith("symlink");
            pi = et.paramIndex(src ? (symlink ? "target" : "oldpath") : (symlink ? "linkpath" : "newpath"));
            di = et.paramIndex(src ? (et.paramIndex("olddirfd") >= 0 ? "olddirfd" : "olddir")
                    : (et.paramIndex("newdirfd") >= 0 ? "newdirfd" : symlink ? "linkdirfd" : "newdir"));
        }
        if (pi < 0 || pi >= e.nparams() || e.paramLen(pi) == 0) {
            out.absent();
            return;
        }
        int len = e.stringLen(pi);
        if (raw || c.thread == null) {
            out.bytes(e.segment(), e.paramOffset(pi), len);
            return;
        }
        byte[] p = new byte[len];
        MemorySegment.copy(e.segment(), ValueLayout.JAVA_BYTE, e.paramOffset(pi), p, 0, len);
        long dirfd = di >= 0 && di < e.nparams() && e.paramLen(di) > 0 ? e.number(di) : -100;
        out.bytes(resolver.resolve(c.thread, dirfd, p));
    }

    /**
     * A relative path argument joined to the directory it is relative to, as libsinsp shows
     * {@code evt.arg}: the cwd for a path, the directory fd named beside it for a path relative to
     * one. Null when the argument is empty, absolute or there is no thread.
     */
    byte[] resolvedArg(EventContext c, int pi, boolean relativeToFd) {
        EventRecord e = c.evt;
        int len = e.stringLen(pi);
        if (c.thread == null || len == 0 || e.segment().get(ValueLayout.JAVA_BYTE, e.paramOffset(pi)) == '/') {
            return null;
        }
        byte[] p = new byte[len];
        MemorySegment.copy(e.segment(), ValueLayout.JAVA_BYTE, e.paramOffset(pi), p, 0, len);
        if (len == 4 && p[0] == '<' && p[1] == 'N' && p[2] == 'A' && p[3] == '>') {
            return null;
        }
        long dirfd = -100;
        if (relativeToFd) {
            String name = c.type.param(pi).name();
            int di = c.type.paramIndex(switch (name) {
                case "oldpath" -> "olddirfd";
                case "newpath" -> "newdirfd";
                case "linkpath" -> "linkdirfd";
                default -> "dirfd";
            });
            if (di >= 0 && di < e.nparams() && e.paramLen(di) > 0 && c.type.param(di).type() == ParamType.FD) {
                dirfd = e.number(di);
            }
        }
        return resolver.resolve(c.thread, dirfd, p);
    }

    private static int singlePathParam(EventType et) {
        int pi = -1;
        for (String n : SINGLE_PATH_PARAMS) {
            pi = et.paramIndex(n);
            if (pi >= 0) {
                break;
            }
        }
        if (pi >= 0 && et.param(pi).type() != ParamType.FSPATH && et.param(pi).type() != ParamType.FSRELPATH) {
            pi = -1;
        }
        return pi;
    }
}
