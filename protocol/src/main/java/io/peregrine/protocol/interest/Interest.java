package io.peregrine.protocol.interest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the active ruleset can use: the event types any rule can match (Falco's {@code evt.type}
 * names, e.g. {@code openat}, {@code execve}) and, per event type, the fields that conditions and
 * outputs read (canonical references such as {@code proc.aname[2]}). rules-svc writes it to the KV
 * bucket; capture-svc turns the types into the kernel-side selection and state-svc projects only
 * those fields for those events.
 *
 * <p>Encoded as UTF-8 text, one line per event type, tab-separated, so that an operator can read it
 * with {@code nats kv get}:
 * <pre>
 * peregrine-interest	1
 * type	openat	fd.name	proc.name	user.name
 * type	execve	proc.aname[2]	proc.cmdline
 * </pre>
 * {@code allTypes} (a line {@code all-types}) means that some rule matches every event type, as a
 * rule without an {@code evt.type} condition does in Falco.
 */
public record Interest(boolean allTypes, SortedMap<String, SortedSet<String>> fieldsByType) {

    public static final String MAGIC = "peregrine-interest";
    public static final int VERSION = 1;

    public Interest {
        TreeMap<String, SortedSet<String>> copy = new TreeMap<>();
        fieldsByType.forEach((t, f) -> copy.put(t, Collections.unmodifiableSortedSet(new TreeSet<>(f))));
        fieldsByType = Collections.unmodifiableSortedMap(copy);
    }

    public static Interest of(boolean allTypes, Map<String, ? extends Set<String>> fieldsByType) {
        TreeMap<String, SortedSet<String>> m = new TreeMap<>();
        fieldsByType.forEach((t, f) -> m.put(t, new TreeSet<>(f)));
        return new Interest(allTypes, m);
    }

    public static final Interest NONE = new Interest(false, new TreeMap<>());

    public Set<String> eventTypes() {
        return fieldsByType.keySet();
    }

    public byte[] encode() {
        StringBuilder b = new StringBuilder(MAGIC).append('\t').append(VERSION).append('\n');
        if (allTypes) {
            b.append("all-types\n");
        }
        fieldsByType.forEach((type, fields) -> {
            b.append("type\t").append(type);
            fields.forEach(f -> b.append('\t').append(f));
            b.append('\n');
        });
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Decodes an entry; a malformed entry is refused whole with the line that is wrong, so that the
     * reader keeps its previous interest rather than applying half of a new one.
     */
    public static Interest decode(byte[] data) throws InterestFormatException {
        String text = new String(data, StandardCharsets.UTF_8);
        String[] lines = text.split("\n", -1);
        if (lines.length == 0 || !lines[0].equals(MAGIC + "\t" + VERSION)) {
            throw new InterestFormatException(1, "expected header '" + MAGIC + "<TAB>" + VERSION + "'");
        }
        boolean all = false;
        TreeMap<String, SortedSet<String>> m = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty()) {
                continue;
            }
            if (line.equals("all-types")) {
                all = true;
                continue;
            }
            List<String> cols = new ArrayList<>(List.of(line.split("\t", -1)));
            if (cols.size() < 2 || !cols.get(0).equals("type") || cols.get(1).isBlank()) {
                throw new InterestFormatException(i + 1, "expected 'type<TAB>name<TAB>field...'");
            }
            for (String f : cols.subList(2, cols.size())) {
                if (f.isBlank()) {
                    throw new InterestFormatException(i + 1, "empty field name");
                }
            }
            m.computeIfAbsent(cols.get(1), k -> new TreeSet<>()).addAll(cols.subList(2, cols.size()));
        }
        return new Interest(all, m);
    }
}
