package io.peregrine.capture.pipeline;

import io.peregrine.capture.framing.FrameQueue;
import io.peregrine.capture.framing.FramePublisher;
import io.peregrine.capture.framing.Framer;
import io.peregrine.protocol.scap.EventCodes;
import io.peregrine.protocol.frame.FrameView;
import org.junit.jupiter.api.Test;

import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.*;

class CapturePipelineTest {

    private static final UUID BOOT = UUID.randomUUID();
    private static final ValueLayout.OfLong I64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    @Test
    void replayFramesEveryEventInOrderThenEndOfStream() throws Exception {
        List<byte[]> sent = new CopyOnWriteArrayList<>();
        ListSource src = new ListSource(10_000, true);
        try (CapturePipeline p = new CapturePipeline(src, sent::add, "node-a", BOOT, 4096, 20, 2, 0).start()) {
            assertTrue(p.awaitFinished(30_000));
            assertEquals(CapturePipeline.State.FINISHED, p.state());
            assertEquals(0, p.publisher().eventsLost(), "a replay waits for the publisher instead of dropping");
            assertEquals(10_000, p.framer().count(EventCodes.PPME_SYSCALL_CLOSE_X));
        }
        List<Long> tids = new ArrayList<>();
        FrameView v = new FrameView();
        long seq = 0;
        for (byte[] f : sent) {
            v.wrap(f);
            assertEquals(++seq, v.sequence(), "sequence numbers have no gap");
            assertEquals("node-a", v.node());
            for (int p = v.payloadStart(); p < v.payloadEnd(); p = v.nextRecord(p)) {
                tids.add(v.segment().get(I64, p + 8));
            }
        }
        assertEquals(10_000, tids.size());
        for (int i = 0; i < tids.size(); i++) {
            assertEquals(i, tids.get(i));
        }
        assertTrue(v.wrap(sent.getLast()).endOfStream());
        assertTrue(sent.size() > 10, "bounded by size: " + sent.size() + " frames");
    }

    @Test
    void aFullQueueDropsFramesAndTheNextSentFrameReportsEveryLostEvent() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<byte[]> sent = new CopyOnWriteArrayList<>();
        FrameQueue queue = new FrameQueue(1);
        FramePublisher publisher = new FramePublisher(queue, f -> {
            release.await(); // NATS is stuck
            sent.add(f);
        });
        Framer framer = new Framer("n", BOOT, queue, 1 << 20, 1000, false);
        ListSource src = new ListSource(100, false);
        Thread t = Thread.ofPlatform().start(publisher);

        // Ten frames of ten events: the publisher holds one, the queue one, eight are dropped.
        for (int i = 0; i < 10; i++) {
            src.poll(framer, 10);
            framer.flush(0);
            Thread.sleep(5);
        }
        assertEquals(8, queue.droppedFrames());
        release.countDown();
        // One more frame after the jam clears carries the loss.
        ListSource more = new ListSource(5, false);
        Thread.sleep(50);
        more.poll(framer, 5);
        framer.flush(0);
        publisher.stop();
        t.join(5000);

        FrameView v = new FrameView();
        long lost = 0;
        long events = 0;
        for (byte[] f : sent) {
            v.wrap(f);
            lost += v.lost();
            events += v.count();
        }
        assertEquals(80, lost);
        assertEquals(25, events);
        assertEquals(105, lost + events, "every event is either delivered or counted as lost");
        v.wrap(sent.getLast());
        assertEquals(100, v.firstIndex(), "the stream index counts lost events too");
        assertEquals(80, publisher.eventsLost());
    }

    @Test
    void failedSendsAreCountedAndReportedOnceTheSinkRecovers() throws Exception {
        List<byte[]> sent = new CopyOnWriteArrayList<>();
        boolean[] down = {true};
        FrameQueue queue = new FrameQueue(16);
        FramePublisher publisher = new FramePublisher(queue, f -> {
            if (down[0]) {
                throw new IllegalStateException("connection closed");
            }
            sent.add(f);
        });
        Framer framer = new Framer("n", BOOT, queue, 1 << 20, 1000, false);
        ListSource src = new ListSource(1000, false);
        Thread t = Thread.ofPlatform().start(publisher);
        src.poll(framer, 30);
        framer.flush(0);
        src.poll(framer, 12);
        framer.flush(0);
        while (publisher.sendFailures() < 2) {
            Thread.sleep(5);
        }
        down[0] = false;
        src.poll(framer, 7);
        framer.flush(0);
        publisher.stop();
        t.join(5000);

        assertEquals(1, sent.size());
        FrameView v = new FrameView().wrap(sent.getFirst());
        assertEquals(1, v.sequence(), "failed sends use no sequence number");
        assertEquals(42, v.lost());
        assertEquals(7, v.count());
    }

    @Test
    void kernelLossIsReportedInTheNextFrame() throws Exception {
        List<byte[]> sent = new CopyOnWriteArrayList<>();
        FrameQueue queue = new FrameQueue(16);
        FramePublisher publisher = new FramePublisher(queue, sent::add);
        Framer framer = new Framer("n", BOOT, queue, 1 << 20, 1000, false);
        Thread t = Thread.ofPlatform().start(publisher);
        ListSource src = new ListSource(100, false);
        src.poll(framer, 10);
        framer.kernelLost(3);
        framer.flush(0);
        src.poll(framer, 10);
        framer.kernelLost(3);
        framer.flush(0);
        src.poll(framer, 10);
        framer.kernelLost(10);
        framer.flush(0);
        publisher.stop();
        t.join(5000);
        FrameView v = new FrameView();
        assertEquals(3, v.wrap(sent.get(0)).lost());
        assertEquals(0, v.wrap(sent.get(1)).lost());
        assertEquals(7, v.wrap(sent.get(2)).lost());
    }

    @Test
    void pacedReplayFollowsTheOriginalClock() {
        Pacer pacer = new Pacer(2.0);
        assertEquals(0, pacer.delayFor(1_000_000_000L));
        long d = pacer.delayFor(1_000_000_000L + 400_000_000L); // 400 ms later at 2x: about 200 ms
        assertTrue(d > 150_000_000L && d <= 200_000_000L, "delay " + d);
        assertEquals(0, new Pacer(0).delayFor(5));
        assertThrows(IllegalArgumentException.class, () -> new Pacer(-1));
    }
}
