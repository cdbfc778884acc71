package io.streamtune.cli.models;

import io.streamtune.schemas.versions.ModelVersionHistory;
import java.io.PrintWriter;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code models list}: every version with its status, holdout and audited accuracy, and creation time. */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = "List the versions: status, whether in service, created, examples, accuracy and macro-F1 on the"
                + " holdout, accuracy on the audited sample (with its size).")
final class ModelsListCommand implements Callable<Integer> {

    @Mixin
    ModelsOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ModelVersionHistory history = options.read();
        PrintWriter out = spec.commandLine().getOut();
        if (options.model == null && history.modelNames().isEmpty()) {
            out.println("No model versions on " + options.topic + " yet.");
        }
        for (String model : options.model == null ? history.modelNames() : Set.of(options.model(history))) {
            out.print(VersionTable.list(model, history.versions(model), history.inService(model)));
        }
        out.flush();
        return 0;
    }
}
