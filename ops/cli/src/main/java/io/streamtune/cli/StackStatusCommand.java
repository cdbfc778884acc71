package io.streamtune.cli;

import io.streamtune.stack.LocalStack;
import io.streamtune.stack.ServerStatus;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code stack status}: one line per server; exit code 0 only when both are running and healthy. */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description =
                "Show whether the broker and the registry run and answer (exit code 0 when both do, 3 otherwise).")
final class StackStatusCommand implements Callable<Integer> {

    static final int NOT_HEALTHY = 3;

    @Mixin
    StackOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<ServerStatus> servers = new LocalStack(options.recordedConfig()).status();
        PrintWriter out = spec.commandLine().getOut();
        servers.forEach(server -> out.printf("%-9s %-10s %s%n", server.name(), describe(server), server.endpoint()));
        out.flush();
        return servers.stream().allMatch(ServerStatus::healthy) ? 0 : NOT_HEALTHY;
    }

    private static String describe(ServerStatus server) {
        if (!server.running()) {
            return "stopped";
        }
        return (server.healthy() ? "healthy" : "starting") + " pid "
                + server.pid().getAsLong();
    }
}
