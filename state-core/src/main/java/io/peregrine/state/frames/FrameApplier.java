package io.peregrine.state.frames;

import io.peregrine.protocol.event.EventTable;
import io.peregrine.protocol.frame.FrameEncoder;
import io.peregrine.protocol.frame.FrameFormatException;
import io.peregrine.protocol.frame.FrameKind;
import io.peregrine.protocol.frame.FrameView;
import io.peregrine.protocol.interest.Interest;
import io.peregrine.protocol.projection.ProjectionEncoder;
import io.peregrine.state.cri.CriResolver;
import io.peregrine.state.pods.PodDirectory;
import io.peregrine.state.projection.NodeState;
import io.peregrine.state.projection.Projector;
import io.peregrine.state.threads.ProcResync;
import io.peregrine.state.threads.ThreadInfo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Applies raw event frames, in order, to the state of their node and returns the projected frame
 * to publish. Watches each node's (boot id, sequence): a gap or a frame's loss count becomes a
 * {@code drop} meta-event; a new boot id is a restart, not a loss. A malformed frame is counted and
 * skipped whole. Plain Java, single-threaded: the shell calls it from one thread.
 */
public final class FrameApplier {

    /** What happened to one received frame. */
    /** {@code projected}: the frames to publish, in order (empty when nothing was projected). */
    public record Result(String node, List<byte[]> projected, int events, boolean malformed, String error) {
    }

    /**
     * Projected frames stay below this size: projection can make a raw frame several times larger,
     * and NATS refuses a message over its max_payload (1 MiB by default).
     */
    public static final int MAX_PROJECTED_FRAME = 256 * 1024;

    private static final class Node {
        final NodeState state;
        final FrameEncoder out;
        UUID boot;
        long lastSequence;
        /** Stream index the next frame should start at, before its own reported loss. */
        long nextIndex;
        long eventNumber;
        /** Time of the newest event applied, and whether the stream has ended (a replay). */
        long lastTs;
        boolean ended;

        Node(String name, Interest interest, PodDirectory pods, CriResolver cri) {
            state = new NodeState(name);
            state.projector().interest(interest);
            state.extractor().pods(pods);
            state.extractor().cri(cri);
            out = new FrameEncoder(FrameKind.PROJECTED_EVENTS, name, UUID.randomUUID(), 1 << 16);
        }
    }

    /**
     * Nodes whose state an applier that follows any node keeps at most: node names come from the
     * frames, and each node holds thread and fd tables, so a forged name must not add one without
     * bound. Frames of a further node are refused and counted.
     */
    public static final int DEFAULT_NODE_LIMIT = 64;

    private final Map<String, Node> nodes = new HashMap<>();
    /** The one node whose frames are applied, or null for any node (up to {@link #nodeLimit}). */
    private final String onlyNode;
    private final int nodeLimit;
    private final FrameView view = new FrameView();
    private final io.peregrine.protocol.event.EventRecord check = new io.peregrine.protocol.event.EventRecord();
    private final ProjectionEncoder enc = new ProjectionEncoder(1 << 16, MAX_PROJECTED_FRAME);
    private volatile Interest interest = Interest.NONE;
    private volatile PodDirectory pods;
    private volatile CriResolver cri;

    private long frames;
    private long malformed;
    private long lostEvents;
    private long sequenceGaps;
    private long restarts;
    private long events;
    private long refused;
    private long resyncs;
    private long resyncRemoved;
    private long resyncFdsRemoved;

    /** Applies frames of any node, keeping at most {@link #DEFAULT_NODE_LIMIT} of them. */
    public FrameApplier() {
        this(null, DEFAULT_NODE_LIMIT);
    }

    /**
     * @param onlyNode  the node whose frames are applied; frames naming another are refused (a
     *                  frame's node is whatever its sender wrote). Null: any node.
     * @param nodeLimit nodes kept at most
     */
    public FrameApplier(String onlyNode, int nodeLimit) {
        if (nodeLimit < 1) {
            throw new IllegalArgumentException("node limit " + nodeLimit);
        }
        this.onlyNode = onlyNode;
        this.nodeLimit = nodeLimit;
    }

    /** A new interest: applied to every node's projection from the next event on. */
    public void interest(Interest i) {
        interest = i;
        synchronized (nodes) {
            nodes.values().forEach(n -> n.state.projector().interest(i));
        }
    }

    /** Pod metadata for the k8s.* fields of every node (pod uids are unique in a cluster). */
    public void pods(PodDirectory directory) {
        pods = directory;
        synchronized (nodes) {
            nodes.values().forEach(n -> n.state.extractor().pods(directory));
        }
    }

    /** Container names and images from this host's CRI runtime (ids of other nodes are unknown to it). */
    public void cri(CriResolver resolver) {
        cri = resolver;
        synchronized (nodes) {
            nodes.values().forEach(n -> n.state.extractor().cri(resolver));
        }
    }

    public Interest interest() {
        return interest;
    }

    public Result apply(byte[] frame) {
        try {
            view.wrap(frame);
        } catch (FrameFormatException e) {
            malformed++;
            return new Result(null, List.of(), 0, true, e.getMessage());
        }
        if (view.kind() != FrameKind.RAW_EVENTS) {
            malformed++;
            return new Result(null, List.of(), 0, true, "frame of kind " + view.kind() + " on the raw subject");
        }
        // Every record's parameter lengths checked before anything changes: the checksum only says
        // the payload arrived as sent, not that its sender wrote it right.
        for (int at = view.payloadStart(); at < view.payloadEnd(); at = view.nextRecord(at)) {
            String bad = check.wrap(view.segment(), at).validate(view.payloadEnd() - at);
            if (bad != null) {
                malformed++;
                return new Result(null, List.of(), 0, true, "record at byte " + at + ": " + bad);
            }
        }
        String name = view.node();
        if (onlyNode != null && !onlyNode.equals(name)) {
            refused++;
            return new Result(null, List.of(), 0, true, "frame of node '" + clip(name) + "', this is node '" + onlyNode + "'");
        }
        Node node;
        synchronized (nodes) {
            node = nodes.get(name);
            if (node == null) {
                if (nodes.size() >= nodeLimit) {
                    refused++;
                    return new Result(null, List.of(), 0, true,
                            "frame of node '" + clip(name) + "' refused: " + nodeLimit + " nodes are kept at most");
                }
                node = new Node(name, interest, pods, cri);
                nodes.put(name, node);
            }
        }
        frames++;
        UUID boot = view.bootId();
        long seq = view.sequence();
        enc.clear();
        if (node.boot == null || !node.boot.equals(boot)) {
            if (node.boot != null) {
                // A new capture stream on a known node: whatever happened while it was down is unseen.
                restarts++;
                Projector.drop(enc, node.eventNumber, view.firstTs(), -1, "capture_restarted");
            } else if (seq > 1) {
                // This instance joined a stream already under way (state-svc restarted): the events
                // before it, and the process state they built, are unseen.
                restarts++;
                Projector.drop(enc, node.eventNumber, view.firstTs(), -1, "joined_stream_at_frame_" + seq);
            }
            node.boot = boot;
            node.ended = false;
        } else if (seq > node.lastSequence + 1) {
            sequenceGaps++;
            // The stream index makes the loss exact: the events of the frames that never came.
            long transit = view.firstIndex() - view.lost() - node.nextIndex;
            if (transit > 0) {
                lostEvents += transit;
            }
            Projector.drop(enc, node.eventNumber, view.firstTs(), transit > 0 ? transit : -1,
                    "sequence_gap:" + (seq - node.lastSequence - 1) + "_frames");
        }
        node.lastSequence = seq;
        node.nextIndex = view.firstIndex() + view.count();
        if (view.lost() > 0) {
            lostEvents += view.lost();
            Projector.drop(enc, node.eventNumber, view.firstTs(), view.lost(), "lost_in_capture");
        }
        int n = 0;
        int at = view.payloadStart();
        try {
            for (; at < view.payloadEnd(); at = view.nextRecord(at)) {
                int type = Short.toUnsignedInt(view.segment().get(io.peregrine.protocol.event.EventRecord.I16, at + 20));
                long num = EventTable.isSynthetic(type) ? 0 : ++node.eventNumber;
                node.state.process(view.segment(), at, num, enc);
                n++;
            }
        } catch (RuntimeException e) {
            // A parameter whose length its type cannot have (a u64 of one byte): the frame is
            // counted malformed from that record on, not lost to the NATS client's handler.
            frames--;
            malformed++;
            events += n;
            return new Result(null, List.of(), n, true, "record at byte " + at + " (" + n + " applied before it): " + e);
        }
        events += n;
        node.lastTs = Math.max(node.lastTs, view.lastTs());
        node.ended |= view.endOfStream();
        List<byte[]> out = List.of();
        if (enc.records() > 0 || view.endOfStream()) {
            out = splitProjected(node, enc, view.firstTs(), view.endOfStream());
        }
        return new Result(name, out, n, false, null);
    }

    /**
     * One frame per block of the encoder: blocks stay within {@link #MAX_PROJECTED_FRAME} bytes
     * (a single larger record is a block of its own) and their records refer to no other block,
     * so each frame is self-contained. Only the last frame carries the end-of-stream flag.
     */
    private static List<byte[]> splitProjected(Node node, ProjectionEncoder enc, long ts, boolean eos) {
        List<byte[]> frames = new ArrayList<>(2);
        int blocks = enc.blocks();
        for (int b = 0; b < blocks; b++) {
            frames.add(finishProjected(node, enc.segment(), enc.blockStart(b), enc.blockSize(b), enc.blockRecords(b), ts,
                    eos && b == blocks - 1));
        }
        if (blocks == 0 && eos) {
            frames.add(finishProjected(node, enc.segment(), 0, 0, 0, ts, true));
        }
        return frames;
    }

    private static byte[] finishProjected(Node node, java.lang.foreign.MemorySegment seg, int from, int size, int records,
                                          long ts, boolean eos) {
        if (size > 0) {
            // Records are copied as one block: the frame's payload is a slice of the encoder's buffer.
            node.out.addRecords(seg, from, size, records, ts);
        }
        return node.out.finish(0, eos ? io.peregrine.protocol.frame.Frame.FLAG_END_OF_STREAM : 0);
    }

    /**
     * Drift repair for a live node: threads without an event for {@code graceNs} (event time) that
     * {@code /proc} no longer has leave the table. Only while the node's stream is live: not ended
     * (a replay ends) and its newest event within {@code liveWindowNs} of {@code nowNs} (wall clock).
     * The table is read and changed under this object's monitor, the one the shell applies frames
     * under; the file system is checked outside it. Returns the threads removed, or -1 when the
     * node is unknown or not live.
     */
    public int resync(String nodeName, ProcResync proc, long nowNs, long graceNs, long liveWindowNs) {
        Node node;
        long before;
        long[] candidates;
        List<ProcResync.FdSnapshot> fdCandidates;
        synchronized (this) {
            synchronized (nodes) {
                node = nodes.get(nodeName);
            }
            if (node == null || node.ended || Math.abs(nowNs - node.lastTs) > liveWindowNs) {
                return -1;
            }
            before = node.lastTs - graceNs;
            candidates = ProcResync.candidates(node.state.threads(), before);
            fdCandidates = ProcResync.fdCandidates(node.state.threads(), before);
        }
        long[] gone = proc.gone(candidates);
        int[][] closed = new int[fdCandidates.size()][];
        for (int i = 0; i < closed.length; i++) {
            closed[i] = proc.closed(fdCandidates.get(i));
        }
        synchronized (this) {
            int removed = node.state.parser().dropVanished(gone, before);
            for (int i = 0; i < closed.length; i++) {
                ProcResync.FdSnapshot s = fdCandidates.get(i);
                ThreadInfo main = node.state.threads().get(s.pid());
                if (main == null || main.fds != s.table()) {
                    continue; // exited or exec'd into another table meanwhile
                }
                for (int k : closed[i]) {
                    if (s.table().get(s.fds()[k]) == s.infos()[k]) {
                        s.table().remove(s.fds()[k]);
                        resyncFdsRemoved++;
                    }
                }
            }
            resyncs++;
            resyncRemoved += removed;
            return removed;
        }
    }

    /** The state of a node, or null; for status and tests (read it under this object's monitor). */
    public NodeState node(String name) {
        synchronized (nodes) {
            Node n = nodes.get(name);
            return n == null ? null : n.state;
        }
    }

    /** A node name from a frame, shortened for a log line. */
    private static String clip(String s) {
        return s.length() <= 64 ? s : s.substring(0, 64) + "...";
    }

    /** Frames refused for naming another node than this applier's, or a node beyond the limit. */
    public long refused() {
        return refused;
    }

    public long resyncs() {
        return resyncs;
    }

    public long resyncRemoved() {
        return resyncRemoved;
    }

    /** Fds removed by resync because the kernel had closed them while the close event was lost. */
    public long resyncFdsRemoved() {
        return resyncFdsRemoved;
    }

    public long frames() {
        return frames;
    }

    public long malformed() {
        return malformed;
    }

    public long lostEvents() {
        return lostEvents;
    }

    public long sequenceGaps() {
        return sequenceGaps;
    }

    public long restarts() {
        return restarts;
    }

    public long events() {
        return events;
    }

    /** Per-node table sizes for the status endpoint. */
    public Map<String, Map<String, Long>> nodeStatus() {
        Map<String, Map<String, Long>> m = new HashMap<>();
        synchronized (nodes) {
            nodes.forEach((k, n) -> m.put(k, Map.of(
                    "threads", (long) n.state.threads().size(),
                    "fds", n.state.fdCount(),
                    "threadEvictions", n.state.threads().evictions(),
                    "fdsDropped", n.state.parser().fdsDropped(),
                    "events", n.eventNumber,
                    "projected", n.state.projected())));
        }
        return m;
    }
}
