package io.peregrine.state.projection;

import io.peregrine.protocol.scap.EventCodes;
import io.peregrine.protocol.event.EventRecordBuilder;
import io.peregrine.protocol.event.EventTable;
import io.peregrine.protocol.event.EventType;
import io.peregrine.protocol.event.ParamInfo;
import io.peregrine.protocol.fields.FieldCatalog;
import io.peregrine.protocol.interest.Interest;
import io.peregrine.protocol.projection.ProjectedEventView;
import io.peregrine.protocol.projection.ProjectionEncoder;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** The projector writes thread-context fields as a context block, shared by a thread's records in a frame. */
class ProjectorContextTest {

    private final NodeState state = new NodeState("n1");
    private final EventRecordBuilder b = new EventRecordBuilder();
    private final ProjectionEncoder enc = new ProjectionEncoder(4096);
    private long num;
    private long ts = 1_000_000_000L;

    private void seed(long tid, String comm, long uid) {
        EventType t = EventTable.get(EventCodes.PEREGRINE_SEED_THREAD_E);
        b.begin(ts++, tid, t.code(), t.nparams());
        for (ParamInfo p : t.params()) {
            switch (p.name()) {
                case "tid", "pid", "vtid", "vpid" -> b.addI64(tid);
                case "ptid" -> b.addI64(1);
                case "comm", "exe" -> b.addString(comm);
                case "args" -> b.addBytes(("-c\0" + comm + "-job\0").getBytes());
                case "uid", "euid" -> b.addU32(uid);
                default -> {
                    switch (p.type().size()) {
                        case 1 -> b.addU8(0);
                        case 2 -> b.addU16(0);
                        case 4 -> b.addU32(0);
                        case 8 -> b.addI64(0);
                        default -> b.addEmpty();
                    }
                }
            }
        }
        b.finish();
        assertFalse(state.process(b.segment(), 0, 0, enc), "seeds are not projected");
    }

    private void close(long tid) {
        b.begin(ts++, tid, EventCodes.PPME_SYSCALL_CLOSE_E, 1).addI64(7).finish();
        assertTrue(state.process(b.segment(), 0, ++num, enc));
    }

    private static String text(ProjectedEventView v, String field) {
        long at = v.find(FieldCatalog.resolve(field).field().id(), null);
        assertTrue(at >= 0, field + " projected");
        long p = v.valuePayload(at);
        return switch (v.valueTag(at)) {
            case 4 -> v.textAt(p);
            case 1, 2 -> Long.toString(v.int64At(p));
            default -> "tag " + v.valueTag(at);
        };
    }

    @Test
    void aThreadsRecordsShareItsContextUntilItChanges() {
        state.projector().interest(Interest.of(false, Map.of("close",
                Set.of("proc.name", "proc.cmdline", "user.uid", "proc.duration", "evt.num", "evt.type"))));
        seed(100, "bash", 0);
        seed(200, "nginx", 33);
        close(100);
        close(200);
        close(100);
        close(100);
        seed(100, "curl", 0); // the thread's process changed (as after an execve)
        close(100);
        close(100);

        List<String> seen = new ArrayList<>();
        List<Long> records = new ArrayList<>();
        ProjectedEventView v = new ProjectedEventView().beginFrame(enc.segment(), 0);
        for (long at = 0; at < enc.size(); at += v.length()) {
            v.wrap(enc.segment(), at);
            assertNull(v.validate(enc.size() - at));
            records.add(at);
            seen.add(v.tid() + " " + text(v, "proc.name") + " " + text(v, "proc.cmdline") + " " + text(v, "user.uid")
                    + " #" + text(v, "evt.num") + (v.refersToContext() ? " -> " + records.indexOf(v.contextRecord()) : ""));
            assertEquals(3, v.contextValueCount(), "proc.name, proc.cmdline, user.uid");
            assertTrue(v.find(FieldCatalog.resolve("proc.duration").field().id(), null) >= v.eventStart(),
                    "proc.duration changes with every event: an event value");
        }
        assertEquals(List.of(
                "100 bash bash -c bash-job 0 #1",
                "200 nginx nginx -c nginx-job 33 #2",
                "100 bash bash -c bash-job 0 #3 -> 0",
                "100 bash bash -c bash-job 0 #4 -> 0",
                "100 curl curl -c curl-job 0 #5",
                "100 curl curl -c curl-job 0 #6 -> 4"), seen);
    }

    @Test
    void theThreadContextIsDecidedByTheFieldsClass() {
        assertTrue(Projector.isThreadContext("proc.aname"));
        assertTrue(Projector.isThreadContext("k8s.pod.name"));
        assertTrue(Projector.isThreadContext("group.name"));
        assertFalse(Projector.isThreadContext("fd.name"));
        assertFalse(Projector.isThreadContext("evt.arg.flags"));
        assertFalse(Projector.isThreadContext("proc.fdopencount"), "changes with every open");
    }
}
