package io.peregrine.state.oracle;

import io.peregrine.driver.scap.ScapReader;
import io.peregrine.protocol.fields.FieldCatalog;
import io.peregrine.protocol.fields.FieldRef;
import io.peregrine.protocol.interest.Interest;
import io.peregrine.protocol.projection.ProjectedEventView;
import io.peregrine.protocol.projection.ProjectionEncoder;
import io.peregrine.protocol.projection.ProjectionFormat;
import io.peregrine.state.projection.NodeState;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Replays a capture through state and projection with an interest selecting every event type, and
 * renders each projected value as sysdig prints it, keyed by event number.
 */
final class Replay {
    private Replay() {
    }

    static Map<Long, Map<String, String>> run(Path capture, List<String> fields) throws IOException {
        NodeState state = new NodeState("oracle-host");
        state.projector().interest(Interest.of(true, Map.of("open", Set.copyOf(fields))));
        ProjectionEncoder enc = new ProjectionEncoder(1 << 16);
        Map<Long, Map<String, String>> out = new TreeMap<>();
        ProjectedEventView view = new ProjectedEventView();
        try (ScapReader reader = ScapReader.open(capture)) {
            reader.drain(r -> {
                long num = io.peregrine.protocol.event.EventTable.isSynthetic(r.type()) ? 0 : reader.eventNumber();
                enc.clear();
                if (state.process(r.segment(), r.offset(), num, enc)) {
                    view.wrap(enc.segment(), 0);
                    String err = view.validate(enc.size());
                    if (err != null) {
                        throw new IllegalStateException("invalid projected record: " + err);
                    }
                    out.put(view.num(), render(view));
                }
            });
        }
        return out;
    }

    static Map<String, String> render(ProjectedEventView v) {
        Map<String, String> m = new LinkedHashMap<>();
        long p = v.firstValue();
        for (int i = 0; i < v.valueCount(); i++) {
            FieldRef ref = new FieldRef(FieldCatalog.byId(v.valueFieldId(p)), argText(v, p));
            m.put(ref.text().replace("evt.arg[", "evt.arg.").replaceAll("evt\\.arg\\.(\\w+)]", "evt.arg.$1"),
                    text(v, v.valueTag(p), v.valuePayload(p)));
            p = v.nextValue(p);
        }
        return m;
    }

    private static String argText(ProjectedEventView v, long p) {
        int n = v.valueArgLength(p);
        if (n == 0) {
            return null;
        }
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = v.segment().get(java.lang.foreign.ValueLayout.JAVA_BYTE, v.valueArgOffset(p) + i);
        }
        return new String(b, StandardCharsets.UTF_8);
    }

    static String text(ProjectedEventView v, int tag, long p) {
        return switch (tag) {
            case ProjectionFormat.TAG_ABSENT -> "<NA>";
            case ProjectionFormat.TAG_INT64 -> Long.toString(v.int64At(p));
            case ProjectionFormat.TAG_UINT64 -> Long.toUnsignedString(v.int64At(p));
            case ProjectionFormat.TAG_BOOL -> v.boolAt(p) ? "true" : "false";
            case ProjectionFormat.TAG_BYTES -> {
                byte[] b = new byte[v.bytesLengthAt(p)];
                java.lang.foreign.MemorySegment.copy(v.segment(), java.lang.foreign.ValueLayout.JAVA_BYTE,
                        v.bytesOffsetAt(p), b, 0, b.length);
                yield new String(b, StandardCharsets.ISO_8859_1);
            }
            case ProjectionFormat.TAG_IP -> {
                StringBuilder b = new StringBuilder(48);
                if (v.ipLengthAt(p) == 16) {
                    io.peregrine.protocol.scap.Inet6Text.append(b, v.segment(), v.ipOffsetAt(p)); // libsinsp's text
                } else {
                    io.peregrine.state.fds.TupleFormatter.appendIp(b, 4, 0,
                            Integer.toUnsignedLong(v.segment().get(java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED
                                    .withOrder(java.nio.ByteOrder.BIG_ENDIAN), v.ipOffsetAt(p))));
                }
                yield b.toString();
            }
            default -> "<list>";
        };
    }
}
