package io.streamtune.cli;

import io.streamtune.schemas.Topics;
import io.streamtune.stack.LocalStack;
import io.streamtune.stack.StackConfig;
import io.streamtune.stack.StackEndpoints;
import io.streamtune.stack.TopicRequest;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code stack up}: starts both servers detached, creates every Streamtune topic, prints the endpoints. */
@Command(
        name = "up",
        mixinStandardHelpOptions = true,
        description = "Start the broker and the registry (they keep running), create the topics, wait until healthy.")
final class StackUpCommand implements Callable<Integer> {

    @Mixin
    StackOptions options;

    @Option(names = "--kafka-port", paramLabel = "PORT", description = "Broker port (default 9092).")
    Integer kafkaPort;

    @Option(names = "--controller-port", paramLabel = "PORT", description = "KRaft controller port (default 9093).")
    Integer controllerPort;

    @Option(names = "--registry-port", paramLabel = "PORT", description = "Schema registry port (default 8081).")
    Integer registryPort;

    @Option(
            names = "--partitions",
            paramLabel = "N",
            defaultValue = "3",
            description = "Partitions of each topic created (default ${DEFAULT-VALUE}).")
    int partitions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        long started = System.nanoTime();
        StackConfig config = applyPorts(options.recordedConfig());
        LocalStack stack = new LocalStack(config);
        StackEndpoints endpoints = stack.start(true);
        List<String> created = stack.ensureTopics(topics());
        print(spec.commandLine().getOut(), config, endpoints, created, (System.nanoTime() - started) / 1_000_000);
        return 0;
    }

    private StackConfig applyPorts(StackConfig config) {
        StackConfig result = config.withKafkaPorts(
                kafkaPort != null ? kafkaPort : config.kafkaPort(),
                controllerPort != null ? controllerPort : config.controllerPort());
        return registryPort != null ? result.withRegistryPort(registryPort) : result;
    }

    private List<TopicRequest> topics() {
        return Topics.all().stream()
                .map(topic -> new TopicRequest(topic.name(), partitions, topic.compacted()))
                .toList();
    }

    private static void print(
            PrintWriter out, StackConfig config, StackEndpoints endpoints, List<String> created, long millis) {
        out.printf("Streamtune local stack is up (%.1f s).%n", millis / 1000.0);
        out.printf("  bootstrap.servers    %s%n", endpoints.bootstrapServers());
        out.printf("  schema.registry.url  %s%n", endpoints.schemaRegistryUrl());
        out.printf("  data and logs        %s%n", config.dataDir());
        for (var topic : Topics.all()) {
            out.printf(
                    "  topic %-24s %s%s%n",
                    topic.name(),
                    topic.compacted() ? "compacted" : "delete",
                    created.contains(topic.name()) ? ", created" : "");
        }
        out.println("Stop it with: streamtune stack down"
                + (config.dataDir().equals(StackConfig.fromEnvironment().dataDir())
                        ? ""
                        : " --data-dir " + config.dataDir()));
        out.flush();
    }
}
