package io.peregrine.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.peregrine.capture.ownpods.CriRuntime;
import io.peregrine.capture.ownpods.OwnPodsExclusion;
import io.peregrine.capture.ownpods.OwnProcesses;
import io.peregrine.capture.ownpods.RunningContainer;
import io.peregrine.capture.pipeline.CaptureSource;
import io.peregrine.capture.source.Exclusions;
import io.peregrine.capture.source.Sources;
import io.peregrine.driver.bpf.Probe;
import io.peregrine.e2e.containers.Options;
import io.peregrine.e2e.containers.TestContainerd;
import io.peregrine.e2e.containers.TestContainerd.Container;
import io.peregrine.e2e.containers.TestImages;
import io.peregrine.protocol.event.EventRecord;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Peregrine's own pods left out of a live capture, as capture-svc does it under Kubernetes: a
 * private containerd plays the node, with a JetStream nats-server in a container named {@code nats}
 * of Peregrine's namespace (the self-alert loop's source: it writes its store whenever an alert is
 * published) and an impostor, the same server in a container also named {@code nats} in another
 * namespace. Without the exclusion our server's store writes are recorded; with it they are not,
 * while the impostor's are, and so is a command run in our server's container through the runtime
 * (as {@code kubectl exec} does).
 */
class OwnPodsExclusionTest {
    static final String NATS = "/usr/sbin/nats-server";
    static final long BOUND_NANOS = 60_000_000_000L; // a hang guard, not a speed check

    /** Every record copied, searched by the markers in their paths. */
    static final class Recorded {
        final List<byte[]> records = new ArrayList<>();

        void collect(EventRecord r) {
            byte[] b = new byte[r.len()];
            r.copyTo(MemorySegment.ofArray(b), 0);
            records.add(b);
        }

        long mentioning(String text) {
            byte[] n = text.getBytes(StandardCharsets.UTF_8);
            return records.stream().filter(b -> indexOf(b, n) >= 0).count();
        }

        static int indexOf(byte[] h, byte[] n) {
            outer:
            for (int i = 0; i + n.length <= h.length; i++) {
                for (int j = 0; j < n.length; j++) {
                    if (h[i + j] != n[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }

    static void pollUntil(CaptureSource src, Recorded rec, BooleanSupplier done, String what) throws Exception {
        long deadline = System.nanoTime() + BOUND_NANOS;
        while (!done.getAsBoolean()) {
            if (src.events().poll(rec::collect, 4096) == 0) {
                Thread.sleep(1);
            }
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
        }
    }

    /** Reads what the ring holds now; returns once it is empty. */
    static void drainNow(CaptureSource src, Recorded rec) throws IOException {
        while (src.events().poll(rec::collect, 4096) > 0) {
            // keep reading
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static Connection connect(int port) throws Exception {
        long deadline = System.nanoTime() + BOUND_NANOS;
        while (true) {
            try {
                return Nats.connect("nats://127.0.0.1:" + port);
            } catch (IOException e) {
                assertTrue(System.nanoTime() < deadline, "nats-server on port " + port + " did not come up: " + e);
                Thread.sleep(100);
            }
        }
    }

    /** A file stream, and a message in it: nats-server creates and writes the stream's store. */
    static void storeIn(Connection nc, String stream) throws Exception {
        JetStreamManagement jsm = nc.jetStreamManagement();
        jsm.addStream(StreamConfiguration.builder().name(stream).subjects(stream + ".>")
                .storageType(StorageType.File).build());
        nc.jetStream().publish(stream + ".alert", "alert".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void ourNatsContainerIsLeftOutWhileAnImpostorAndAnExecdCommandAreSeen() throws Exception {
        assertEquals("0", new String(new ProcessBuilder("id", "-u").start().getInputStream().readAllBytes()).trim(),
                "containers over CRI and live capture need root (./peregrine test runs as root)");
        String run = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        String ours = "peregrine-" + run;
        Path dir = Files.createTempDirectory("peregrine-own-pods-" + run + "-");
        String ownStore = "/tmp/own-" + run, impostorStore = "/tmp/imp-" + run, execMarker = "/tmp/exec-" + run;
        int ownPort = freePort(), impostorPort = freePort();
        try (TestContainerd containerd = TestContainerd.start(dir.resolve("containerd"))) {
            containerd.importImage(TestImages.busybox(dir.resolve("images"))); // the pods' sandbox image
            containerd.importImage(TestImages.debian());
            Container own = containerd.run("nats-0", ours, "nats", TestImages.DEBIAN, Options.defaults().hostNetwork()
                    .mount(NATS, "/opt/nats-server", true)
                    .command("/opt/nats-server", "-a", "127.0.0.1", "-p", Integer.toString(ownPort), "-js", "-sd", ownStore));
            Container impostor = containerd.run("nats-0", "default-" + run, "nats", TestImages.DEBIAN,
                    Options.defaults().hostNetwork().mount(NATS, "/opt/nats-server", true)
                            .command("/opt/nats-server", "-a", "127.0.0.1", "-p", Integer.toString(impostorPort), "-js",
                                    "-sd", impostorStore));
            try (Connection ownNats = connect(ownPort); Connection impostorNats = connect(impostorPort);
                 CaptureSource src = Sources.open("live", Path.of("/"), Exclusions.SELF, Probe.DEFAULT_SNAPLEN);
                 CriRuntime runtime = new CriRuntime(containerd.socket, 5000)) {
                Recorded rec = new Recorded();

                // Without the exclusion, our server's store is seen: the loop's source.
                storeIn(ownNats, "BEFORE_" + run);
                pollUntil(src, rec, () -> rec.mentioning(ownStore) > 0, "our nats-server's store writes, not excluded");
                long seenBefore = rec.mentioning(ownStore);

                List<RunningContainer> listed = runtime.running(ours);
                assertEquals(List.of(own.id()), listed.stream().map(RunningContainer::id).toList(),
                        "the runtime lists our namespace's one container");
                long ownPid = listed.getFirst().pid();
                OwnProcesses choice = new OwnProcesses(ours, Set.of("nats", "rules-svc"), Path.of("/proc"));
                try (OwnPodsExclusion exclusion = new OwnPodsExclusion(new CriRuntime(containerd.socket, 5000), choice,
                        src, 500).start()) {
                    assertEquals(Set.of(ownPid), exclusion.once(), "our nats-server, and nothing else, is excluded");

                    drainNow(src, rec); // what was recorded before the exclusion
                    rec.records.clear();
                    long started = System.nanoTime();
                    for (int i = 0; i < 5; i++) {
                        storeIn(ownNats, "AFTER_" + run + "_" + i);
                        storeIn(impostorNats, "AFTER_" + run + "_" + i);
                    }
                    pollUntil(src, rec, () -> rec.mentioning(impostorStore + "/jetstream/$G/streams/AFTER_" + run + "_4") > 0,
                            "the impostor's store writes");
                    var exec = containerd.exec(own, "sh", "-c", "echo x > " + execMarker);
                    assertEquals(0, exec.exitCode(), exec.stderr());
                    pollUntil(src, rec, () -> rec.mentioning(execMarker) > 0, "the command exec'd in our container");
                    // what should not arrive has had time to: the impostor's later writes came through
                    storeIn(impostorNats, "LAST_" + run);
                    pollUntil(src, rec, () -> rec.mentioning("LAST_" + run) > 0, "the impostor's last stream");
                    double seconds = (System.nanoTime() - started) / 1e9;
                    System.out.printf("[own-pods] our nats-server store: %d records before the exclusion, %d after "
                                    + "(%d streams created on each server in %.1f s); impostor's store: %d records; exec'd: %d%n",
                            seenBefore, rec.mentioning(ownStore), 6, seconds, rec.mentioning(impostorStore),
                            rec.mentioning(execMarker));
                    assertEquals(0, rec.mentioning(ownStore), "our nats-server's store writes were recorded though excluded");
                    assertTrue(rec.mentioning(impostorStore) > 0);
                }
            }
        }
    }
}
