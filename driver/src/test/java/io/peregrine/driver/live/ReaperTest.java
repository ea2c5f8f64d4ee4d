package io.peregrine.driver.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.peregrine.protocol.event.EventRecord;
import io.peregrine.protocol.scap.EventCodes;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * procexit's reaper_tid on the real kernel: the process the kernel hands an exiting process's
 * children to, as the orphan itself sees it afterwards (getppid). A container shim makes itself a
 * child subreaper, and the processes runc starts are given to it when runc exits; without the
 * reaper they would look like children of the host's init.
 */
class ReaperTest {
    /**
     * A (optionally a child subreaper) forks B; B forks C and exits; C reports its parent once B
     * is gone. Prints the pids and C's new parent.
     */
    static final String SCRIPT = """
            import ctypes, os, sys, time
            if sys.argv[1] == "subreaper":
                assert ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0) == 0  # PR_SET_CHILD_SUBREAPER
            r, w = os.pipe()
            def c_side():
                os.close(w)
                os.read(r, 1)  # B has exited and been waited for
                print("c", os.getpid(), "ppid", os.getppid(), flush=True)
                os._exit(0)
            b = os.fork()
            if b == 0:
                if sys.argv[2] == "thread":
                    # C forked by a second thread of B, which is still running when B's exit_group ends it
                    import threading
                    forked = threading.Event()
                    def fork_in_thread():
                        if os.fork() == 0:
                            c_side()
                        print("t", threading.get_native_id(), flush=True)
                        forked.set()
                        threading.Event().wait()
                    threading.Thread(target=fork_in_thread, daemon=True).start()
                    forked.wait()
                elif os.fork() == 0:
                    c_side()
                print("b", os.getpid(), flush=True)
                os._exit(0)
            os.waitpid(b, 0)
            os.close(r)
            os.write(w, b"x")
            os.close(w)
            if sys.argv[1] == "subreaper":
                os.wait()
            else:
                time.sleep(0.5)
            print("a", os.getpid(), flush=True)
            """;

    @Test
    void orphansGoToTheNearestSubreaper() throws Exception {
        Map<String, Long> pids = run("subreaper", "main");
        assertEquals(pids.get("a"), pids.get("ppid"), "the kernel gave C to A, the subreaper: " + pids);
        assertEquals(pids.get("ppid"), pids.get("reaper"), "procexit of B names C's new parent: " + pids);
    }

    /** The parent thread is not the main one, and the whole group ends at once (exit_group). */
    @Test
    void orphansOfAnotherThreadGoToTheSubreaperWhenTheGroupExits() throws Exception {
        Map<String, Long> pids = run("subreaper", "thread");
        assertEquals(pids.get("a"), pids.get("ppid"), "the kernel gave C to A, the subreaper: " + pids);
        assertEquals(pids.get("ppid"), pids.get("reaper"), "procexit of B names C's new parent: " + pids);
    }

    @Test
    void withoutSubreaperOrphansGoToTheNamespaceInit() throws Exception {
        Map<String, Long> pids = run("plain", "main");
        assertTrue(pids.get("ppid") != pids.get("a").longValue(), "A is no subreaper: " + pids);
        assertEquals(pids.get("ppid"), pids.get("reaper"), "procexit of B names C's new parent: " + pids);
    }

    private static Map<String, Long> run(String mode, String forker) throws Exception {
        Map<Long, Long> reaperOf = new HashMap<>();
        Map<String, Long> pids = new HashMap<>();
        try (LiveSource src = LiveSource.open(LiveOptions.defaults().withSeed(false).withRingBytes(16 << 20))) {
            Process p = new ProcessBuilder(LiveCaptureTest.PYTHON, "-c", SCRIPT, mode, forker).redirectErrorStream(true)
                    .start();
            List<String> out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            assertEquals(0, p.waitFor(), "script failed: " + out);
            for (String line : out) {
                String[] w = line.split(" ");
                pids.put(w[0], Long.parseLong(w[1]));
                if (w.length == 4) {
                    pids.put(w[2], Long.parseLong(w[3]));
                }
            }
            // the thread that forked C is the one whose exit hands C on
            long forkerTid = pids.getOrDefault("t", pids.get("b"));
            long deadline = System.nanoTime() + 30_000_000_000L; // a hang bound, not a speed check
            while (!reaperOf.containsKey(forkerTid)) {
                src.poll((EventRecord r) -> {
                    if (r.type() == EventCodes.PPME_PROCEXIT_1_E && r.tid() == forkerTid) {
                        reaperOf.put(r.tid(), new CapturedEvent(r).num("reaper_tid"));
                    }
                }, 4096);
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the procexit of C's parent thread never arrived: " + pids);
                }
            }
            pids.put("reaper", reaperOf.get(forkerTid));
        }
        return pids;
    }
}
