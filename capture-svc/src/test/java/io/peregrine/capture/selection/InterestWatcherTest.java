package io.peregrine.capture.selection;

import io.nats.client.KeyValue;
import io.peregrine.capture.pipeline.CaptureSource;
import io.peregrine.driver.source.EventSource;
import io.peregrine.kit.nats.InterestBucket;
import io.peregrine.kit.nats.NatsClient;
import io.peregrine.protocol.Subjects;
import io.peregrine.protocol.interest.Interest;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/**
 * What the watcher asks of the kernel selection: an interest that names no event type must not
 * narrow capture to the state syscalls; the entry in the bucket is read again on demand.
 */
@QuarkusTest
class InterestWatcherTest {

    @Inject
    NatsClient nats;

    record Selected(Set<String> types, boolean all) {
    }

    static final class RecordingSource implements CaptureSource {
        final List<Selected> calls = new ArrayList<>();

        @Override
        public void select(Set<String> eventTypes, boolean all) {
            calls.add(new Selected(Set.copyOf(eventTypes), all));
        }

        Selected last() {
            return calls.getLast();
        }

        @Override
        public EventSource events() {
            throw new UnsupportedOperationException();
        }

        @Override
        public String description() {
            return "recording";
        }

        @Override
        public boolean finite() {
            return false;
        }

        @Override
        public long kernelLost() {
            return 0;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void anInterestWithoutEventTypesKeepsTheDefaultSelection() {
        RecordingSource src = new RecordingSource();
        try (InterestWatcher w = new InterestWatcher(nats, src, 0)) {
            w.apply(Interest.of(false, Map.of("connect", Set.of("fd.name"))).encode());
            assertEquals(new Selected(Set.of("connect"), false), src.last());

            byte[] headerOnly = Interest.NONE.encode();
            w.apply(headerOnly);
            assertEquals(new Selected(Set.of(), true), src.last(), "everything the probe covers, not the state syscalls alone");
            assertEquals(1, w.emptyIgnored());

            w.apply("garbage".getBytes(StandardCharsets.UTF_8));
            assertEquals(new Selected(Set.of(), true), src.last(), "a malformed entry changes nothing");
            assertEquals(1, w.rejected());
        }
    }

    @Test
    void recheckReadsTheBucketAgain() throws Exception {
        KeyValue kv = InterestBucket.open(nats.connection(), nats.replicas());
        kv.put(Subjects.INTEREST_KEY, Interest.of(false, Map.of("ptrace", Set.of("proc.name"))).encode());
        RecordingSource src = new RecordingSource();
        try (InterestWatcher w = new InterestWatcher(nats, src, 0)) {
            w.recheck();
            assertEquals(new Selected(Set.of("ptrace"), false), src.last());
            int before = src.calls.size();
            w.recheck();
            assertEquals(before + 1, src.calls.size(), "applied again even when unchanged");
        }
    }
}
