package io.peregrine.notify.output;

import io.peregrine.notify.routing.MessageTemplate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * One readable line per alert for a person watching a terminal ({@code tail -F}): the output
 * line as Falco prints it (it starts with the time and the priority), then the rule in brackets;
 * or the output's template. Line breaks in the text become spaces so every alert stays one line.
 */
public final class TerminalFileOutput implements Output {

    public static final String DEFAULT_TEMPLATE = "${output} [${rule}]";

    private final String name;
    private final RotatingFile file;
    private final MessageTemplate template;

    public TerminalFileOutput(OutputSpec spec) {
        this.name = spec.name();
        this.file = new RotatingFile(Path.of(spec.path()), spec.rotateBytes(), spec.rotatedFiles());
        this.template = new MessageTemplate(spec.template() == null ? DEFAULT_TEMPLATE : spec.template());
    }

    @Override
    public String name() {
        return name;
    }

    public String line(Notification n) {
        String s = template.render(n).replace('\n', ' ').replace('\r', ' ');
        return n.aggregated() && !template.uses("count") ? s + " (x" + n.count() + ")" : s;
    }

    @Override
    public Delivery deliver(Notification n) {
        try {
            file.writeLine(line(n).getBytes(StandardCharsets.UTF_8));
            return Delivery.delivered();
        } catch (IOException e) {
            return Delivery.retryable("terminal file: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        file.close();
    }
}
