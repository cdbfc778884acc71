package io.streamtune.cli.models;

import io.streamtune.schemas.versions.ModelVersionHistory;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code models promote <version>}: writes a PROMOTED record for an existing version, which then serves. */
@Command(
        name = "promote",
        mixinStandardHelpOptions = true,
        description = {
            "Put an existing version in service: writes a PROMOTED record for it, newer than every record on the"
                    + " topic; running classifiers load it and the trainer fine-tunes from it.",
            "Refuses an unknown version and one whose file: artifact folder is missing."
        })
final class ModelsPromoteCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "VERSION", description = "Version number (v3 or 3).")
    String version;

    @Option(
            names = "--no-artifact-check",
            description = "Do not check that a file: artifact exists here (when the model store is on another host).")
    boolean noArtifactCheck;

    @Mixin
    ModelsOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ModelVersionHistory history = options.read();
        String model = options.model(history);
        long number = VersionNumbers.parse(version);
        Promotions promotions = new Promotions(history, model, options.topic, !noArtifactCheck);
        Promotions.Timed record = promotions.promote(number, System.currentTimeMillis());
        String before =
                history.inService(model).map(state -> "v" + state.version()).orElse("none");
        VersionWriter.write(options.client.settings(), options.topic, List.of(record));
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Promoted %s v%d (in service before: %s).%n", model, number, before);
        out.flush();
        return 0;
    }
}
