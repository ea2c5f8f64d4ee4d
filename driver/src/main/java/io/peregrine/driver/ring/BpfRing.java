package io.peregrine.driver.ring;

import io.peregrine.driver.ffm.libc.Libc;
import io.peregrine.driver.source.EventConsumer;
import io.peregrine.protocol.event.EventRecord;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * Reader of one BPF ring buffer (BPF_MAP_TYPE_RINGBUF), mapped into this process and read by
 * positions, as the kernel lays it out: a consumer page (read-write, holds the consumer position),
 * then a producer page (the producer position) followed by the data area, which the kernel maps
 * twice in a row so that a record that wraps around is contiguous in memory. Each record has an
 * 8-byte header (u32 length with the BUSY and DISCARD bits, u32 page offset) and is padded to 8.
 *
 * The producer position is read with acquire, a record header with acquire (the kernel commits it
 * with release after writing the record), and the consumer position is written with release after
 * the records before it have been read. No wake-up is awaited: callers poll.
 *
 * Lengths are checked, not trusted: a ring record longer than the ring, or reaching past the
 * producer position, leaves no trustworthy position after it, so the reader gives up everything
 * produced so far and starts again at the producer position (counted in {@link #corrupt()} and
 * {@link #corruptBytes()}). An event whose own length does not fit its ring record is skipped and
 * counted in {@link #malformed()}.
 *
 * Single consumer: one thread reads a ring.
 */
public final class BpfRing implements AutoCloseable {
    static final int BUSY_BIT = 1 << 31;
    static final int DISCARD_BIT = 1 << 30;
    static final int HEADER = 8;
    private static final int PROT_READ = 1;
    private static final int PROT_WRITE = 2;
    private static final int MAP_SHARED = 1;
    private static final int SC_PAGESIZE = 30;

    private static final VarHandle POS = ValueLayout.JAVA_LONG.varHandle();
    private static final VarHandle HDR = ValueLayout.JAVA_INT.varHandle();

    private final long pageSize;
    private final long size;
    private final long mask;
    private final MemorySegment consumerPage;
    private final MemorySegment producerArea;
    private final MemorySegment data;
    private final EventRecord record = new EventRecord();
    private long consumerPos;
    private long delivered;
    private long discarded;
    private long malformed;
    private long corrupt;
    private long corruptBytes;
    private final boolean mapped;
    private boolean closed;

    private BpfRing(long pageSize, long size, MemorySegment consumerPage, MemorySegment producerArea, boolean mapped) {
        this.mapped = mapped;
        this.pageSize = pageSize;
        this.size = size;
        this.mask = size - 1;
        this.consumerPage = consumerPage;
        this.producerArea = producerArea;
        this.data = producerArea.asSlice(pageSize, 2 * size);
        this.consumerPos = (long) POS.getAcquire(consumerPage, 0L);
    }

    /** Maps the ring buffer map {@code mapFd} of {@code size} data bytes. */
    public static BpfRing map(int mapFd, long size) throws IOException {
        long page = Libc.sysconf(SC_PAGESIZE);
        if (page <= 0) {
            throw new IOException("sysconf(_SC_PAGESIZE) failed");
        }
        MemorySegment cons = Libc.mmap(MemorySegment.NULL, page, PROT_READ | PROT_WRITE, MAP_SHARED, mapFd, 0);
        if (failed(cons)) {
            throw new IOException("cannot map the ring buffer's consumer page (fd " + mapFd + ")");
        }
        MemorySegment prod = Libc.mmap(MemorySegment.NULL, page + 2 * size, PROT_READ, MAP_SHARED, mapFd, page);
        if (failed(prod)) {
            Libc.munmap(cons, page);
            throw new IOException("cannot map the ring buffer's producer page and data (fd " + mapFd + ", "
                    + size + " bytes)");
        }
        return new BpfRing(page, size, cons.reinterpret(page), prod.reinterpret(page + 2 * size), true);
    }

    /**
     * A reader over memory laid out as the kernel maps a ring (for tests of the reading logic):
     * {@code producerArea} is the producer page followed by the data area twice.
     */
    static BpfRing over(MemorySegment consumerPage, MemorySegment producerArea, long pageSize, long size) {
        return new BpfRing(pageSize, size, consumerPage, producerArea, false);
    }

    private static boolean failed(MemorySegment m) {
        return m.address() == -1L || m.address() == 0;
    }

    /** Bytes written by the kernel and not yet consumed. */
    public long pending() {
        return (long) POS.getAcquire(producerArea, 0L) - consumerPos;
    }

    /**
     * Hands up to {@code max} committed records to {@code consumer}, in place, then releases their
     * space to the kernel. Returns how many were delivered (discarded records are skipped and
     * counted). Stops at a record the kernel is still writing.
     */
    public int poll(EventConsumer consumer, int max) {
        long prod = (long) POS.getAcquire(producerArea, 0L);
        long cons = consumerPos;
        int n = 0;
        while (cons < prod && n < max) {
            long at = cons & mask;
            int hdr = (int) HDR.getAcquire(data, at);
            if ((hdr & BUSY_BIT) != 0) {
                break;
            }
            long len = hdr & ~(BUSY_BIT | DISCARD_BIT);
            long span = (len + HEADER + 7) & ~7L;
            if (len > size - HEADER || span > prod - cons) {
                corrupt++;
                corruptBytes += prod - cons;
                cons = prod;
                break;
            }
            if ((hdr & DISCARD_BIT) != 0) {
                discarded++;
            } else if (len < EventRecord.HEADER_SIZE) {
                malformed++;
            } else {
                record.wrap(data, at + HEADER);
                long eventLen = Integer.toUnsignedLong(record.len());
                if (eventLen < EventRecord.HEADER_SIZE || eventLen > len) {
                    malformed++;
                } else {
                    consumer.accept(record);
                    n++;
                }
            }
            cons += span;
        }
        if (cons != consumerPos) {
            consumerPos = cons;
            POS.setRelease(consumerPage, 0L, cons);
        }
        delivered += n;
        return n;
    }

    public long delivered() {
        return delivered;
    }

    /** Records the probe reserved and then discarded. */
    public long discarded() {
        return discarded;
    }

    /** Events skipped because their own length does not fit the ring record that holds them. */
    public long malformed() {
        return malformed;
    }

    /** Times a ring record's length could not be right, and the reader resynchronised. */
    public long corrupt() {
        return corrupt;
    }

    /** Bytes given up when resynchronising. */
    public long corruptBytes() {
        return corruptBytes;
    }

    public long size() {
        return size;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (!mapped) {
            return;
        }
        Libc.munmap(consumerPage, pageSize);
        Libc.munmap(producerArea, pageSize + 2 * size);
    }
}
