package io.peregrine.protocol.projection;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Writing frames (with repeated values sent as SAME references) of records that share context blocks, and validating and reading them back,
 * allocates nothing per record once the buffers are warm (a count of bytes, not a timing).
 */
class ProjectionAllocationTest {

    private static final byte[][] COMM = new byte[8][];
    private static final byte[][] PATH = new byte[64][];
    private static final byte[] TWO = "2".getBytes(StandardCharsets.US_ASCII);

    static {
        for (int i = 0; i < COMM.length; i++) {
            COMM[i] = ("worker-" + i + " --config /etc/app/" + i + ".yaml").getBytes(StandardCharsets.UTF_8);
        }
        for (int i = 0; i < PATH.length; i++) {
            PATH[i] = ("/var/lib/app/data/segment-" + i + ".log").getBytes(StandardCharsets.UTF_8);
        }
    }

    private long sink;

    private void round(ProjectionEncoder e, ProjectedEventView v, int records) {
        e.clear();
        for (int n = 0; n < records; n++) {
            int t = (n * 7) % COMM.length;
            e.begin(n, n, 1000 + t, 3, 307, 1);
            e.field(100, null);
            e.bytes(COMM[t]);
            e.field(101, TWO);
            e.bytes(COMM[(t + 1) % COMM.length]);
            e.field(102, null);
            e.uint64(t % 3 == 0 ? 0 : 1000);
            e.field(103, null);
            e.bytes(COMM[t]); // a SAME within the context block
            e.endContext();
            e.field(200, null);
            e.bytes(PATH[n % PATH.length]);
            e.field(201, null);
            e.int64(n);
            e.field(202, null);
            e.bytes(PATH[n % PATH.length]); // a SAME to the event value 200
            e.field(203, null);
            e.bytes(COMM[t]); // a SAME to the own context block, else written in full
            e.end();
        }
        for (int b = 0; b < e.blocks(); b++) {
            long start = e.blockStart(b);
            long end = start + e.blockSize(b);
            v.beginFrame(e.segment(), start);
            for (long at = start; at < end; at += v.length()) {
                v.wrap(e.segment(), at);
                if (v.validate(end - at) != null) {
                    throw new AssertionError(v.validate(end - at));
                }
                sink += v.int64At(v.valuePayload(v.find(102, null))) + v.bytesLengthAt(v.valuePayload(v.find(200, null)))
                        + v.bytesLengthAt(v.valuePayload(v.find(202, null))) + v.valueTag(v.find(103, null));
            }
        }
    }

    @Test
    void encodingValidatingAndReadingDoNotAllocatePerRecord() {
        ProjectionEncoder e = new ProjectionEncoder(1 << 16, 16 * 1024);
        ProjectedEventView v = new ProjectedEventView();
        for (int i = 0; i < 500; i++) {
            round(e, v, 2000);
        }
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().threadId();
        int rounds = 100;
        long before = mx.getThreadAllocatedBytes(tid);
        for (int i = 0; i < rounds; i++) {
            round(e, v, 2000);
        }
        long allocated = mx.getThreadAllocatedBytes(tid) - before;
        assertTrue(e.blocks() > 1, "frames were cut: " + e.blocks());
        assertTrue(sink != 0);
        assertTrue(allocated < 2000L * rounds / 10, allocated + " bytes for " + 2000 * rounds + " records");
    }
}
