package io.peregrine.kubernetes.schema;

/** An object that does not fit the Kubernetes API schema: unknown kind, unknown field, wrong type. */
public final class SchemaException extends Exception {
    public SchemaException(String message) {
        super(message);
    }
}
