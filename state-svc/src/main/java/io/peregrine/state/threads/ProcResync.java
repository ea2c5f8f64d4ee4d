package io.peregrine.state.threads;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Drift repair against {@code /proc} (the host's pid namespace): finds the threads of the table
 * that the kernel no longer has, for instance when their exit event was lost. Only meaningful for
 * the node this process runs on, while its events are live. The table is only read here, from a
 * snapshot taken by the caller on the event thread; the check itself touches the file system and
 * runs off that thread.
 */
public final class ProcResync {
    private final Path proc;

    public ProcResync(Path proc) {
        this.proc = proc;
    }

    /** Tids of the threads whose last event is older than {@code beforeTs}; call on the event thread. */
    public static long[] candidates(ThreadTable table, long beforeTs) {
        long[][] out = {new long[64]};
        int[] n = new int[1];
        table.forEach(t -> {
            if (t.tid > 0 && t.lastEventTs < beforeTs) {
                if (n[0] == out[0].length) {
                    out[0] = Arrays.copyOf(out[0], n[0] * 2);
                }
                out[0][n[0]++] = t.tid;
            }
        });
        return Arrays.copyOf(out[0], n[0]);
    }

    /** Those of {@code tids} that have no {@code /proc/<tid>} (a thread id resolves there too). */
    public long[] gone(long[] tids) {
        long[] out = new long[tids.length];
        int n = 0;
        for (long tid : tids) {
            if (!Files.exists(proc.resolve(Long.toString(tid)))) {
                out[n++] = tid;
            }
        }
        return Arrays.copyOf(out, n);
    }
}
