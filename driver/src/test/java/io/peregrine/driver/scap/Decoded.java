package io.peregrine.driver.scap;

import io.peregrine.driver.source.EventSource;
import io.peregrine.protocol.scap.EventCodes;
import io.peregrine.protocol.event.EventRecord;
import io.peregrine.protocol.event.EventTable;
import io.peregrine.protocol.event.EventType;
import io.peregrine.protocol.event.ParamType;
import io.peregrine.protocol.scap.SysdigFormatter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/** An event as Peregrine decodes and renders it, for comparison with sysdig's output. */
record Decoded(long num, int type, String name, char dir, long tid, long ts, List<Arg> args, byte[] raw) {

    record Arg(String name, ParamType type, String value) {
    }

    static Decoded of(long num, EventRecord r, SysdigFormatter f) {
        EventType et = r.eventType();
        List<Arg> args = new ArrayList<>();
        int type = r.type();
        if (type != EventCodes.PPME_GENERIC_E && type != EventCodes.PPME_GENERIC_X) {
            int n = Math.min(r.nparams(), et.nparams());
            for (int i = 0; i < n; i++) {
                StringBuilder sb = new StringBuilder();
                f.param(r, i, sb);
                io.peregrine.protocol.event.ParamInfo pi = SysdigFormatter.info(type, et, i);
                args.add(new Arg(pi.name(), pi.type(), sb.toString()));
            }
        }
        byte[] raw = new byte[r.len()];
        java.lang.foreign.MemorySegment.copy(r.segment(), java.lang.foreign.ValueLayout.JAVA_BYTE, r.offset(), raw, 0, raw.length);
        return new Decoded(num, type, SysdigFormatter.typeName(r), et.direction().symbol(), r.tid(), r.ts(), args, raw);
    }

    /** Reads every event of a source; seeds are returned separately. */
    static List<Decoded> readAll(EventSource src, LongSupplier number, List<Decoded> seeds) throws IOException {
        SysdigFormatter f = new SysdigFormatter();
        List<Decoded> out = new ArrayList<>();
        src.drain(r -> {
            if (EventTable.isSynthetic(r.type())) {
                if (seeds != null) {
                    seeds.add(of(0, r, f));
                }
            } else {
                out.add(of(number.getAsLong(), r, f));
            }
        });
        return out;
    }
}
