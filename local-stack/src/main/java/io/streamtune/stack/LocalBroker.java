package io.streamtune.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;

/**
 * A single-node KRaft Kafka broker (combined broker and controller) in its own JVM, listening on
 * 127.0.0.1. Its storage is formatted once ({@code kafka.tools.StorageTool format --standalone}); later
 * starts reuse the data. {@link BrokerOverrides} change its listeners or other server settings (e.g. SASL_SSL).
 */
public final class LocalBroker {

    static final String MAIN_CLASS = "kafka.Kafka";
    private static final String STORAGE_TOOL = "kafka.tools.StorageTool";
    private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(60);

    private final StackConfig config;
    private final Path home;
    private final ServerProcess process;
    private final BrokerOverrides overrides;

    public LocalBroker(StackConfig config) {
        this(config, BrokerOverrides.NONE);
    }

    /** A broker whose server properties, format run and health-check client are changed by {@code overrides}. */
    public LocalBroker(StackConfig config, BrokerOverrides overrides) {
        this.config = config;
        this.overrides = overrides;
        this.home = config.dataDir().resolve("kafka");
        this.process = new ServerProcess("kafka", MAIN_CLASS, config.dataDir().resolve("run"), logDir(config));
    }

    public String bootstrapServers() {
        return Ports.HOST + ":" + config.kafkaPort();
    }

    public ServerProcess process() {
        return process;
    }

    /** Formats the storage if needed and launches the broker; returns without waiting for it. */
    public ProcessHandle launch(boolean detached) {
        Ports.requireFree(config.kafkaPort(), "Kafka broker", StackConfig.KAFKA_PORT);
        Ports.requireFree(config.controllerPort(), "Kafka controller", StackConfig.CONTROLLER_PORT);
        String classpath = RuntimeClasspath.read(config.brokerClasspath(), "broker-runtime");
        Path properties = writeServerProperties();
        formatIfNeeded(classpath, properties);
        return process.start(classpath, jvmOptions(), List.of(properties.toString()), detached);
    }

    /** Blocks until the broker answers a cluster description, or throws with its log tail. */
    public void awaitHealthy(ProcessHandle handle) {
        HealthWait.until(process, handle, config.startTimeout(), this::isHealthy);
    }

    /** Whether the broker answers {@code describeCluster} within a few seconds. */
    public boolean isHealthy() {
        if (!Ports.isListening(config.kafkaPort())) {
            return false;
        }
        Map<String, Object> adminConfig = new HashMap<>(overrides.clientSettings());
        adminConfig.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        adminConfig.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000);
        adminConfig.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000);
        adminConfig.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
        try (Admin admin = Admin.create(adminConfig)) {
            return !admin.describeCluster(new DescribeClusterOptions().timeoutMs(3_000))
                    .nodes()
                    .get(4, TimeUnit.SECONDS)
                    .isEmpty();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
    }

    private Path writeServerProperties() {
        try {
            Files.createDirectories(home);
            Path file = home.resolve("server.properties");
            Files.writeString(file, render(serverProperties()), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new StackException("Cannot write the broker configuration under " + home, e);
        }
    }

    /** The defaults of a single plaintext node, then the overrides. */
    Map<String, String> serverProperties() {
        String controller = Ports.HOST + ":" + config.controllerPort();
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", "1");
        properties.put("controller.quorum.bootstrap.servers", controller);
        properties.put("listeners", "PLAINTEXT://" + bootstrapServers() + ",CONTROLLER://" + controller);
        properties.put("advertised.listeners", "PLAINTEXT://" + bootstrapServers() + ",CONTROLLER://" + controller);
        properties.put("controller.listener.names", "CONTROLLER");
        properties.put("inter.broker.listener.name", "PLAINTEXT");
        properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        properties.put("log.dirs", home.resolve("data").toString());
        properties.put("num.partitions", "1");
        properties.put("offsets.topic.replication.factor", "1");
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
        properties.put("share.coordinator.state.topic.replication.factor", "1");
        properties.put("share.coordinator.state.topic.min.isr", "1");
        properties.put("group.initial.rebalance.delay.ms", "0");
        properties.putAll(overrides.serverProperties());
        return properties;
    }

    private static String render(Map<String, String> properties) {
        StringBuilder text =
                new StringBuilder("# Written by Streamtune's local stack on every start; edits are overwritten.\n");
        properties.forEach((key, value) -> text.append(key)
                .append('=')
                .append(value.replace("\\", "\\\\").replace("\n", "\\n"))
                .append('\n'));
        return text.toString();
    }

    private void formatIfNeeded(String classpath, Path properties) {
        if (Files.exists(home.resolve("data/meta.properties"))) {
            return;
        }
        String clusterId = Uuid.randomUuid().toString();
        ServerProcess format = new ServerProcess("kafka-format", STORAGE_TOOL, home, logDir(config));
        List<String> args =
                new ArrayList<>(List.of("format", "--standalone", "-t", clusterId, "-c", properties.toString()));
        args.addAll(overrides.formatArguments());
        ProcessHandle handle = format.start(classpath, List.of("-Xmx256m"), args, false);
        try {
            ProcessHandle finished = handle.onExit().get(FORMAT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (!Files.exists(home.resolve("data/meta.properties"))) {
                throw new StackException(
                        "Formatting the Kafka storage failed (pid " + finished.pid() + "):\n" + format.logTail(20));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted while formatting the Kafka storage", e);
        } catch (ExecutionException | TimeoutException e) {
            handle.destroyForcibly();
            throw new StackException("Formatting the Kafka storage did not finish:\n" + format.logTail(20), e);
        } finally {
            format.stop(Duration.ZERO);
        }
    }

    private static List<String> jvmOptions() {
        return List.of(
                "-Xmx512m",
                "-Xms256m",
                "-XX:+UseG1GC",
                "-Djava.awt.headless=true",
                "-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSS",
                "-Dorg.slf4j.simpleLogger.log.kafka.request.logger=warn",
                "-Dorg.slf4j.simpleLogger.log.state.change.logger=warn");
    }

    static Path logDir(StackConfig config) {
        return config.dataDir().resolve("logs");
    }
}
