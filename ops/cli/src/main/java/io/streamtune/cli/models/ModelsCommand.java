package io.streamtune.cli.models;

import picocli.CommandLine.Command;

/** {@code streamtune models}: the versions on the model-versions topic, and promotion. */
@Command(
        name = "models",
        mixinStandardHelpOptions = true,
        description = "List and inspect model versions, promote one, or roll back to the one served before.",
        subcommands = {
            ModelsListCommand.class,
            ModelsShowCommand.class,
            ModelsPromoteCommand.class,
            ModelsRollbackCommand.class
        })
public final class ModelsCommand {}
