package io.peregrine.state.bench;

import io.peregrine.protocol.scap.EventCodes;
import io.peregrine.protocol.event.EventRecordBuilder;
import io.peregrine.protocol.event.EventTable;
import io.peregrine.protocol.event.EventType;
import io.peregrine.protocol.event.ParamInfo;
import io.peregrine.protocol.interest.Interest;
import io.peregrine.protocol.projection.ProjectedEventView;
import io.peregrine.protocol.projection.ProjectionEncoder;
import io.peregrine.protocol.projection.ProjectionFormat;
import io.peregrine.state.frames.FrameApplier;
import io.peregrine.state.projection.NodeState;

import java.io.ByteArrayOutputStream;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Measurement main (not a test): bytes of projected records per {@code openat} exit, for a real
 * interest (written by rules-svc's {@code ProjectionInterestExport}), with records framed as
 * state-svc frames them (one frame per raw frame of F events) against the same records each
 * carrying its whole thread context (what record version 1 sent: 10 header bytes fewer than a
 * version-2 record with its own context block). Inputs: the scap fixtures replayed, and a burst of
 * synthetic openat events from a few threads of one container. Run: see docs/benchmarks.md.
 */
public final class ProjectionSizeBench {

    private static final int OPENAT_X = EventCodes.PPME_SYSCALL_OPENAT_2_X;

    private ProjectionSizeBench() {
    }

    public static void main(String[] args) throws Exception {
        Interest interest = Interest.decode(Files.readAllBytes(Path.of(args.length > 0 ? args[0] : "/tmp/peregrine-interest.bin")));
        Path fixtures = Path.of(args.length > 1 ? args[1] : "../../shared/fixtures/scap");
        List<byte[]> streams = new ArrayList<>();
        try (var files = Files.list(fixtures)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".scap")).sorted().toList()) {
                byte[][] read = StateBench.read(f);
                // Seeds once, then the fixture's events five times over: more events per frame.
                ByteArrayOutputStream all = new ByteArrayOutputStream();
                all.writeBytes(read[0]);
                for (int i = 0; i < 5; i++) {
                    all.writeBytes(read[1]);
                }
                streams.add(all.toByteArray());
            }
        }
        byte[] synthetic = synthetic(4, 20_000);
        var openat = interest.fieldsByType().get("openat");
        System.out.println("openat interest, thread context: " + openat.stream().filter(f -> contextField(f)).toList());
        System.out.println("openat interest, event values: " + openat.stream().filter(f -> !contextField(f)).toList());
        for (int perFrame : new int[] {64, 512, 4096}) {
            measure("scap fixtures replayed (x5)", streams, interest, perFrame);
            measure("synthetic openat burst, 4 threads of one container", List.of(synthetic), interest, perFrame);
        }
    }

    private static void measure(String label, List<byte[]> streams, Interest interest, int perFrame) {
        long openats = 0;
        long values = 0;
        long contextValues = 0;
        long before = 0;
        long after = 0;
        long all = 0;
        long allBefore = 0;
        long allAfter = 0;
        ProjectedEventView v = new ProjectedEventView();
        for (byte[] stream : streams) {
            NodeState framed = new NodeState("bench");
            NodeState alone = new NodeState("bench");
            framed.projector().interest(interest);
            alone.projector().interest(interest);
            ProjectionEncoder frame = new ProjectionEncoder(1 << 16, FrameApplier.MAX_PROJECTED_FRAME);
            ProjectionEncoder one = new ProjectionEncoder(1 << 12);
            MemorySegment s = MemorySegment.ofArray(stream);
            long num = 0;
            int inFrame = 0;
            for (long at = 0; at < s.byteSize(); at += s.get(io.peregrine.protocol.event.EventRecord.I32, at + 16)) {
                int type = Short.toUnsignedInt(s.get(io.peregrine.protocol.event.EventRecord.I16, at + 20));
                long n = EventTable.isSynthetic(type) ? 0 : ++num;
                if (inFrame++ == perFrame) {
                    frame.clear();
                    inFrame = 1;
                }
                int sizeBefore = frame.size();
                boolean a = framed.process(s, at, n, frame);
                one.clear();
                boolean b = alone.process(s, at, n, one);
                if (a != b) {
                    throw new IllegalStateException("the two states disagree at event " + n);
                }
                if (!a) {
                    continue;
                }
                // A record may have moved into a new block, with its context copied in: measure the record itself.
                long rec = frame.size() - sizeBefore;
                long v1 = one.size() - 10;
                all++;
                allBefore += v1;
                allAfter += rec;
                if (isOpenatExit(type)) {
                    openats++;
                    before += v1;
                    after += rec;
                    v.wrap(one.segment(), 0);
                    values += v.valueCount();
                    contextValues += v.contextValueCount();
                }
            }
        }
        System.out.printf("%s, %d events per raw frame: %d openat exits, %.1f values each (%.1f thread context); "
                        + "bytes per openat %.0f -> %.0f (%.1fx smaller); all %d projected records %.0f -> %.0f bytes on average%n",
                label, perFrame, openats, (double) values / Math.max(1, openats), (double) contextValues / Math.max(1, openats),
                (double) before / Math.max(1, openats), (double) after / Math.max(1, openats),
                (double) before / Math.max(1, after), all, (double) allBefore / Math.max(1, all),
                (double) allAfter / Math.max(1, all));
    }

    private static boolean contextField(String ref) {
        String name = io.peregrine.protocol.fields.FieldCatalog.resolve(ref) == null ? ref
                : io.peregrine.protocol.fields.FieldCatalog.resolve(ref).field().name();
        return io.peregrine.state.projection.Projector.isThreadContext(name);
    }

    /** openat exits of every layout the fixtures hold (the old and the current scap event). */
    private static boolean isOpenatExit(int type) {
        EventType t = EventTable.get(type);
        return t != null && t.name().equals("openat") && (type & 1) == 1;
    }

    /** Seeds {@code threads} threads of one Kubernetes container, then {@code events} openat exits among them. */
    static byte[] synthetic(int threads, int events) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EventRecordBuilder b = new EventRecordBuilder();
        EventType tt = EventTable.get(EventCodes.PEREGRINE_SEED_THREAD_E);
        String[] comm = {"nginx", "python3", "java", "bash"};
        String[] exe = {"/usr/sbin/nginx", "/usr/bin/python3", "/usr/lib/jvm/bin/java", "/bin/bash"};
        String cg = "cpu=/kubepods/besteffort/pod0f1e2d3c-4b5a-6978-8091-a2b3c4d5e6f7/"
                + "3f9a1c2b4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8\0";
        long ts = 1_700_000_000_000_000_000L;
        for (int t = 0; t < threads; t++) {
            long tid = 4000 + t;
            b.begin(ts, tid, tt.code(), tt.nparams());
            for (ParamInfo p : tt.params()) {
                switch (p.name()) {
                    case "tid", "pid", "vtid", "vpid" -> b.addI64(tid);
                    case "ptid" -> b.addI64(1);
                    case "comm" -> b.addString(comm[t % comm.length]);
                    case "exe", "exepath" -> b.addString(exe[t % exe.length]);
                    case "cwd" -> b.addString("/srv/app");
                    case "args" -> b.addBytes(("--config\0/etc/app/config-" + t + ".yaml\0").getBytes(StandardCharsets.UTF_8));
                    case "cgroups" -> b.addBytes(cg.getBytes(StandardCharsets.UTF_8));
                    case "uid", "euid", "gid", "egid" -> b.addU32(1000);
                    default -> fill(b, p);
                }
            }
            int len = b.finish();
            out.write(b.segment().toArray(ValueLayout.JAVA_BYTE), 0, len);
        }
        EventType ot = EventTable.get(OPENAT_X);
        Random r = new Random(11);
        for (int i = 0; i < events; i++) {
            long tid = 4000 + r.nextInt(threads);
            b.begin(++ts, tid, ot.code(), ot.nparams());
            for (ParamInfo p : ot.params()) {
                switch (p.name()) {
                    case "fd" -> b.addI64(3 + i % 50);
                    case "dirfd" -> b.addI64(-100);
                    case "name" -> b.addString("/srv/app/data/" + (i % 300) + "/part-" + i + ".json");
                    default -> fill(b, p);
                }
            }
            int len = b.finish();
            out.write(b.segment().toArray(ValueLayout.JAVA_BYTE), 0, len);
        }
        return out.toByteArray();
    }

    private static void fill(EventRecordBuilder b, ParamInfo p) {
        switch (p.type().size()) {
            case 1 -> b.addU8(0);
            case 2 -> b.addU16(0);
            case 4 -> b.addU32(0);
            case 8 -> b.addI64(0);
            default -> b.addEmpty();
        }
    }
}
