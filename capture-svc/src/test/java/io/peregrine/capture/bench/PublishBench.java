package io.peregrine.capture.bench;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Nats;
import io.peregrine.capture.framing.FrameSink;
import io.peregrine.capture.pipeline.CapturePipeline;
import io.peregrine.capture.pipeline.CaptureSource;
import io.peregrine.driver.scap.ScapReader;
import io.peregrine.driver.source.EventConsumer;
import io.peregrine.driver.source.EventSource;
import io.peregrine.protocol.event.EventRecord;
import io.peregrine.protocol.frame.FrameView;
import io.peregrine.kit.nats.NatsSettings;

import java.io.ByteArrayOutputStream;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Replay publishing throughput: the events of every fixture, held in memory and repeated until
 * {@code events} have been sent, framed and published to NATS on loopback as fast as possible; a
 * subscriber on its own connection counts what arrives. Run (with a nats-server on the URL):
 *
 * <pre>
 * ./mvnw -q -pl capture-svc -am test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=io.peregrine.capture.bench.PublishBench -Dexec.args="nats://127.0.0.1:4222 5000000"
 * </pre>
 * With a third argument {@code live SECONDS PROCESSES} (root), it captures live instead while
 * PROCESSES python loops open and close /dev/null for SECONDS, and reports the rate published
 * during the storm and the kernel and queue loss.
 */
public final class PublishBench {

    public static void main(String[] args) throws Exception {
        if (args.length > 2 && args[2].equals("live")) {
            live(args[0], Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            return;
        }
        String url = args.length > 0 ? args[0] : "nats://127.0.0.1:4222";
        long total = args.length > 1 ? Long.parseLong(args[1]) : 5_000_000L;
        String env = System.getenv("PEREGRINE_SHARED");
        Path shared = env != null ? Path.of(env) : Files.isDirectory(Path.of("../shared")) ? Path.of("../shared") : Path.of("../../shared");

        // Every fixture's events, back to back, as one block of memory.
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        List<Integer> offsets = new ArrayList<>();
        try (var files = Files.list(shared.resolve("fixtures/scap"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".scap")).sorted().toList()) {
                try (ScapReader r = ScapReader.open(f)) {
                    r.drain(e -> {
                        offsets.add(all.size());
                        byte[] b = e.segment().asSlice(e.offset(), e.len()).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
                        all.write(b, 0, b.length);
                    });
                }
            }
        }
        MemorySegment events = MemorySegment.ofArray(all.toByteArray());
        int[] starts = offsets.stream().mapToInt(Integer::intValue).toArray();
        System.out.printf("%d distinct events, %d bytes, mean %.0f bytes/event%n",
                starts.length, events.byteSize(), (double) events.byteSize() / starts.length);

        Connection pub = Nats.connect(NatsSettings.plain(url).toOptions("bench-pub", null, null));
        Connection sub = Nats.connect(NatsSettings.plain(url).toOptions("bench-sub", null, null));
        AtomicLong received = new AtomicLong();
        AtomicLong lost = new AtomicLong();
        CountDownLatch done = new CountDownLatch(1);
        String subject = "peregrine.raw.bench-" + UUID.randomUUID();
        Dispatcher d = sub.createDispatcher(m -> {
            FrameView v = new FrameView();
            try {
                v.wrap(m.getData());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            received.addAndGet(v.count());
            lost.addAndGet(v.lost());
            if (v.endOfStream()) {
                done.countDown();
            }
        });
        d.subscribe(subject);
        sub.flush(Duration.ofSeconds(5));

        FrameSink sink = f -> pub.publish(subject, f);
        LoopSource source = new LoopSource(events, starts, total);
        long t0 = System.nanoTime();
        CapturePipeline p = new CapturePipeline(source, sink, "bench", UUID.randomUUID(), 256 * 1024, 20, 256, 0).start();
        if (!done.await(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException("no end of stream");
        }
        long t1 = System.nanoTime();
        p.awaitFinished(10_000);
        double secs = (t1 - t0) / 1e9;
        System.out.printf("published %d events in %.2f s: %.0f events/s, %.1f MB/s; received %d, sender-side loss %d, publisher loss %d%n",
                total, secs, total / secs, p.publisher().bytesSent() / secs / 1e6, received.get(), lost.get(),
                p.publisher().eventsLost());
        pub.close();
        sub.close();
    }

    static void live(String url, int seconds, int processes) throws Exception {
        Connection pub = Nats.connect(NatsSettings.plain(url).toOptions("bench-pub", null, null));
        Connection sub = Nats.connect(NatsSettings.plain(url).toOptions("bench-sub", null, null));
        AtomicLong received = new AtomicLong();
        AtomicLong lost = new AtomicLong();
        String subject = "peregrine.raw.bench-live-" + UUID.randomUUID();
        Dispatcher d = sub.createDispatcher(m -> {
            FrameView v = new FrameView();
            try {
                v.wrap(m.getData());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            received.addAndGet(v.count());
            lost.addAndGet(v.lost());
        });
        d.subscribe(subject);
        sub.flush(Duration.ofSeconds(5));
        CaptureSource source = io.peregrine.capture.source.Sources.open("live");
        CapturePipeline p = new CapturePipeline(source, f -> pub.publish(subject, f), "bench", UUID.randomUUID(),
                256 * 1024, 20, 256, 0).start();
        Thread.sleep(2000); // the /proc seed goes out first
        long r0 = received.get();
        long t0 = System.nanoTime();
        List<Process> storm = new ArrayList<>();
        String loop = "import os,time\nend=time.time()+" + seconds + "\nn=0\nwhile time.time()<end:\n"
                + "    for _ in range(1000): os.close(os.open('/dev/null', os.O_RDONLY))\n    n+=1000\nprint(n)";
        for (int i = 0; i < processes; i++) {
            storm.add(new ProcessBuilder("python3", "-c", loop).redirectErrorStream(true).start());
        }
        long loops = 0;
        for (Process s : storm) {
            loops += Long.parseLong(new String(s.getInputStream().readAllBytes()).trim());
            s.waitFor();
        }
        Thread.sleep(500); // the last frames
        long t1 = System.nanoTime();
        double secs = (t1 - t0) / 1e9;
        long got = received.get() - r0;
        System.out.printf("live storm: %d processes x %d s, %d open/close pairs (%.0f syscalls/s); published %d events in %.2f s: "
                        + "%.0f events/s; kernel loss %d, queue loss %d, loss reported in frames %d%n",
                processes, seconds, loops, 2.0 * loops / seconds, got, secs, got / secs, source.kernelLost(),
                p.publisher().eventsLost(), lost.get());
        p.close();
        pub.close();
        sub.close();
    }

    /** Replays the in-memory events in a loop until {@code total} have been delivered, then ends. */
    static final class LoopSource implements CaptureSource, EventSource {
        private final MemorySegment events;
        private final int[] starts;
        private final long total;
        private final EventRecord view = new EventRecord();
        private long delivered;
        private int i;

        LoopSource(MemorySegment events, int[] starts, long total) {
            this.events = events;
            this.starts = starts;
            this.total = total;
        }

        @Override
        public int poll(EventConsumer consumer, int max) {
            if (delivered >= total) {
                return -1;
            }
            int n = 0;
            while (n < max && delivered < total) {
                consumer.accept(view.wrap(events, starts[i]));
                if (++i == starts.length) {
                    i = 0;
                }
                delivered++;
                n++;
            }
            return n;
        }

        @Override
        public long eventsRead() {
            return delivered;
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
            return "fixtures in a loop";
        }

        @Override
        public boolean finite() {
            return true;
        }

        @Override
        public void close() {
        }
    }
}
