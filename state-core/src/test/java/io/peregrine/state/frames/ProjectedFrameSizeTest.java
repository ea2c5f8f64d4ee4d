package io.peregrine.state.frames;

import io.peregrine.protocol.scap.EventCodes;
import io.peregrine.protocol.event.EventRecordBuilder;
import io.peregrine.protocol.frame.Frame;
import io.peregrine.protocol.frame.FrameEncoder;
import io.peregrine.protocol.frame.FrameKind;
import io.peregrine.protocol.frame.FrameView;
import io.peregrine.protocol.interest.Interest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Projection can make a frame larger than the raw one it comes from; projected frames are cut at
 * record boundaries so that none exceeds what NATS accepts.
 */
class ProjectedFrameSizeTest {

    @Test
    void aLargeProjectionIsCutIntoBoundedFramesAndLosesNoRecord() throws Exception {
        FrameApplier applier = new FrameApplier();
        applier.interest(Interest.of(false, Map.of("close", Set.of("proc.name", "proc.exe", "fd.num", "user.name"))));
        EventRecordBuilder b = new EventRecordBuilder();
        FrameEncoder raw = new FrameEncoder(FrameKind.RAW_EVENTS, "big", UUID.randomUUID(), 1 << 20);
        int events = 20_000;
        for (int i = 0; i < events; i++) {
            b.begin(1_700_000_000_000_000_000L + i, 4242, EventCodes.PPME_SYSCALL_CLOSE_X, 1).addI64(0);
            int len = b.finish();
            raw.add(b.segment(), 0, len, 1_700_000_000_000_000_000L + i);
        }
        FrameApplier.Result r = applier.apply(raw.finish(0, Frame.FLAG_END_OF_STREAM));
        assertFalse(r.malformed(), r.error());
        List<byte[]> frames = r.projected();
        assertTrue(frames.size() > 1, "more than one frame: " + frames.size());

        FrameView v = new FrameView();
        int records = 0;
        for (int i = 0; i < frames.size(); i++) {
            byte[] f = frames.get(i);
            assertTrue(f.length <= FrameApplier.MAX_PROJECTED_FRAME + Frame.FIXED_HEADER + 16,
                    "frame " + i + " has " + f.length + " bytes");
            v.wrap(f); // checks that the records tile the payload and match the count
            records += v.count();
            assertEquals(i == frames.size() - 1, v.endOfStream(), "only the last frame ends the stream");
        }
        assertEquals(events, records, "every projected record is in exactly one frame");
    }
}
