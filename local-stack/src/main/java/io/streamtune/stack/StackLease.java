package io.streamtune.stack;

import java.util.Collection;
import java.util.List;

/**
 * A local stack for a command that needs one for as long as it runs (the demo, {@code streamtune up}). A stack
 * already running from the data folder, or a healthy one started elsewhere on the configured ports, is reused and
 * left running; otherwise one is started detached (so Ctrl-C reaches only the command, which then stops it itself)
 * and closing the lease stops it again.
 */
public final class StackLease implements AutoCloseable {

    /** Where the lease's stack came from. */
    public enum Origin {
        /** Started by this lease, on the data folder's storage; closing the lease stops it. */
        STARTED,
        /** Running from the same data folder already (an earlier {@code stack up}, a kept demo stack). */
        REUSED,
        /** Healthy on the configured ports, started from another data folder or by another tool. */
        FOREIGN
    }

    private final LocalStack stack;
    private final StackEndpoints endpoints;
    private final Origin origin;

    private StackLease(LocalStack stack, StackEndpoints endpoints, Origin origin) {
        this.stack = stack;
        this.endpoints = endpoints;
        this.origin = origin;
    }

    /**
     * Reuses the running stack or starts one.
     *
     * @param beforeStart what to do just before a stack is started (nothing runs then), e.g. clear its storage
     * @throws StackException when the ports are taken by something that is not a healthy stack, or it cannot start
     */
    public static StackLease acquire(StackConfig config, Runnable beforeStart) {
        LocalStack stack = new LocalStack(config);
        if (stack.status().stream().anyMatch(ServerStatus::running)) {
            return new StackLease(stack, stack.start(true), Origin.REUSED);
        }
        if (Ports.isListening(config.kafkaPort()) || Ports.isListening(config.registryPort())) {
            if (!new LocalBroker(config).isHealthy() || !new LocalRegistry(config).isHealthy()) {
                throw new StackException("Ports " + config.kafkaPort() + " (Kafka) / " + config.registryPort()
                        + " (registry) are in use on 127.0.0.1 by something that is not a healthy Streamtune"
                        + " stack: stop it, or choose other ports (--kafka-port, --controller-port,"
                        + " --registry-port, or " + StackConfig.KAFKA_PORT + ", " + StackConfig.CONTROLLER_PORT
                        + ", " + StackConfig.REGISTRY_PORT + ")");
            }
            return new StackLease(stack, stack.endpoints(), Origin.FOREIGN);
        }
        beforeStart.run();
        return new StackLease(stack, stack.start(true), Origin.STARTED);
    }

    /** Creates the topics that do not exist yet; returns the names it created. */
    public List<String> ensureTopics(Collection<TopicRequest> topics) {
        return stack.ensureTopics(topics);
    }

    public StackEndpoints endpoints() {
        return endpoints;
    }

    public StackConfig config() {
        return stack.config();
    }

    public Origin origin() {
        return origin;
    }

    /** Stops the stack if this lease started it. */
    @Override
    public void close() {
        if (origin == Origin.STARTED) {
            stack.stop();
        }
    }
}
