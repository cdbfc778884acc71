package io.streamtune.cli.init;

import io.streamtune.cli.client.CommandException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code streamtune init}: writes a starter configuration file that every app reads. */
@Command(
        name = "init",
        mixinStandardHelpOptions = true,
        description = {
            "Writes a starter configuration file for every Streamtune app (classifier, trainer, this CLI): every key"
                    + " with its doc and default, the connection set for the local stack (streamtune stack up).",
            "Fill in model.name, then pass it as --config (streamtune up takes model.labels from the version in"
                    + " service; the apps run on their own need it set)."
        })
public final class InitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = {"-o", "--output"},
            defaultValue = "streamtune.properties",
            description = "File to write (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--force", description = "Overwrite the file if it exists.")
    boolean force;

    @Override
    public Integer call() {
        if (Files.exists(output) && !force) {
            throw new CommandException(output + " exists; pass --force to overwrite it");
        }
        try {
            Files.writeString(output, StarterFile.render());
        } catch (IOException e) {
            throw new CommandException("cannot write " + output + ": " + e.getMessage());
        }
        spec.commandLine()
                .getOut()
                .println("wrote " + output + ": set model.name, then pass it to streamtune bootstrap, up and the"
                        + " other commands with --config " + output);
        return 0;
    }
}
