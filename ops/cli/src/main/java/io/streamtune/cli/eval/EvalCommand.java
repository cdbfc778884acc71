package io.streamtune.cli.eval;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code streamtune eval}. */
@Command(name = "eval", mixinStandardHelpOptions = true, description = "Not implemented yet.")
public final class EvalCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        return 0;
    }
}
