package io.peregrine.state.parsers;

import io.peregrine.protocol.event.EventRecord;
import io.peregrine.protocol.scap.EventCodes;
import io.peregrine.protocol.event.EventTable;
import io.peregrine.protocol.event.EventType;
import io.peregrine.state.containers.CapturedContainers;
import io.peregrine.state.threads.ThreadInfo;
import io.peregrine.state.threads.ThreadTable;
import io.peregrine.state.users.UserTable;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import static io.peregrine.state.parsers.Params.*;

/**
 * Applies events, in order, to the state tables, with libsinsp's semantics, dispatching each event by
 * what its type does to state ({@link StateEffect}) to the section that handles it: the process
 * lifecycle, fds, sockets, identity, the working directory, and the seeds that describe what existed
 * before the capture. After {@link #apply}, {@link #context()} describes the event for field extraction.
 */
public final class EventParser {

    private final StateTables tables;
    private final ThreadTable threads;
    private final UserTable users;
    private final EventContext ctx = new EventContext();
    private final ProcessLifecycle lifecycle;
    private final FdCalls fds;
    private final SocketCalls sockets;
    private final IdentityCalls identity = new IdentityCalls();
    private final CwdCalls cwd;
    private final Seeds seeds;

    private long unknownEvents;
    private long events;

    public EventParser(ThreadTable threads, UserTable users, int fdLimit) {
        this.threads = threads;
        this.users = users;
        this.tables = new StateTables(threads, users, fdLimit);
        this.lifecycle = new ProcessLifecycle(tables);
        this.fds = new FdCalls(tables);
        this.sockets = new SocketCalls(tables);
        this.cwd = new CwdCalls(tables);
        this.seeds = new Seeds(tables);
        ctx.localAddresses = tables.local;
    }

    public EventContext context() {
        return ctx;
    }

    /** The containers the capture's container events describe. */
    public CapturedContainers capturedContainers() {
        return tables.captured;
    }

    public ThreadTable threads() {
        return threads;
    }

    public UserTable users() {
        return users;
    }

    /** Fds that could not be tracked because the fd number exceeded the per-process limit. */
    public long fdsDropped() {
        return tables.fdsDropped;
    }

    public long unknownEvents() {
        return unknownEvents;
    }

    public long threadsCreatedLazily() {
        return tables.threadsCreatedLazily;
    }

    public long events() {
        return events;
    }

    /** Applies the record at {@code offset} of {@code segment}; {@code num} is its event number. */
    public EventContext apply(MemorySegment segment, long offset, long num) {
        flushPending();
        events++;
        EventContext c = ctx;
        EventRecord e = c.evt.wrap(segment, offset);
        c.num = num;
        c.enter = null;
        c.fd = null;
        c.fdNum = -1;
        c.fdNameChanged = false;
        c.fdEvent = false;
        c.fdNameFromEvent = null;
        c.thread = null;
        c.main = null;
        int code = e.type();
        EventType type = EventTable.get(code);
        c.type = type;
        if (type == null) {
            unknownEvents++;
            c.projectable = false;
            return c;
        }
        if (EventTable.isSynthetic(code)) {
            c.projectable = false;
            seeds.apply(e, code);
            return c;
        }
        c.projectable = true;
        if (code == EventCodes.PPME_CONTAINER_JSON_E || code == EventCodes.PPME_CONTAINER_JSON_2_E) {
            // A capture's description of a container (libsinsp takes name, image and privileged from it).
            int json = Params.of(code, Params.JSON);
            if (Params.has(e, json)) {
                tables.captured.addJson(Params.stringBytes(e, json));
            }
        }
        StateEffect kind = StateEffect.of(code);
        boolean exit = (code & 1) == 1;
        ThreadInfo t = callingThread(e, code, kind, exit);
        if (!exit) {
            if (t != null) {
                onEnter(c, e, t, code, type, kind);
            }
            return c;
        }
        return onExit(c, e, t, code, type, kind);
    }

    /** The thread that made the call; an empty entry is created for one not seen yet (as libsinsp). */
    private ThreadInfo callingThread(EventRecord e, int code, StateEffect kind, boolean exit) {
        long tid = e.tid();
        boolean noLazyThread = StateEffect.createsNoThread(code);
        ThreadInfo t = threads.get(tid);
        // tid 0 is the idle task (scheduler events on an idle CPU): no thread, no fields.
        if (t != null && noLazyThread && !t.known()) {
            t = null; // an entry that only tracks fds is not attributed scheduler events (as libsinsp)
        }
        if (t == null && tid != 0 && !noLazyThread
                && !(exit && (kind == StateEffect.CLONE || kind == StateEffect.EXECVE))) {
            t = tables.lazyThread(tid);
        }
        if (t != null) {
            t.lastEventTs = e.ts();
        }
        return t;
    }

    private void onEnter(EventContext c, EventRecord e, ThreadInfo t, int code, EventType type, StateEffect kind) {
        c.thread = t;
        c.main = tables.mainOf(t);
        c.fdEvent = StateEffect.fdEvent(code);
        if (type.hasFlag(EventType.EF_SKIPPARSERESET) || code == EventCodes.PPME_SCHEDSWITCH_6_E) {
            // Scheduler events interleave with a call without ending it: keep its enter. libsinsp
            // exempts the switch event by type, its table entry does not carry the flag.
            return;
        }
        int len = e.len();
        if (t.lastEnter == null || t.lastEnter.length < len) {
            t.lastEnter = new byte[Math.max(len, 128)];
            t.lastEnterSegment = MemorySegment.ofArray(t.lastEnter);
        }
        MemorySegment.copy(e.segment(), ValueLayout.JAVA_BYTE, e.offset(), t.lastEnter, 0, len);
        t.lastEnterType = code;
        if (StateEffect.usesFd(code)) {
            long fd = param(e, code, FD, -1);
            t.lastEventFd = fd;
            c.fdNum = fd;
            if (t.fds != null) {
                c.fd = t.fds.get(fd);
            }
        }
        if (kind == StateEffect.PROCEXIT) {
            lifecycle.onProcexit(e, t, code);
        }
    }

    private EventContext onExit(EventContext c, EventRecord e, ThreadInfo t, int code, EventType type,
                                StateEffect kind) {
        if (t != null && t.lastEnterType == code - 1 && t.lastEnter != null) {
            c.enter = c.enterView.wrap(t.lastEnterSegment, 0);
        }
        switch (kind) {
            case CLONE -> t = lifecycle.onClone(e, t, code);
            case EXECVE -> t = lifecycle.onExecve(c, e, t, code);
            default -> {
            }
        }
        if (t == null) {
            c.projectable = true;
            return c;
        }
        c.thread = t;
        c.main = tables.mainOf(t);
        c.fdEvent = StateEffect.fdEvent(code);
        if (StateEffect.usesFd(code)) {
            c.fdNum = c.enter != null ? t.lastEventFd : param(e, code, FD, -1);
        }
        applyExit(c, e, t, code, kind);
        if (c.fd == null && c.fdNum >= 0 && t.fds != null) {
            c.fd = t.fds.get(c.fdNum);
        }
        return c;
    }

    private void applyExit(EventContext c, EventRecord e, ThreadInfo t, int code, StateEffect kind) {
        switch (kind) {
            case OPEN -> fds.onOpen(c, e, t, code);
            case CLOSE -> fds.onClose(c, e, t);
            case SOCKET -> sockets.onSocket(c, e, t, code);
            case CONNECT -> sockets.onConnect(c, e, t, code);
            case ACCEPT -> sockets.onAccept(c, e, t, code);
            case BIND -> sockets.onBind(c, e, t, code);
            case LISTEN -> sockets.onListen(c, e, t, code);
            case PIPE -> fds.onPipe(c, e, t, code);
            case DUP -> fds.onDup(c, e, t, code);
            case FCNTL -> fds.onFcntl(c, e, t, code);
            case CHDIR -> cwd.onChdir(c, e, t, code);
            case FCHDIR -> cwd.onFchdir(c, e, t);
            case SETUID, SETGID, SETRESUID, SETRESGID, SETREUID, SETREGID -> identity.onSetId(c, e, t, code, kind);
            case SETSID -> identity.onSetsid(e, t, code);
            case PRCTL -> identity.onPrctl(c, e, t, code);
            case SIMPLE_FD -> fds.onSimpleFd(c, e, t, code);
            case MEMFD -> fds.onMemfd(c, e, t, code);
            case SOCKETPAIR -> sockets.onSocketpair(c, e, t, code);
            case SENDRECV -> sockets.onSendRecv(c, e, t, code);
            case CLOSE_RANGE -> fds.onCloseRange(e, t, code);
            default -> {
            }
        }
    }

    // Deferred removals: libsinsp removes a closed fd and an exited thread after their last event.
    private void flushPending() {
        fds.flushPendingClose();
        lifecycle.flushPendingRemoval();
    }

    /**
     * Removes threads the kernel no longer has (found by a resync from /proc), unless an event has
     * touched them since {@code beforeTs}. Other threads go first, so that a process leader whose
     * threads are all gone goes with the last of them. Returns how many threads left the table.
     */
    public int dropVanished(long[] tids, long beforeTs) {
        return lifecycle.dropVanished(tids, beforeTs);
    }

    /** Applies the removals deferred from the last event (for a caller that inspects state between events). */
    public void flush() {
        flushPending();
    }

    /** The path of a call: absolute as is, else against dirfd's directory or the cwd; normalised. */
    public byte[] resolvePath(ThreadInfo t, long dirfd, byte[] raw) {
        return fds.resolvePath(t, dirfd, raw);
    }
}
