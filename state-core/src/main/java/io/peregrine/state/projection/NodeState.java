package io.peregrine.state.projection;

import io.peregrine.protocol.projection.ProjectionEncoder;
import io.peregrine.state.extract.FieldExtractor;
import io.peregrine.state.parsers.EventContext;
import io.peregrine.state.parsers.EventParser;
import io.peregrine.state.threads.ThreadTable;
import io.peregrine.state.users.UserTable;

import java.lang.foreign.MemorySegment;

/**
 * The state of one node and its projection, wired together: apply an event, then project it.
 * Single-threaded by design: a node's events are applied in order on one thread.
 */
public final class NodeState {
    public static final int DEFAULT_THREAD_LIMIT = 131072;
    public static final int DEFAULT_FD_LIMIT = 65536;

    private final ThreadTable threads;
    private final UserTable users = new UserTable();
    private final EventParser parser;
    private final FieldExtractor extractor;
    private final Projector projector;
    private long projected;

    public NodeState(String hostname) {
        this(hostname, DEFAULT_THREAD_LIMIT, DEFAULT_FD_LIMIT);
    }

    public NodeState(String hostname, int threadLimit, int fdLimit) {
        threads = new ThreadTable(threadLimit);
        parser = new EventParser(threads, users, fdLimit);
        extractor = new FieldExtractor(threads, users, hostname);
        extractor.pathResolution(parser::resolvePath);
        extractor.capturedContainers(parser.capturedContainers());
        projector = new Projector(extractor);
    }

    /** Applies the record and, when the interest selects it, appends its projection to {@code out}. */
    public boolean process(MemorySegment segment, long offset, long num, ProjectionEncoder out) {
        EventContext c = parser.apply(segment, offset, num);
        if (projector.project(c, out)) {
            projected++;
            return true;
        }
        return false;
    }

    public EventParser parser() {
        return parser;
    }

    public FieldExtractor extractor() {
        return extractor;
    }

    public Projector projector() {
        return projector;
    }

    public ThreadTable threads() {
        return threads;
    }

    public UserTable users() {
        return users;
    }

    public long projected() {
        return projected;
    }

    /** Open fds over all processes (each shared table counted once). */
    public long fdCount() {
        java.util.Set<Object> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        long[] n = new long[1];
        threads.forEach(t -> {
            if (t.fds != null && seen.add(t.fds)) {
                n[0] += t.fds.count();
            }
        });
        return n[0];
    }
}
