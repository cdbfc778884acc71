package io.streamtune.cli.up;

import io.streamtune.cli.client.CommandException;
import io.streamtune.runtime.config.SharedKeys;
import io.streamtune.schemas.Topics;
import io.streamtune.stack.StackConfig;
import io.streamtune.stack.StackException;
import io.streamtune.stack.StackLease;
import io.streamtune.stack.StackStateFile;
import io.streamtune.stack.TopicRequest;
import java.util.Optional;
import java.util.Set;

/**
 * The cluster {@code up} runs on. A file that names no cluster, or names the local stack's own address (as the
 * file of {@code streamtune init} does), runs on the local stack: the one already running is reused and left
 * running, else one is started, its topics created, and stopped again at the end unless it is to be kept. Any
 * other {@code kafka.bootstrap.servers} is the user's cluster, used as it is.
 */
final class UpCluster implements AutoCloseable {

    private static final int PARTITIONS = 3;
    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1");

    private final Optional<StackLease> lease;
    private final boolean keep;
    private final String description;

    private UpCluster(Optional<StackLease> lease, boolean keep, String description) {
        this.lease = lease;
        this.keep = keep;
        this.description = description;
    }

    /** Whether these settings run on the local stack of this configuration. */
    static boolean isLocal(UpSettings settings, StackConfig stack) {
        Optional<String> servers = settings.given(SharedKeys.KAFKA_BOOTSTRAP_SERVERS);
        return servers.isEmpty() || isLocalAddress(servers.get(), stack.kafkaPort());
    }

    static boolean isLocalAddress(String servers, int kafkaPort) {
        String address = servers.strip();
        int colon = address.lastIndexOf(':');
        return colon > 0
                && !address.contains(",")
                && LOCAL_HOSTS.contains(address.substring(0, colon))
                && address.substring(colon + 1).equals(Integer.toString(kafkaPort));
    }

    /**
     * Chooses the cluster and, for the local stack, starts or reuses it and points both apps at it.
     *
     * @param keepStack whether a stack started here keeps running after {@code up}
     */
    static UpCluster choose(UpSettings settings, boolean keepStack) {
        Optional<StackConfig> found = localStack(settings);
        if (found.isEmpty() || !isLocal(settings, found.get())) {
            return new UpCluster(Optional.empty(), true, "your cluster");
        }
        StackConfig stack = found.get();
        StackLease lease = StackLease.acquire(stack, () -> {});
        lease.ensureTopics(Topics.all().stream()
                .map(topic -> new TopicRequest(topic.name(), PARTITIONS, topic.compacted()))
                .toList());
        settings.decide(SharedKeys.KAFKA_BOOTSTRAP_SERVERS, lease.endpoints().bootstrapServers());
        if (settings.given(SharedKeys.REGISTRY_URL).isEmpty()) {
            settings.decide(SharedKeys.REGISTRY_URL, lease.endpoints().schemaRegistryUrl());
        }
        String description =
                switch (lease.origin()) {
                    case STARTED ->
                        "the local stack, started now from " + stack.dataDir()
                                + (keepStack
                                        ? ", left running after"
                                        : ", stopped again at the end (--keep-stack keeps it)");
                    case REUSED -> "the local stack already running from " + stack.dataDir() + ", left running after";
                    case FOREIGN ->
                        "the Streamtune stack already running on port " + stack.kafkaPort() + ", left running after";
                };
        return new UpCluster(Optional.of(lease), keepStack, description);
    }

    /**
     * The local stack's configuration. Its defaults live in the checkout, so outside it a file that names a cluster
     * runs on that cluster; one that names none cannot run at all, and is told why.
     */
    private static Optional<StackConfig> localStack(UpSettings settings) {
        try {
            return Optional.of(StackStateFile.restore(StackConfig.fromEnvironment()));
        } catch (StackException e) {
            if (settings.given(SharedKeys.KAFKA_BOOTSTRAP_SERVERS).isPresent()) {
                return Optional.empty();
            }
            throw new CommandException(
                    SharedKeys.KAFKA_BOOTSTRAP_SERVERS + " is not set in " + settings.file()
                            + ", and the local stack cannot run here: " + e.getMessage(),
                    e);
        }
    }

    /** Where it runs, for the start-up summary. */
    String description() {
        return description;
    }

    /** Whether closing stops a stack. */
    boolean stopsStack() {
        return lease.isPresent() && lease.get().origin() == StackLease.Origin.STARTED && !keep;
    }

    /** Stops the local stack if this run started it and it is not to be kept. */
    @Override
    public void close() {
        if (!keep) {
            lease.ifPresent(StackLease::close);
        }
    }
}
