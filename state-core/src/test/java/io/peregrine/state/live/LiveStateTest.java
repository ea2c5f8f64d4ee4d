package io.peregrine.state.live;

import io.peregrine.driver.bpf.Syscall;
import io.peregrine.driver.live.LiveOptions;
import io.peregrine.driver.live.LiveSource;
import io.peregrine.protocol.fields.FieldCatalog;
import io.peregrine.protocol.interest.Interest;
import io.peregrine.protocol.projection.ProjectedEventView;
import io.peregrine.protocol.projection.ProjectionEncoder;
import io.peregrine.protocol.projection.ProjectionFormat;
import io.peregrine.state.projection.NodeState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The real kernel (root): a three-level process tree placed in a cgroup named like a Kubernetes pod
 * container opens, dups, renames, connects, accepts and writes from threads; the live events,
 * applied to state, must give the right names, ancestors, container id, pod uid and user.
 */
class LiveStateTest {

    static final Set<String> FIELDS = Set.of("fd.name", "proc.name", "proc.pname", "proc.aname[2]",
            "proc.exepath", "container.id", "k8s.pod.uid", "user.name", "thread.tid", "proc.pid", "evt.type");

    @Test
    void liveTreeFdsContainerAndUsers(@TempDir Path dir) throws Exception {
        String pod = UUID.randomUUID().toString();
        String cid = UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
        Path cgroup = Path.of("/sys/fs/cgroup/pids/kubepods/besteffort/pod" + pod + "/" + cid);
        Files.createDirectories(cgroup);
        Path script = copy("tree.sh", dir);
        Path actions = copy("actions.py", dir);
        Path work = Files.createDirectories(dir.resolve("work"));

        NodeState state = new NodeState("live");
        state.projector().interest(Interest.of(false, Map.of("openat", FIELDS, "write", FIELDS, "connect", FIELDS,
                "accept", FIELDS, "accept4", FIELDS, "execve", FIELDS)));
        ProjectionEncoder enc = new ProjectionEncoder(1 << 16);
        List<Map<String, String>> mine = new ArrayList<>();
        EnumSet<Syscall> sel = Syscall.defaults();
        sel.add(Syscall.WRITE);
        long[] num = {0};
        try (LiveSource src = LiveSource.open(LiveOptions.defaults().withSyscalls(sel).withRingBytes(32 << 20))) {
            Process p = new ProcessBuilder("/bin/bash", script.toString(), cgroup.toString(), work.toString(),
                    actions.toString()).redirectErrorStream(true).start();
            long deadline = System.nanoTime() + 60_000_000_000L; // a hang bound, not a speed check
            int quiet = 0;
            while (quiet < 50) {
                int n = src.poll(r -> {
                    enc.clear();
                    long k = io.peregrine.protocol.event.EventTable.isSynthetic(r.type()) ? 0 : ++num[0];
                    if (state.process(r.segment(), r.offset(), k, enc)) {
                        Map<String, String> m = render(enc);
                        if (cid.substring(0, 12).equals(m.get("container.id"))) {
                            mine.add(m);
                        }
                    }
                }, 4096);
                // After the tree exited: drain what the ring already holds (the host keeps writing).
                quiet = !p.isAlive() && (n == 0 || src.pendingBytes() == 0) ? quiet + 1 : quiet;
                if (n == 0) {
                    Thread.sleep(2);
                }
                assertTrue(System.nanoTime() < deadline, "the process tree did not finish");
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            assertEquals(0, p.exitValue(), out);
            String[] ports = out.split(" ");
            String tuple = "127.0.0.1:" + ports[0] + "->127.0.0.1:" + ports[1];

            String data = work.resolve("data.txt").toString();
            List<Map<String, String>> py = mine.stream().filter(m -> "python3".equals(m.get("proc.name"))).toList();
            assertFalse(py.isEmpty(), "events of python3 in the pod's container: " + mine);
            Map<String, String> open = find(py, "openat", data);
            assertEquals("sh", open.get("proc.pname"));
            assertEquals("bash", open.get("proc.aname[2]"));
            assertTrue(open.get("proc.exepath").startsWith("/usr/bin/python3"), open.toString());
            assertEquals(pod, open.get("k8s.pod.uid"));
            assertEquals("root", open.get("user.name"));
            assertEquals(2, py.stream().filter(m -> "write".equals(m.get("evt.type")) && data.equals(m.get("fd.name"))).count(),
                    "writes after rename and through the dup keep the opened name: " + writes(py));
            find(py, "connect", tuple);
            assertTrue(py.stream().anyMatch(m -> "write".equals(m.get("evt.type")) && tuple.equals(m.get("fd.name"))),
                    "the client's write names the connection: " + writes(py));
            // The accepted fd: its name comes from the accept (client->server, as Falco names it, the
            // same as the connecting side's) and carries to the write on it.
            Map<String, String> accepted = py.stream().filter(m -> m.get("evt.type").startsWith("accept"))
                    .findFirst().orElseThrow(() -> new AssertionError(writes(py).toString()));
            assertEquals(tuple, accepted.get("fd.name"), accepted.toString());
            assertTrue(py.stream().anyMatch(m -> "write".equals(m.get("evt.type")) && accepted.get("fd.name").equals(m.get("fd.name"))),
                    "the server's write names the accepted connection: " + writes(py));
            String threadFile = work.resolve("thread.txt").toString();
            Map<String, String> threadOpen = find(py, "openat", threadFile);
            Map<String, String> mainWrite = py.stream().filter(m -> "write".equals(m.get("evt.type"))
                    && threadFile.equals(m.get("fd.name"))).findFirst().orElseThrow(() -> new AssertionError(py.toString()));
            assertNotEquals(threadOpen.get("thread.tid"), mainWrite.get("thread.tid"), "opened by one thread, written by another");
            assertEquals(threadOpen.get("proc.pid"), mainWrite.get("proc.pid"));
        } finally {
            Files.deleteIfExists(work.resolve("renamed.txt"));
            for (Path c = cgroup; c.startsWith("/sys/fs/cgroup/pids/kubepods"); c = c.getParent()) {
                try {
                    Files.deleteIfExists(c);
                } catch (java.io.IOException busy) {
                    break; // a cgroup still in use by others stays
                }
            }
        }
    }

    private static Map<String, String> find(List<Map<String, String>> events, String type, String name) {
        return events.stream().filter(m -> type.equals(m.get("evt.type")) && name.equals(m.get("fd.name")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + type + " of " + name + " in " + events));
    }

    private static List<String> writes(List<Map<String, String>> py) {
        return py.stream().filter(m -> !"openat".equals(m.get("evt.type")))
                .map(m -> m.get("evt.type") + " " + m.get("thread.tid") + " " + m.get("fd.name")).toList();
    }

    private static Path copy(String resource, Path dir) throws Exception {
        Path p = dir.resolve(resource);
        try (InputStream in = LiveStateTest.class.getResourceAsStream(resource)) {
            Files.write(p, in.readAllBytes());
        }
        return p;
    }

    private static Map<String, String> render(ProjectionEncoder enc) {
        ProjectedEventView v = new ProjectedEventView().wrap(enc.segment(), 0);
        Map<String, String> m = new HashMap<>();
        long at = v.firstValue();
        for (int i = 0; i < v.valueCount(); i++) {
            String name = FieldCatalog.byId(v.valueFieldId(at)).name();
            if (v.valueArgLength(at) > 0) {
                name += "[" + (char) v.segment().get(java.lang.foreign.ValueLayout.JAVA_BYTE, v.valueArgOffset(at)) + "]";
            }
            long p = v.valuePayload(at);
            String val = switch (v.valueTag(at)) {
                case ProjectionFormat.TAG_BYTES -> v.textAt(p);
                case ProjectionFormat.TAG_INT64 -> Long.toString(v.int64At(p));
                case ProjectionFormat.TAG_UINT64 -> Long.toUnsignedString(v.int64At(p));
                case ProjectionFormat.TAG_IP -> {
                    byte[] b = new byte[v.ipLengthAt(p)];
                    java.lang.foreign.MemorySegment.copy(v.segment(), java.lang.foreign.ValueLayout.JAVA_BYTE, v.ipOffsetAt(p), b, 0, b.length);
                    try {
                        yield InetAddress.getByAddress(b).getHostAddress();
                    } catch (java.net.UnknownHostException e) {
                        throw new IllegalStateException(e);
                    }
                }
                default -> "<NA>";
            };
            m.put(name, val);
            at = v.nextValue(at);
        }
        return m;
    }
}
