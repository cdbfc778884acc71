package io.streamtune.cli;

import io.streamtune.cli.bootstrap.BootstrapCommand;
import io.streamtune.cli.client.CommandException;
import io.streamtune.cli.correct.CorrectCommand;
import io.streamtune.cli.demo.DemoCommand;
import io.streamtune.cli.eval.EvalCommand;
import io.streamtune.cli.init.InitCommand;
import io.streamtune.cli.models.ModelsCommand;
import io.streamtune.cli.produce.ProduceCommand;
import io.streamtune.cli.review.ReviewCommand;
import io.streamtune.cli.tail.TailCommand;
import io.streamtune.cli.up.UpCommand;
import io.streamtune.stack.StackException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code streamtune} command; {@code main} only parses, runs and exits with the command's code. */
@Command(
        name = "streamtune",
        mixinStandardHelpOptions = true,
        version = "streamtune 0.1.0",
        description = "Text classification on Kafka with a BERT model that learns from corrections.",
        subcommands = {
            StackCommand.class,
            DemoCommand.class,
            InitCommand.class,
            BootstrapCommand.class,
            UpCommand.class,
            ProduceCommand.class,
            TailCommand.class,
            CorrectCommand.class,
            ModelsCommand.class,
            EvalCommand.class,
            ReviewCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * Runs the command line and returns its exit code; a {@link StackException} or {@link CommandException} is one
     * line on stderr and exit code 1.
     */
    static int run(String... args) {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> {
            if (exception instanceof StackException || exception instanceof CommandException) {
                line.getErr().println("streamtune: " + exception.getMessage());
                return 1;
            }
            throw exception;
        });
        return commandLine.execute(args);
    }
}
