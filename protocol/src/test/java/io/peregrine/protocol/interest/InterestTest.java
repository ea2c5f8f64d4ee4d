package io.peregrine.protocol.interest;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class InterestTest {

    @Test
    void roundTripsAsReadableText() throws Exception {
        Interest in = Interest.of(false, Map.of(
                "openat", Set.of("fd.name", "proc.name"),
                "execve", Set.of("proc.aname[2]")));
        byte[] data = in.encode();
        assertEquals("peregrine-interest\t1\ntype\texecve\tproc.aname[2]\ntype\topenat\tfd.name\tproc.name\n",
                new String(data, StandardCharsets.UTF_8));
        assertEquals(in, Interest.decode(data));
        assertEquals(Set.of("execve", "openat"), Interest.decode(data).eventTypes());
    }

    @Test
    void allTypesSurvivesTheRoundTrip() throws Exception {
        Interest in = Interest.of(true, Map.of("close", Set.of()));
        Interest out = Interest.decode(in.encode());
        assertTrue(out.allTypes());
        assertEquals(Set.of(), out.fieldsByType().get("close"));
    }

    @Test
    void malformedEntriesAreRefusedWithTheirLine() {
        assertEquals("interest entry, line 1: expected header 'peregrine-interest<TAB>1'",
                assertThrows(InterestFormatException.class, () -> Interest.decode("hello".getBytes())).getMessage());
        assertEquals("interest entry, line 3: expected 'type<TAB>name<TAB>field...'",
                assertThrows(InterestFormatException.class,
                        () -> Interest.decode("peregrine-interest\t1\ntype\topen\tfd.name\nbogus\n".getBytes())).getMessage());
        assertEquals("interest entry, line 2: empty field name",
                assertThrows(InterestFormatException.class,
                        () -> Interest.decode("peregrine-interest\t1\ntype\topen\t\n".getBytes())).getMessage());
    }
}
