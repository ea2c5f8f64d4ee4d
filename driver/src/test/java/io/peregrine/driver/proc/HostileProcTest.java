package io.peregrine.driver.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.peregrine.protocol.event.EventRecord;
import io.peregrine.protocol.scap.EventCodes;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A proc root whose stat files no kernel writes: the scan skips and counts the processes it cannot
 * parse and seeds every other one.
 */
class HostileProcTest {

    /** A stat line as the kernel writes it: pid, (comm), state, then fields 4 to 52. */
    private static String stat(long pid, String comm, String ppid) {
        StringBuilder b = new StringBuilder().append(pid).append(" (").append(comm).append(") S ").append(ppid);
        b.append(' ').append(pid).append(' ').append(pid); // pgrp, session
        b.append(" 0 -1 4194304 17 0 3 0 1 2 0 0 20 0 1 0"); // tty_nr .. itrealvalue
        b.append(" 4242"); // starttime
        for (int i = 23; i <= 52; i++) {
            b.append(" 0");
        }
        return b.append('\n').toString();
    }

    private static void process(Path proc, String pid, String statText, byte[] comm) throws Exception {
        Path t = Files.createDirectories(proc.resolve(pid).resolve("task").resolve(pid));
        Files.write(proc.resolve(pid).resolve("cmdline"), "/bin/x\0arg\0".getBytes(StandardCharsets.UTF_8));
        Files.writeString(t.resolve("stat"), statText);
        Files.writeString(t.resolve("status"), "Name:\tx\nUid:\t0\t0\t0\t0\nGid:\t0\t0\t0\t0\nNSpid:\t" + pid + "\n");
        Files.write(t.resolve("comm"), comm);
    }

    @Test
    void unparsableProcessesAreSkippedAndCounted(@TempDir Path dir) throws Exception {
        Path proc = Files.createDirectories(dir.resolve("proc"));
        Path etc = Files.createDirectories(dir.resolve("etc"));
        Files.writeString(etc.resolve("passwd"), "root:x:0:0:root:/root:/bin/sh\n");
        Files.writeString(etc.resolve("group"), "root:x:0:\n");
        Files.writeString(proc.resolve("stat"), "cpu 1 2 3\nbtime 1700000000\n");

        // Parsable, however odd the command name: parentheses, spaces, a newline, non-UTF-8 bytes.
        process(proc, "100", stat(100, "a) (b) c", "1"), "a) (b) c\n".getBytes(StandardCharsets.UTF_8));
        process(proc, "101", stat(101, "x\ny", "100"), "x\ny\n".getBytes(StandardCharsets.UTF_8));
        process(proc, "102", stat(102, "\u00e9t\u00e9", "1"), new byte[] {(byte) 0xe9, 't', (byte) 0xe9, '\n'});
        // Not parsable.
        process(proc, "200", "200 (trunc", "trunc\n".getBytes(StandardCharsets.UTF_8));
        process(proc, "201", "201 (cut) S 1 201", "cut\n".getBytes(StandardCharsets.UTF_8));
        process(proc, "202", stat(202, "big", "99999999999999999999999"), "big\n".getBytes(StandardCharsets.UTF_8));
        process(proc, "203", "203 (end)", "end\n".getBytes(StandardCharsets.UTF_8));
        process(proc, "204", "", new byte[0]);
        process(proc, "205", stat(205, "st", "1"), "st\n".getBytes(StandardCharsets.UTF_8));
        Files.writeString(proc.resolve("205/task/205/status"), "Uid:\t0 nan\n");
        // A numeric name no pid can have.
        Files.createDirectories(proc.resolve("99999999999999999999999"));

        ProcScanner scanner = new ProcScanner(proc, etc);
        SeedRecords out = new SeedRecords();
        scanner.scan(out);

        Map<Long, Long> ppidOf = new HashMap<>();
        out.deliver(r -> {
            MemorySegment copy = MemorySegment.ofArray(new byte[r.len()]);
            r.copyTo(copy, 0);
            EventRecord c = new EventRecord().wrap(copy, 0);
            assertNull(c.validate(c.len()));
            if (c.type() == EventCodes.PEREGRINE_SEED_THREAD_E) {
                ppidOf.put(c.number(c.eventType().paramIndex("tid")), c.number(c.eventType().paramIndex("ptid")));
            }
        }, Integer.MAX_VALUE);

        assertEquals(Map.of(100L, 1L, 101L, 100L, 102L, 1L), ppidOf, "the parsable processes, with their parents");
        assertEquals(7, scanner.skipped(), "200 to 205 and the impossible pid");
    }

    @Test
    void statFieldsFollowTheLastParenthesis() {
        long[] f = ProcScanner.statFields(stat(7, ") S 9 9 9 (", "3"));
        assertEquals(3, f[ProcScanner.PPID]);
        assertEquals(4242, f[ProcScanner.START]);
        assertNull(ProcScanner.statFields("7 (x) S"));
        assertNull(ProcScanner.statFields("no parenthesis at all"));
    }
}
