package io.streamtune.cli;

import io.streamtune.stack.LocalStack;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code stack down}: stops the servers that the pid files of the data folder name. */
@Command(name = "down", mixinStandardHelpOptions = true, description = "Stop the broker and the registry.")
final class StackDownCommand implements Callable<Integer> {

    @Mixin
    StackOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        boolean stopped = new LocalStack(options.recordedConfig()).stop();
        spec.commandLine().getOut().println(stopped ? "Streamtune local stack stopped." : "Nothing was running.");
        spec.commandLine().getOut().flush();
        return 0;
    }
}
