package io.peregrine.state.parsers;

import io.peregrine.protocol.event.EventRecord;
import io.peregrine.state.fds.FdInfo;
import io.peregrine.state.fds.PathResolver;
import io.peregrine.state.threads.ThreadInfo;

import static io.peregrine.state.parsers.Params.*;

/** chdir and fchdir: the working directory of the process, kept with its trailing slash. */
final class CwdCalls {

    private final StateTables tables;
    private final PathResolver paths;

    CwdCalls(StateTables tables) {
        this.tables = tables;
        this.paths = tables.paths;
    }

    void onChdir(EventContext c, EventRecord e, ThreadInfo t, int code) {
        if (param(e, code, RES, -1) != 0) {
            return;
        }
        byte[] p = str(e, code, PATH, null);
        if (p == null && c.enter != null && has(c.enter, Params.of(c.enter.type(), PATH))) {
            p = stringBytes(c.enter, Params.of(c.enter.type(), PATH));
        }
        if (p == null || p.length == 0) {
            return;
        }
        ThreadInfo m = tables.mainOf(t);
        m.cwd = withSlash(p[0] == '/' ? paths.resolve(null, p, p.length) : paths.resolve(stripSlash(m.cwd), p, p.length));
        t.cwd = m.cwd;
    }

    void onFchdir(EventContext c, EventRecord e, ThreadInfo t) {
        if (param(e, e.type(), RES, -1) != 0 || t.fds == null) {
            return;
        }
        FdInfo f = t.fds.get(c.fdNum);
        if (f != null && f.name.length > 0) {
            ThreadInfo m = tables.mainOf(t);
            m.cwd = withSlash(f.name);
            t.cwd = m.cwd;
        }
    }

    static byte[] withSlash(byte[] p) {
        if (p.length > 0 && p[p.length - 1] == '/') {
            return p;
        }
        byte[] r = java.util.Arrays.copyOf(p, p.length + 1);
        r[p.length] = '/';
        return r;
    }

    static byte[] stripSlash(byte[] p) {
        return p;
    }
}
