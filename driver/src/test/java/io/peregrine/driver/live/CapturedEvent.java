package io.peregrine.driver.live;

import io.peregrine.protocol.event.EventRecord;
import io.peregrine.protocol.event.EventType;
import io.peregrine.protocol.event.ParamInfo;
import java.lang.foreign.MemorySegment;

/** A copy of one record that outlives the ring, with parameter access by name for assertions. */
final class CapturedEvent {
    final EventRecord rec = new EventRecord();

    CapturedEvent(EventRecord live) {
        MemorySegment copy = MemorySegment.ofArray(new byte[live.len()]);
        live.copyTo(copy, 0);
        rec.wrap(copy, 0);
    }

    int type() {
        return rec.type();
    }

    long tid() {
        return rec.tid();
    }

    int index(String name) {
        int i = rec.eventType().paramIndex(name);
        if (i < 0) {
            throw new AssertionError(rec.eventType().name() + " has no parameter " + name);
        }
        return i;
    }

    long num(String name) {
        return rec.number(index(name));
    }

    String str(String name) {
        return rec.string(index(name));
    }

    byte[] bytes(String name) {
        return rec.bytes(index(name));
    }

    /** Why the record does not match the table's layout for its type, or null when it does. */
    static String conformance(EventRecord r) {
        EventType t = r.eventType();
        if (t == null) {
            return "unknown type " + r.type();
        }
        String v = r.validate(r.len());
        if (v != null) {
            return t.name() + ": " + v;
        }
        if (r.nparams() != t.nparams()) {
            return t.name() + ": " + r.nparams() + " parameters, the table has " + t.nparams();
        }
        for (int i = 0; i < t.nparams(); i++) {
            ParamInfo p = t.param(i);
            int len = r.paramLen(i);
            if (p.type().isFixedSize() && len != 0 && len != p.type().size()) {
                return t.name() + "." + p.name() + ": " + len + " bytes, " + p.type() + " has " + p.type().size();
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return rec.eventType().name() + " tid=" + tid();
    }
}
