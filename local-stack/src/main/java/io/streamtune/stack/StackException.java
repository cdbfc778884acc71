package io.streamtune.stack;

/** A local stack could not be configured, started, checked or stopped; the message says what to do. */
public class StackException extends RuntimeException {

    public StackException(String message) {
        super(message);
    }

    public StackException(String message, Throwable cause) {
        super(message, cause);
    }
}
