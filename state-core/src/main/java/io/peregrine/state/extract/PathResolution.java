package io.peregrine.state.extract;

import io.peregrine.state.threads.ThreadInfo;

/** Path resolution against the thread's cwd and fds; set by the state that owns the parser. */
@FunctionalInterface
public interface PathResolution {
    byte[] resolve(ThreadInfo t, long dirfd, byte[] raw);
}
