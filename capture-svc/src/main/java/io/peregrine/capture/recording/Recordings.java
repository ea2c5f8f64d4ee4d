package io.peregrine.capture.recording;

import io.peregrine.capture.framing.FrameTap;
import io.peregrine.driver.capture.CaptureFileWriter;
import io.peregrine.driver.capture.CaptureHeader;
import io.peregrine.driver.proc.ProcScanner;
import io.peregrine.driver.proc.SeedRecords;
import io.peregrine.driver.scap.MachineInfo;
import io.peregrine.driver.scap.ScapWriter;
import io.peregrine.protocol.event.EventRecord;
import io.peregrine.protocol.frame.FrameFormatException;
import io.peregrine.protocol.frame.FrameView;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The recordings of this capture: started and stopped on request, fed from the frames the
 * publisher sends (so a recording holds exactly what left the node), kept in one directory.
 */
public final class Recordings implements FrameTap {

    /** Longest duration a recording may be given: a day (a longer one is a mistake, not a need). */
    public static final long MAX_SECONDS = 86_400;
    /** Recordings running at once at most: each holds a file open and a copy of every frame sent. */
    public static final int MAX_ACTIVE = 4;

    /** Thrown when {@link #MAX_ACTIVE} recordings already run. */
    public static final class Busy extends RuntimeException {
        Busy(String message) {
            super(message);
        }
    }

    private final Path dir;
    private final String node;
    private final UUID bootId;
    private final BooleanSupplier seedFromProc;
    private final Path hostRoot;
    private final Map<String, Recording> all = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<Recording> active = new CopyOnWriteArrayList<>();
    private final FrameView view = new FrameView();
    private final EventRecord event = new EventRecord();

    /**
     * @param seedFromProc start each recording with the threads and fds of a fresh /proc scan, as a
     *                     live capture file must: without them its first events have no process
     * @param hostRoot     where the host's root is mounted, for that scan
     */
    public Recordings(Path dir, String node, UUID bootId, BooleanSupplier seedFromProc, Path hostRoot) {
        this.hostRoot = hostRoot;
        this.dir = dir;
        this.node = node;
        this.bootId = bootId;
        this.seedFromProc = seedFromProc;
    }

    public Recording start(RecordingFormat format, long maxSeconds, long maxEvents) throws IOException {
        if (maxSeconds <= 0 && maxEvents <= 0) {
            throw new IllegalArgumentException("a recording needs a duration (seconds) or an event count");
        }
        if (maxSeconds > MAX_SECONDS) {
            throw new IllegalArgumentException("a recording lasts at most " + MAX_SECONDS + " seconds");
        }
        synchronized (active) {
            if (active.size() >= MAX_ACTIVE) {
                throw new Busy(MAX_ACTIVE + " recordings are running, the most at once: stop one or wait for its end");
            }
            return begin(format, maxSeconds, maxEvents);
        }
    }

    private Recording begin(RecordingFormat format, long maxSeconds, long maxEvents) throws IOException {
        Files.createDirectories(dir);
        String id = UUID.randomUUID().toString();
        Path file = dir.resolve(node + "-" + id + format.extension);
        EventWriter writer = open(format, file);
        if (seedFromProc.getAsBoolean()) {
            SeedRecords seeds = new SeedRecords();
            new ProcScanner(hostRoot.resolve("proc"), hostRoot.resolve("etc")).scan(seeds);
            try {
                seeds.deliver(e -> {
                    try {
                        writer.write(e);
                    } catch (IOException x) {
                        throw new UncheckedIOException(x);
                    }
                }, Integer.MAX_VALUE);
            } catch (UncheckedIOException e) {
                writer.close();
                throw e.getCause();
            }
        }
        Recording r = new Recording(id, file, format, maxSeconds, maxEvents, writer);
        all.put(id, r);
        active.add(r);
        return r;
    }

    private EventWriter open(RecordingFormat format, Path file) throws IOException {
        return switch (format) {
            case PEREGRINE -> {
                CaptureFileWriter w = CaptureFileWriter.create(file, CaptureHeader.of(bootId, System.currentTimeMillis() * 1_000_000L, node));
                yield new EventWriter() {
                    public void write(EventRecord e) throws IOException {
                        w.write(e);
                    }

                    public void close() throws IOException {
                        w.close();
                    }
                };
            }
            case SCAP -> {
                Runtime rt = Runtime.getRuntime();
                ScapWriter w = ScapWriter.create(file, new MachineInfo(rt.availableProcessors(), rt.maxMemory(), 0, node, 0, 0));
                yield new EventWriter() {
                    public void write(EventRecord e) throws IOException {
                        w.write(e);
                    }

                    public void close() throws IOException {
                        w.close();
                    }
                };
            }
        };
    }

    public Recording stop(String id) {
        Recording r = all.get(id);
        if (r != null) {
            r.finish(null);
            active.remove(r);
        }
        return r;
    }

    public Recording get(String id) {
        return all.get(id);
    }

    public Collection<Recording> list() {
        return all.values();
    }

    @Override
    public void onFrame(byte[] frame) {
        if (active.isEmpty()) {
            return;
        }
        try {
            view.wrap(frame);
        } catch (FrameFormatException e) {
            return; // frames come from our own encoder: cannot happen
        }
        for (Recording r : active) {
            boolean open = true;
            for (int p = view.payloadStart(); open && p < view.payloadEnd(); p = view.nextRecord(p)) {
                open = r.write(event.wrap(view.segment(), p));
            }
            if (!open) {
                active.remove(r);
            }
        }
    }

    @Override
    public void onIdle() {
        for (Recording r : active) {
            r.checkDeadline();
            if (r.state() != Recording.State.RECORDING) {
                active.remove(r);
            }
        }
    }
}
