package io.streamtune.demo;

import io.streamtune.schemas.Topics;
import io.streamtune.stack.StackConfig;
import io.streamtune.stack.StackEndpoints;
import io.streamtune.stack.StackLease;
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

    private final StackLease lease;
    private final boolean keep;

    private DemoStack(StackLease lease, boolean keep) {
        this.lease = lease;
        this.keep = keep;
    }

    /** Starts or reuses the stack and creates the missing topics of {@link Topics#all()}. */
    static DemoStack startOrReuse(StackConfig config, boolean keep, Consumer<String> say) {
        StackLease lease = StackLease.acquire(config, () -> {
            say.accept("Starting a fresh local stack (broker + schema registry) in " + config.dataDir());
            deleteBrokerStorage(config.dataDir().resolve("kafka"));
        });
        switch (lease.origin()) {
            case REUSED ->
                say.accept(
                        "Reusing the local stack already running from " + config.dataDir() + " (left running after)");
            case FOREIGN ->
                say.accept("A Streamtune stack is already running on ports " + config.kafkaPort() + " and "
                        + config.registryPort() + " (started elsewhere): reusing it and leaving it running");
            case STARTED -> {}
        }
        List<String> created = lease.ensureTopics(Topics.all().stream()
                .map(topic -> new TopicRequest(topic.name(), PARTITIONS, topic.compacted()))
                .toList());
        say.accept("  bootstrap.servers " + lease.endpoints().bootstrapServers() + ", schema.registry.url "
                + lease.endpoints().schemaRegistryUrl() + ", topics created: "
                + (created.isEmpty() ? "none (all existed)" : String.join(", ", created)));
        return new DemoStack(lease, keep || lease.origin() != StackLease.Origin.STARTED);
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
        return lease.endpoints();
    }

    /** Whether this run started the stack on empty storage (then nothing of earlier runs is in the topics). */
    boolean fresh() {
        return lease.origin() == StackLease.Origin.STARTED;
    }

    /** Stops the stack if this demo started it and it is not to be kept. */
    @Override
    public void close() {
        if (!keep) {
            lease.close();
        }
    }

    /** What the end of the run says about the stack. */
    String closingLine() {
        if (!keep) {
            return "Stopping the local stack";
        }
        if (lease.origin() == StackLease.Origin.FOREIGN) {
            return "Leaving the stack that was already running as it was";
        }
        return "Leaving the local stack running; stop it with: streamtune stack down --data-dir "
                + lease.config().dataDir();
    }
}
