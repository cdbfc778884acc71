package io.streamtune.cli.models;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code streamtune models}. */
@Command(name = "models", mixinStandardHelpOptions = true, description = "Not implemented yet.")
public final class ModelsCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        return 0;
    }
}
