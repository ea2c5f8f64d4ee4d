package io.peregrine.capture.pipeline;

import io.peregrine.driver.source.EventConsumer;
import io.peregrine.driver.source.EventSource;
import io.peregrine.protocol.scap.EventCodes;
import io.peregrine.protocol.event.EventRecord;
import io.peregrine.protocol.event.EventRecordBuilder;

import java.lang.foreign.MemorySegment;
import java.util.Set;

/** A finite or endless source of close-exit events built in memory, with a given thread id per event. */
final class ListSource implements CaptureSource, EventSource {

    private final int total;
    private final boolean finite;
    private final EventRecordBuilder builder = new EventRecordBuilder();
    private final EventRecord view = new EventRecord();
    private long kernelLost;
    private int next;
    volatile Set<String> selected = Set.of();

    ListSource(int total, boolean finite) {
        this.total = total;
        this.finite = finite;
    }

    @Override
    public int poll(EventConsumer consumer, int max) {
        if (next >= total) {
            return finite ? -1 : 0;
        }
        int n = 0;
        while (n < max && next < total) {
            builder.begin(1_000L + next, next, EventCodes.PPME_SYSCALL_CLOSE_X, 1).addI64(0);
            int len = builder.finish();
            MemorySegment seg = builder.segment();
            consumer.accept(view.wrap(seg.asSlice(0, len), 0));
            next++;
            n++;
        }
        return n;
    }

    void kernelLost(long n) {
        kernelLost = n;
    }

    @Override
    public long kernelLost() {
        return kernelLost;
    }

    @Override
    public void select(Set<String> eventTypes, boolean all) {
        selected = eventTypes;
    }

    @Override
    public long eventsRead() {
        return next;
    }

    @Override
    public long eventsSkipped() {
        return 0;
    }

    @Override
    public EventSource events() {
        return this;
    }

    @Override
    public String description() {
        return "test";
    }

    @Override
    public boolean finite() {
        return finite;
    }

    @Override
    public void close() {
    }
}
