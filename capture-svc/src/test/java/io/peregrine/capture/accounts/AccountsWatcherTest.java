package io.peregrine.capture.accounts;

import io.peregrine.capture.pipeline.CapturePipeline;
import io.peregrine.capture.pipeline.CaptureSource;
import io.peregrine.driver.source.EventConsumer;
import io.peregrine.driver.source.EventSource;
import io.peregrine.protocol.scap.EventCodes;
import io.peregrine.protocol.event.EventRecord;
import io.peregrine.protocol.frame.FrameView;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.*;

/** A user added to the host after the capture started reaches the stream as a seed_user event. */
class AccountsWatcherTest {

    @Test
    void aNewUserIsSentAgainInTheStream() throws Exception {
        Path etc = Files.createTempDirectory("etc");
        Files.writeString(etc.resolve("passwd"), "root:x:0:0:root:/root:/bin/bash\n");
        Files.writeString(etc.resolve("group"), "root:x:0:\n");
        List<byte[]> frames = new CopyOnWriteArrayList<>();
        CapturePipeline p = new CapturePipeline(new IdleLiveSource(), frames::add, "n", UUID.randomUUID(), 65536, 5, 16, 0).start();
        AccountsWatcher w = new AccountsWatcher(etc, () -> p);

        w.check();
        assertEquals(0, w.resent(), "nothing changed yet");

        Files.writeString(etc.resolve("passwd"), "root:x:0:0:root:/root:/bin/bash\nalice:x:1001:1001::/home/alice:/bin/sh\n");
        Files.setLastModifiedTime(etc.resolve("passwd"), FileTime.from(Instant.now().plusSeconds(5)));
        w.check();
        assertEquals(1, w.resent());

        List<String> users = new java.util.ArrayList<>();
        long deadline = System.nanoTime() + 5_000_000_000L;
        FrameView v = new FrameView();
        EventRecord e = new EventRecord();
        while (users.size() < 2 && System.nanoTime() < deadline) {
            for (byte[] f : frames) {
                v.wrap(f);
                for (int q = v.payloadStart(); q < v.payloadEnd(); q = v.nextRecord(q)) {
                    e.wrap(v.segment(), q);
                    if (e.type() == EventCodes.PEREGRINE_SEED_USER_E) {
                        users.add(e.number(0) + ":" + e.string(2));
                    }
                }
            }
            if (users.size() < 2) {
                users.clear();
                Thread.sleep(20);
            }
        }
        assertEquals(List.of("0:root", "1001:alice"), users);
        p.close();
        w.close();
    }

    /** A live-like source with nothing to say. */
    static final class IdleLiveSource implements CaptureSource, EventSource {
        @Override
        public int poll(EventConsumer consumer, int max) {
            return 0;
        }

        @Override
        public long eventsRead() {
            return 0;
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
            return "idle";
        }

        @Override
        public boolean finite() {
            return false;
        }

        @Override
        public void close() {
        }
    }
}
