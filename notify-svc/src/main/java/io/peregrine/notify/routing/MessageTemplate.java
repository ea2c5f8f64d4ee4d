package io.peregrine.notify.routing;

import io.peregrine.notify.output.Notification;
import io.peregrine.protocol.alert.Alert;
import io.peregrine.protocol.alert.AlertJson;

import java.util.ArrayList;
import java.util.List;

/**
 * A text with ${name} placeholders, parsed once. Names: rule, priority, output, time, hostname,
 * source, tags, uuid, count; any other name is an output field (${proc.name}); an unknown field
 * renders as Falco's {@code <NA>}. "$$" is a literal '$'.
 */
public final class MessageTemplate {

    private final List<String> literals = new ArrayList<>();
    private final List<String> names = new ArrayList<>();

    public MessageTemplate(String text) {
        StringBuilder lit = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '$') {
                lit.append('$');
                i += 2;
            } else if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
                int end = text.indexOf('}', i + 2);
                if (end < 0) {
                    throw new IllegalArgumentException("template: '${' at offset " + i + " is not closed by '}'");
                }
                String name = text.substring(i + 2, end).trim();
                if (name.isEmpty()) {
                    throw new IllegalArgumentException("template: empty placeholder at offset " + i);
                }
                literals.add(lit.toString());
                lit.setLength(0);
                names.add(name);
                i = end + 1;
            } else {
                lit.append(c);
                i++;
            }
        }
        literals.add(lit.toString());
    }

    /** True when the template has a ${name} placeholder. */
    public boolean uses(String name) {
        return names.contains(name);
    }

    public String render(Notification n) {
        Alert a = n.alert();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            b.append(literals.get(i));
            String name = names.get(i);
            b.append(switch (name) {
                case "rule" -> a.rule();
                case "priority" -> a.priority().falcoName();
                case "output" -> a.output();
                case "time" -> AlertJson.formatTime(a.time());
                case "hostname" -> a.hostname();
                case "source" -> a.source();
                case "tags" -> String.join(",", a.tags());
                case "uuid" -> a.uuid();
                case "count" -> Integer.toString(n.count());
                default -> {
                    Object v = a.outputFields().get(name);
                    yield v == null ? "<NA>" : v.toString();
                }
            });
        }
        b.append(literals.getLast());
        return b.toString();
    }
}
