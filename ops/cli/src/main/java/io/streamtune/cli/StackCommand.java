package io.streamtune.cli;

import picocli.CommandLine.Command;

/** {@code streamtune stack}: the local Kafka broker and schema registry. */
@Command(
        name = "stack",
        mixinStandardHelpOptions = true,
        description = "Run a local Kafka broker and schema registry (separate processes on 127.0.0.1).",
        subcommands = {StackUpCommand.class, StackDownCommand.class, StackStatusCommand.class})
final class StackCommand {}
