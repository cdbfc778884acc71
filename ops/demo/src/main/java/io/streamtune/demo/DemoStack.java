package io.streamtune.demo;

import io.streamtune.schemas.Topics;
import io.streamtune.stack.LocalBroker;
import io.streamtune.stack.LocalRegistry;
import io.streamtune.stack.LocalStack;
import io.streamtune.stack.Ports;
import io.streamtune.stack.ServerStatus;
import io.streamtune.stack.StackConfig;
import io.streamtune.stack.StackEndpoints;
import io.streamtune.stack.StackException;
import io.streamtune.stack.TopicRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * The demo's broker and registry. A stack already running on the configured ports (started by an earlier demo with
 * {@code --keep-stack}, or by {@code stack up}) is reused and left running; otherwise a fresh one is started from
 * empty storage (detached, so Ctrl-C reaches only the demo, which then stops it itself) and stopped at the end
 * unless it is to be kept.
 */
final class DemoStack implements AutoCloseable {

    private static final int PARTITIONS = 3;

    private final LocalStack stack;
    private final StackConfig config;
    private final StackEndpoints endpoints;
    private final boolean owned;
    private final boolean keep;
    private final boolean foreign;

    private DemoStack(LocalStack stack, StackEndpoints endpoints, boolean owned, boolean keep, boolean foreign) {
        this.stack = stack;
        this.config = stack.config();
        this.endpoints = endpoints;
        this.owned = owned;
        this.keep = keep;
        this.foreign = foreign;
    }

    /** Starts or reuses the stack and creates the missing topics of {@link Topics#all()}. */
    static DemoStack startOrReuse(StackConfig config, boolean keep, Consumer<String> say) {
        LocalStack stack = new LocalStack(config);
        boolean running = stack.status().stream().anyMatch(ServerStatus::running);
        DemoStack result;
        if (running) {
            say.accept("Reusing the local stack already running from " + config.dataDir() + " (left running after)");
            result = new DemoStack(stack, stack.start(true), false, true, false);
        } else if (Ports.isListening(config.kafkaPort()) || Ports.isListening(config.registryPort())) {
            result = reuseForeign(stack, config, say);
        } else {
            say.accept("Starting a fresh local stack (broker + schema registry) in " + config.dataDir());
            deleteBrokerStorage(config.dataDir().resolve("kafka"));
            result = new DemoStack(stack, stack.start(true), true, keep, false);
        }
        List<String> created = stack.ensureTopics(Topics.all().stream()
                .map(topic -> new TopicRequest(topic.name(), PARTITIONS, topic.compacted()))
                .toList());
        say.accept("  bootstrap.servers " + result.endpoints.bootstrapServers() + ", schema.registry.url "
                + result.endpoints.schemaRegistryUrl() + ", topics created: "
                + (created.isEmpty() ? "none (all existed)" : String.join(", ", created)));
        return result;
    }

    private static DemoStack reuseForeign(LocalStack stack, StackConfig config, Consumer<String> say) {
        boolean healthy = new LocalBroker(config).isHealthy() && new LocalRegistry(config).isHealthy();
        if (!healthy) {
            throw new StackException("Ports " + config.kafkaPort() + " (Kafka) / " + config.registryPort()
                    + " (registry) are in use on 127.0.0.1 by something that is not a healthy Streamtune stack:"
                    + " stop it, or give the demo other ports with --kafka-port, --controller-port, --registry-port");
        }
        say.accept("A Streamtune stack is already running on ports " + config.kafkaPort() + " and "
                + config.registryPort() + " (started elsewhere): reusing it and leaving it running");
        return new DemoStack(stack, stack.endpoints(), false, true, true);
    }

    private static void deleteBrokerStorage(Path folder) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try {
            EarlierRuns.deleteTree(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the demo's old broker storage " + folder, e);
        }
    }

    StackEndpoints endpoints() {
        return endpoints;
    }

    /** Whether this run started the stack on empty storage (then nothing of earlier runs is in the topics). */
    boolean fresh() {
        return owned;
    }

    /** Stops the stack if this demo started it and it is not to be kept; returns whether it did. */
    @Override
    public void close() {
        if (owned && !keep) {
            stack.stop();
        }
    }

    /** What the end of the run says about the stack. */
    String closingLine() {
        if (owned && !keep) {
            return "Stopping the local stack";
        }
        if (foreign) {
            return "Leaving the stack that was already running as it was";
        }
        return "Leaving the local stack running; stop it with: streamtune stack down --data-dir " + config.dataDir();
    }
}
