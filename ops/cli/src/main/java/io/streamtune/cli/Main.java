package io.streamtune.cli;

import io.streamtune.stack.StackException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code streamtune} command; {@code main} only parses, runs and exits with the command's code. */
@Command(
        name = "streamtune",
        mixinStandardHelpOptions = true,
        version = "streamtune 0.1.0",
        description = "Text classification on Kafka with a BERT model that learns from corrections.",
        subcommands = {StackCommand.class, CommandLine.HelpCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code; a {@link StackException} is one line on stderr. */
    static int run(String... args) {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> {
            if (exception instanceof StackException) {
                line.getErr().println("streamtune: " + exception.getMessage());
                return 1;
            }
            throw exception;
        });
        return commandLine.execute(args);
    }
}
