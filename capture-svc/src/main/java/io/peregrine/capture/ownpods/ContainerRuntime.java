package io.peregrine.capture.ownpods;

import java.io.IOException;
import java.util.List;

/** What runs on this node, by namespace: the CRI runtime, or a fabricated one in tests. */
public interface ContainerRuntime extends AutoCloseable {
    /** The running containers of the pods in {@code namespace}. */
    List<RunningContainer> running(String namespace) throws IOException;

    @Override
    default void close() {
    }
}
