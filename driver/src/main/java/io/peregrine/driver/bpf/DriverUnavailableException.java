package io.peregrine.driver.bpf;

import java.io.IOException;

/** Live capture cannot start on this host; the message names everything that is missing. */
public final class DriverUnavailableException extends IOException {
    public DriverUnavailableException(String message) {
        super(message);
    }

    public DriverUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
