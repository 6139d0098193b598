package org.mtboard.engine.sim;

/** The requested simulator backend cannot run on this machine; the message says why, in one line. */
public final class BackendUnavailableException extends RuntimeException {
    public BackendUnavailableException(String message) {
        super(message);
    }
}
