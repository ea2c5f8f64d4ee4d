package io.peregrine.rules.engine.output;

import io.peregrine.protocol.alert.Alert;
import io.peregrine.protocol.alert.Priority;
import io.peregrine.rules.engine.eval.FieldValues;
import java.util.List;
import java.util.UUID;

/**
 * Builds the alert of a matched rule the way Falco prints it: the output text is prefixed with
 * the event time and the priority ({@code 12:00:01.123456789: Warning ...}).
 */
public final class AlertFactory {

    private final String hostname;

    public AlertFactory(String hostname) {
        this.hostname = hostname;
    }

    public Alert create(String rule, Priority priority, List<String> tags, String source, OutputTemplate output,
                        FieldValues v) {
        return create(UUID.randomUUID().toString(), rule, priority, tags, source, output, v);
    }

    /** With an id derived from the event, so that evaluating the same event again yields the same alert id. */
    public Alert create(String id, String rule, Priority priority, List<String> tags, String source, OutputTemplate output,
                        FieldValues v) {
        String text = OutputTemplate.time(v.timeNanos()) + ": " + priority.falcoName() + " " + output.format(v, hostname);
        return new Alert(id, OutputTemplate.instant(v.timeNanos()), rule, priority, text,
                output.fields(v, hostname), source, tags, hostname);
    }
}
