package io.streamtune.cli.models;

import io.streamtune.schemas.versions.ModelVersionHistory;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code models rollback}: the version in service becomes REJECTED and the one promoted before it serves again. */
@Command(
        name = "rollback",
        mixinStandardHelpOptions = true,
        description = {
            "Serve the version that was promoted before the one in service: writes REJECTED for the version in"
                    + " service and a new PROMOTED record for the previous one (a second rollback goes one further"
                    + " back; 'models promote' brings a rolled-back version back)."
        })
final class ModelsRollbackCommand implements Callable<Integer> {

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
        List<Promotions.Timed> records =
                new Promotions(history, model, options.topic, !noArtifactCheck).rollback(System.currentTimeMillis());
        VersionWriter.write(options.client.settings(), options.topic, records);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(
                "Rolled back %s from v%d (now REJECTED) to v%d.%n",
                model,
                records.get(0).record().getVersion(),
                records.get(1).record().getVersion());
        out.flush();
        return 0;
    }
}
