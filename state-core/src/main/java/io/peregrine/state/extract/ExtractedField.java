package io.peregrine.state.extract;

import java.util.List;

/**
 * A field that one family computes; implemented by each family's enum. One constant can answer to
 * several catalogue names when they are aliases of one computation ({@code fd.ip} and {@code fd.net}).
 */
public interface ExtractedField {

    FieldFamily family();

    /** The catalogue names this field computes. */
    List<String> names();

    /** The argument the name implies ({@code proc.stdout.type}: fd 1), or -1: the reference's own. */
    default int impliedIndex() {
        return -1;
    }
}
