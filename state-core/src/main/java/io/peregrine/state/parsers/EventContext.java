package io.peregrine.state.parsers;

import io.peregrine.protocol.event.EventRecord;
import io.peregrine.protocol.event.EventType;
import io.peregrine.state.fds.FdInfo;
import io.peregrine.state.fds.LocalAddresses;
import io.peregrine.state.threads.ThreadInfo;

/**
 * The event being processed and what the state says about it after parsing: its thread, the fd it
 * refers to, and the enter event of the same call. Field extraction reads only this; one instance is
 * reused for every event.
 */
public final class EventContext {
    public final EventRecord evt = new EventRecord();
    /** The enter event of the call, for exit events whose enter was seen (else null). */
    public EventRecord enter;
    final EventRecord enterView = new EventRecord();
    public EventType type;
    public long num;
    public ThreadInfo thread;
    /** The main thread of the thread's process (the thread itself when it is the main thread). */
    public ThreadInfo main;
    public long fdNum = -1;
    public FdInfo fd;
    /**
     * The event's type creates, uses or destroys an fd and it has a thread: fd.num is then -1
     * rather than absent when no fd is known, and the fd fields fall back to what the event says.
     */
    public boolean fdEvent;
    /** For an exit event with no fd entry: the name its own parameters give (a failed open's path). */
    public byte[] fdNameFromEvent;
    /** True when this event changed the name of its fd (connect, accept...). */
    public boolean fdNameChanged;
    /** The machine's addresses, from the capture's interface list (empty when none was given). */
    public LocalAddresses localAddresses;
    /** Seed events and events of unknown types are applied to state but never projected. */
    public boolean projectable;

    public boolean isExit() {
        return (evt.type() & 1) == 1 && !io.peregrine.protocol.event.EventTable.isSynthetic(evt.type());
    }
}
