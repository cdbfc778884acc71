package io.streamtune.cli.tail;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code streamtune tail}. */
@Command(name = "tail", mixinStandardHelpOptions = true, description = "Not implemented yet.")
public final class TailCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        return 0;
    }
}
