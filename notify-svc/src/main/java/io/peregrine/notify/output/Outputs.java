package io.peregrine.notify.output;

import io.nats.client.Connection;

import java.util.List;
import java.util.Locale;

/** Builds the output a declaration describes. */
public final class Outputs {

    private Outputs() {
    }

    /** @throws IllegalArgumentException listing every problem of an invalid declaration */
    public static Output create(OutputSpec spec, Connection nats) {
        List<String> problems = spec.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(spec.name() + ": " + String.join("; ", problems));
        }
        return switch (spec.type().toLowerCase(Locale.ROOT)) {
            case "slack" -> new SlackOutput(spec);
            case "webhook" -> new WebhookOutput(spec);
            case "nats" -> new NatsOutput(spec, nats);
            case "stdout" -> FileOutput.stdout(spec, System.out);
            case "file" -> FileOutput.file(spec);
            case "terminal" -> new TerminalFileOutput(spec);
            default -> throw new IllegalArgumentException("unknown output type " + spec.type());
        };
    }
}
