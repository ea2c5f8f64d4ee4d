package io.peregrine.state.parsers;

import io.peregrine.protocol.event.EventRecord;
import io.peregrine.state.threads.ThreadInfo;

import static io.peregrine.state.parsers.Params.*;

/** setuid, setgid and their variants, setsid, and prctl(PR_SET_NAME): who the thread is and what it is called. */
final class IdentityCalls {

    private static final int PR_SET_NAME = 15;

    void onSetId(EventContext c, EventRecord e, ThreadInfo t, int code, StateEffect kind) {
        if (param(e, code, RES, -1) != 0) {
            return;
        }
        switch (kind) {
            case SETUID -> {
                long v = idParam(e, c.enter, UID);
                if (v >= 0) {
                    t.uid = (int) v;
                    t.euid = (int) v;
                }
            }
            case SETGID -> {
                long v = idParam(e, c.enter, GID);
                if (v >= 0) {
                    t.gid = (int) v;
                    t.egid = (int) v;
                }
            }
            case SETRESUID, SETREUID -> {
                long r = idParam(e, c.enter, RUID);
                long ef = idParam(e, c.enter, EUID);
                if (r >= 0 && r != 0xFFFFFFFFL) {
                    t.uid = (int) r;
                }
                if (ef >= 0 && ef != 0xFFFFFFFFL) {
                    t.euid = (int) ef;
                }
            }
            case SETRESGID, SETREGID -> {
                long r = idParam(e, c.enter, RGID);
                long ef = idParam(e, c.enter, EGID);
                if (r >= 0 && r != 0xFFFFFFFFL) {
                    t.gid = (int) r;
                }
                if (ef >= 0 && ef != 0xFFFFFFFFL) {
                    t.egid = (int) ef;
                }
            }
            default -> {
            }
        }
    }

    private long idParam(EventRecord e, EventRecord enter, int key) {
        int i = Params.of(e.type(), key);
        if (has(e, i)) {
            return e.number(i);
        }
        if (enter != null) {
            int j = Params.of(enter.type(), key);
            if (has(enter, j)) {
                return enter.number(j);
            }
        }
        return -1;
    }

    void onSetsid(EventRecord e, ThreadInfo t, int code) {
        long res = param(e, code, RES, -1);
        if (res > 0) {
            t.sid = res;
            t.vpgid = res;
        }
    }

    void onPrctl(EventContext c, EventRecord e, ThreadInfo t, int code) {
        if (param(e, code, RES, -1) != 0 || param(e, code, OPTION, 0) != PR_SET_NAME) {
            return;
        }
        byte[] n = str(e, code, ARG2_STR, null);
        if (n != null && n.length > 0) {
            t.comm = n;
        }
    }
}
