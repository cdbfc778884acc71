package io.streamtune.cli.models;

import io.streamtune.cli.client.CommandException;
import io.streamtune.schemas.versions.ModelVersionHistory;
import io.streamtune.schemas.versions.VersionState;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code models show <version>}: every field of one version. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show one version in full.")
final class ModelsShowCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "VERSION", description = "Version number (v3 or 3).")
    String version;

    @Mixin
    ModelsOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ModelVersionHistory history = options.read();
        String model = options.model(history);
        long number = VersionNumbers.parse(version);
        VersionState state = history.version(model, number)
                .orElseThrow(() -> new CommandException(
                        "model '" + model + "' has no version " + number + " on " + options.topic));
        Optional<VersionState> serving = history.inService(model);
        PrintWriter out = spec.commandLine().getOut();
        out.print(VersionTable.show(state, serving.isPresent() && serving.get().version() == number));
        out.flush();
        return 0;
    }
}
