package io.peregrine.driver.live;

import io.peregrine.protocol.scap.EventCodes;
import io.peregrine.protocol.event.EventRecord;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Regenerates the recorded-bytes fixture of {@link RecordedEventsTest} (not a test; run as root):
 * the action script's file, network, memfd and identity events, as the probe wrote them.
 * Records carrying the environment (execve) are left out of the fixture. After regenerating,
 * update the inode, device and client port that RecordedEventsTest expects (the script prints them).
 *
 * Usage: RecordFixture driver/src/test/resources/io/peregrine/driver/live/recorded-events.bin
 */
public final class RecordFixture {
    static final Path DIR = Path.of("/tmp/peregrine-fixture");
    static final String MARKER = "pg-fixture";
    static final Set<Integer> KEPT = Set.of(EventCodes.PPME_SYSCALL_OPENAT_2_X, EventCodes.PPME_SYSCALL_RENAME_X,
            EventCodes.PPME_SYSCALL_UNLINK_2_X, EventCodes.PPME_SOCKET_CONNECT_X, EventCodes.PPME_SOCKET_SOCKET_X,
            EventCodes.PPME_SYSCALL_MEMFD_CREATE_X, EventCodes.PPME_SYSCALL_SETUID_X, EventCodes.PPME_SYSCALL_MKDIR_2_X,
            EventCodes.PPME_SYSCALL_PIPE2_X, EventCodes.PPME_PROCEXIT_1_E);

    public static void main(String[] args) throws Exception {
        Files.createDirectories(DIR);
        Path script = Files.createTempFile("actions", ".py");
        try (InputStream in = RecordFixture.class.getResourceAsStream("actions.py")) {
            Files.write(script, in.readAllBytes());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (LiveSource src = LiveSource.open(LiveOptions.defaults().withSeed(false));
             ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                try (var s = server.accept()) {
                    s.getInputStream().read();
                } catch (Exception e) {
                    // the client closes at once
                }
            });
            Process p = new ProcessBuilder("/usr/bin/python3", script.toString(), DIR.toString(),
                    Integer.toString(server.getLocalPort()), MARKER).inheritIO().start();
            long pid = p.pid();
            long[] child = {-1};
            boolean[] done = {false};
            while (!done[0]) {
                src.poll((EventRecord r) -> {
                    long tid = r.tid();
                    if (r.type() == EventCodes.PPME_SYSCALL_CLONE_20_X && tid == pid && r.number(0) > 0) {
                        child[0] = r.number(0);
                    }
                    if ((tid == pid || tid == child[0]) && KEPT.contains(r.type())
                            && (r.type() != EventCodes.PPME_SYSCALL_OPENAT_2_X || r.string(2).contains(MARKER))) {
                        byte[] b = new byte[r.len()];
                        MemorySegment.copy(r.segment(), ValueLayout.JAVA_BYTE, r.offset(), b, 0, b.length);
                        out.writeBytes(b);
                    }
                    if (r.type() == EventCodes.PPME_PROCEXIT_1_E && tid == pid) {
                        done[0] = true;
                    }
                }, 4096);
            }
        }
        Files.write(Path.of(args[0]), out.toByteArray());
        System.out.println("wrote " + out.size() + " bytes");
    }
}
