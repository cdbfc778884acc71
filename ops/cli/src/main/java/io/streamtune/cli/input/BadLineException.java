package io.streamtune.cli.input;

import io.streamtune.cli.client.CommandException;

/** One line of an input file that cannot be used; the message names the file and the line. */
public final class BadLineException extends CommandException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final long line;
    private final String problem;

    public BadLineException(String file, long line, String problem) {
        super(file + " line " + line + ": " + problem);
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    public String file() {
        return file;
    }

    public long line() {
        return line;
    }

    /** What is wrong, without the file and line. */
    public String problem() {
        return problem;
    }
}
