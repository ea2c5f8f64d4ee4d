package io.peregrine.driver.bpf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.peregrine.protocol.scap.EventCodes;
import io.peregrine.protocol.event.EventDirection;
import io.peregrine.protocol.event.EventTable;
import io.peregrine.protocol.event.EventType;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SyscallTest {
    @Test
    void numbersAreDistinctAndEventsAreCurrentTableEntries() {
        Set<Integer> numbers = new HashSet<>();
        for (Syscall s : Syscall.values()) {
            assertTrue(numbers.add(s.number()), "duplicate number " + s.number());
            assertTrue(s.number() >= 0 && s.number() < Probe.MAX_SYSCALLS);
            EventType t = EventTable.get(s.exitEvent());
            assertNotNull(t, s + " event " + s.exitEvent());
            assertFalse(t.hasFlag(EventType.EF_OLD_VERSION), s + " emits an old layout");
            if (s != Syscall.EXIT_GROUP) {
                assertEquals(EventDirection.EXIT, t.direction(), s.toString());
                assertEquals(s.syscallName(), t.name(), "the event is named after its syscall");
            }
        }
    }

    @Test
    void enterEventsAreTheEnterSideOfTheSameCall() {
        assertTrue(Syscall.withEnterEvents().containsAll(List.of(Syscall.EXECVE, Syscall.EXECVEAT, Syscall.OPEN,
                Syscall.OPENAT, Syscall.OPENAT2, Syscall.CONNECT, Syscall.PTRACE, Syscall.KILL)));
        for (Syscall s : Syscall.withEnterEvents()) {
            EventType t = EventTable.get(s.enterEvent());
            assertNotNull(t, s + " enter event " + s.enterEvent());
            assertEquals(EventDirection.ENTER, t.direction(), s.toString());
            assertEquals(s.syscallName(), t.name(), "the enter event is named after its syscall");
            assertEquals(s.exitEvent() - 1, s.enterEvent(), "enter and exit are a pair: " + s);
        }
        assertFalse(Syscall.EXIT_GROUP.hasEnterEvent());
        assertFalse(Syscall.RENAME.hasEnterEvent());
        assertEquals(Syscall.NO_ENTER_EVENT, Syscall.RENAME.enterEvent());
    }

    @Test
    void lookups() {
        assertEquals(List.of(Syscall.OPENAT), Syscall.producing(EventCodes.PPME_SYSCALL_OPENAT_2_E));
        assertEquals(List.of(Syscall.OPENAT), Syscall.producing(EventCodes.PPME_SYSCALL_OPENAT_2_X));
        assertEquals(List.of(), Syscall.producing(EventCodes.PPME_GENERIC_X));
        assertEquals(Syscall.EXECVE, Syscall.byName("execve"));
        assertNull(Syscall.byName("nosuchcall"));
        assertFalse(Syscall.defaults().contains(Syscall.READ));
        assertTrue(Syscall.defaults().contains(Syscall.EXECVE));
    }
}
