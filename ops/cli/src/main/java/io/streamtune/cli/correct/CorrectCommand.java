package io.streamtune.cli.correct;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code streamtune correct}. */
@Command(name = "correct", mixinStandardHelpOptions = true, description = "Not implemented yet.")
public final class CorrectCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        return 0;
    }
}
