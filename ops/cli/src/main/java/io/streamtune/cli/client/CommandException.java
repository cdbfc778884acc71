package io.streamtune.cli.client;

/** A failure the user can fix (bad file, unknown label, unknown version): printed as one line, exit code 1. */
public class CommandException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CommandException(String message) {
        super(message);
    }

    public CommandException(String message, Throwable cause) {
        super(message, cause);
    }
}
