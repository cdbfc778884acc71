package io.streamtune.cli.produce;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code streamtune produce}. */
@Command(name = "produce", mixinStandardHelpOptions = true, description = "Not implemented yet.")
public final class ProduceCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        return 0;
    }
}
