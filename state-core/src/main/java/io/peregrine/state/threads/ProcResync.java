package io.peregrine.state.threads;

import io.peregrine.state.fds.FdInfo;
import io.peregrine.state.fds.FdTable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Drift repair against {@code /proc} (the host's pid namespace): finds the threads of the table
 * that the kernel no longer has, for instance when their exit event was lost, and the fds of quiet
 * processes that the kernel has closed while the close was lost. Only meaningful for
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

    /**
     * The fds of one quiet process as the table held them: the table and each entry are compared by
     * identity before anything is removed, so an fd reopened meanwhile is never touched.
     */
    public record FdSnapshot(long pid, FdTable table, int[] fds, FdInfo[] infos) {
    }

    /** The fds of processes whose main thread has had no event since {@code beforeTs}; call on the event thread. */
    public static List<FdSnapshot> fdCandidates(ThreadTable table, long beforeTs) {
        List<FdSnapshot> out = new ArrayList<>();
        table.forEach(t -> {
            FdTable fds = t.fds;
            if (t.tid <= 0 || !t.isMain() || t.lastEventTs >= beforeTs || fds == null || fds.count() == 0) {
                return;
            }
            int[] nums = new int[fds.count()];
            FdInfo[] infos = new FdInfo[nums.length];
            int n = 0;
            for (int fd = 0; fd < fds.capacity() && n < nums.length; fd++) {
                FdInfo info = fds.get(fd);
                if (info != null) {
                    nums[n] = fd;
                    infos[n++] = info;
                }
            }
            out.add(new FdSnapshot(t.tid, fds, Arrays.copyOf(nums, n), Arrays.copyOf(infos, n)));
        });
        return out;
    }

    /**
     * Indexes into {@code s.fds()} of the fds that {@code /proc/<pid>/fd} no longer lists; none when
     * the process itself is gone (its threads go by {@link #gone}) or its fds cannot be read.
     */
    public int[] closed(FdSnapshot s) {
        Path dir = proc.resolve(Long.toString(s.pid())).resolve("fd");
        if (!Files.isDirectory(dir)) {
            return new int[0];
        }
        int[] out = new int[s.fds().length];
        int n = 0;
        for (int i = 0; i < s.fds().length; i++) {
            if (!Files.exists(dir.resolve(Integer.toString(s.fds()[i])), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                out[n++] = i;
            }
        }
        // the process may have exited while its fds were listed: then nothing is concluded
        return Files.isDirectory(dir) ? Arrays.copyOf(out, n) : new int[0];
    }
}
