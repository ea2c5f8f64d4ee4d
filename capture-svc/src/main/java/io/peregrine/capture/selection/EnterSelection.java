package io.peregrine.capture.selection;

import io.peregrine.driver.bpf.Syscall;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * The syscalls whose enter events ({@code evt.dir = >}) the kernel emits, from
 * {@code peregrine.capture.enter-syscalls}: syscall names separated by commas, empty by default.
 * The interest cannot drive it: it names event types, and an event type covers both directions.
 * Exit events carry every parameter, so enter events are only for rules that test
 * {@code evt.dir = >} or want to see a blocking call start.
 */
public final class EnterSelection {

    private EnterSelection() {
    }

    /**
     * Parses the configured list; an unknown name, or a syscall the probe has no enter event for,
     * is refused whole with a message naming it and what is accepted.
     */
    public static Set<String> parse(String text) {
        Set<String> out = new TreeSet<>();
        if (text == null || text.isBlank()) {
            return Collections.unmodifiableSet(out);
        }
        for (String raw : text.split(",", -1)) {
            String name = raw.strip();
            if (name.isEmpty()) {
                throw new IllegalArgumentException("peregrine.capture.enter-syscalls: empty name in '" + text + "'");
            }
            Syscall s = Syscall.byName(name);
            if (s == null || !s.hasEnterEvent()) {
                throw new IllegalArgumentException("peregrine.capture.enter-syscalls: "
                        + (s == null ? "unknown syscall '" : "no enter event for '") + name
                        + "'; syscalls with enter events: " + accepted());
            }
            out.add(name);
        }
        return Collections.unmodifiableSet(out);
    }

    /** The names accepted, for messages and documentation. */
    public static Set<String> accepted() {
        Set<String> names = new TreeSet<>();
        Syscall.withEnterEvents().forEach(s -> names.add(s.syscallName()));
        return names;
    }
}
