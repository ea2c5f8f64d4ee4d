package io.peregrine.state;

import io.peregrine.protocol.event.EventRecordBuilder;
import io.peregrine.protocol.event.EventTable;
import io.peregrine.protocol.event.EventType;
import io.peregrine.protocol.event.ParamInfo;

import java.util.HashMap;
import java.util.Map;

/** Events for tests, their parameters given by name: text, bytes or numbers sized by the event table; missing ones are empty. */
public final class NamedEvents {

    private NamedEvents() {
    }

    /** Builds the event in {@code b}; returns its length. */
    public static int build(EventRecordBuilder b, long ts, long tid, int code, Map<String, Object> params) {
        EventType t = EventTable.get(code);
        b.begin(ts, tid, code, t.nparams());
        for (ParamInfo p : t.params()) {
            Object v = params.get(p.name());
            if (v == null) {
                b.addEmpty();
            } else if (v instanceof String s) {
                b.addString(s);
            } else if (v instanceof byte[] bytes) {
                b.addBytes(bytes);
            } else {
                long n = ((Number) v).longValue();
                switch (p.type().size()) {
                    case 1 -> b.addU8((int) n);
                    case 2 -> b.addU16((int) n);
                    case 4 -> b.addU32(n);
                    default -> b.addI64(n);
                }
            }
        }
        return b.finish();
    }

    /** {@code p("fd", 3, "name", "/etc/passwd")}: parameters by name. */
    public static Map<String, Object> p(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
