package io.peregrine.driver.proc;

import io.peregrine.driver.source.EventConsumer;
import io.peregrine.protocol.event.EventRecord;
import io.peregrine.protocol.event.EventRecordBuilder;
import java.lang.foreign.MemorySegment;

/** Seed records kept back to back in one buffer until they are delivered, in scan order. */
public final class SeedRecords {
    private byte[] buf = new byte[1 << 16];
    private MemorySegment seg = MemorySegment.ofArray(buf);
    private int size;
    private int count;
    private int readPos;
    private final EventRecord record = new EventRecord();

    /** Appends the record just finished in {@code b}. */
    public void add(EventRecordBuilder b) {
        int len = b.length();
        if (size + len > buf.length) {
            byte[] n = new byte[Math.max(buf.length * 2, size + len)];
            System.arraycopy(buf, 0, n, 0, size);
            buf = n;
            seg = MemorySegment.ofArray(buf);
        }
        System.arraycopy(b.array(), 0, buf, size, len);
        size += len;
        count++;
    }

    public int count() {
        return count;
    }

    /** Delivers up to {@code max} records not delivered yet; returns how many. */
    public int deliver(EventConsumer consumer, int max) {
        int n = 0;
        while (readPos < size && n < max) {
            record.wrap(seg, readPos);
            readPos += record.len();
            consumer.accept(record);
            n++;
        }
        return n;
    }
}
