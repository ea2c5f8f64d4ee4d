package io.peregrine.rules.engine.compile;

import io.peregrine.protocol.alert.Priority;
import io.peregrine.rules.engine.eval.Matcher;
import io.peregrine.rules.engine.output.OutputTemplate;
import java.util.List;

/**
 * One rule ready to evaluate. {@code index} is its place in the ruleset's order; {@code eventTypes}
 * the event type codes it can match; {@code matcher} its whole condition (exceptions included).
 */
public record CompiledRule(int index, String name, Priority priority, List<String> tags, String source,
                           OutputTemplate output, boolean[] eventTypes, Matcher matcher) {
}
