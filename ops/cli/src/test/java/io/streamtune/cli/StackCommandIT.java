package io.streamtune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamtune.schemas.Topics;
import io.streamtune.stack.Ports;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code stack up}, {@code status} and {@code down} as separate command runs against real processes. */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StackCommandIT {

    @TempDir
    static Path dataDir;

    private static final int KAFKA_PORT = Ports.freePort();
    private static final int CONTROLLER_PORT = Ports.freePort();
    private static final int REGISTRY_PORT = Ports.freePort();

    @AfterAll
    static void stopWhateverIsLeft() throws Exception {
        CliProcess.run("stack", "down", "--data-dir", dataDir.toString());
    }

    @Test
    @Order(1)
    void shouldStartAStackThatOutlivesTheCommandAndCreateEveryTopic() throws Exception {
        CliProcess.Result up = CliProcess.run(
                "stack", "up",
                "--data-dir", dataDir.toString(),
                "--kafka-port", Integer.toString(KAFKA_PORT),
                "--controller-port", Integer.toString(CONTROLLER_PORT),
                "--registry-port", Integer.toString(REGISTRY_PORT),
                "--partitions", "2");

        assertThat(up.exitCode()).as(up.output()).isZero();
        assertThat(up.output())
                .contains("bootstrap.servers    127.0.0.1:" + KAFKA_PORT)
                .contains("schema.registry.url  http://127.0.0.1:" + REGISTRY_PORT + "/api/v1/confluent");
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + KAFKA_PORT))) {
            Set<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            assertThat(names)
                    .containsAll(
                            Topics.all().stream().map(Topics.TopicSpec::name).toList());
            assertThat(admin.describeTopics(List.of(Topics.TEXT_EVENTS))
                            .allTopicNames()
                            .get()
                            .get(Topics.TEXT_EVENTS)
                            .partitions())
                    .hasSize(2);
            assertThat(cleanupPolicy(admin, Topics.MODEL_VERSIONS)).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
            assertThat(cleanupPolicy(admin, Topics.TEXT_EVENTS)).isEqualTo(TopicConfig.CLEANUP_POLICY_DELETE);
        }
    }

    @Test
    @Order(2)
    void shouldReportBothServersHealthyOnTheirRecordedPorts() throws Exception {
        CliProcess.Result status = CliProcess.run("stack", "status", "--data-dir", dataDir.toString());

        assertThat(status.exitCode()).as(status.output()).isZero();
        assertThat(status.output()).contains("kafka     healthy").contains("registry  healthy");
        assertThat(status.output()).contains("127.0.0.1:" + REGISTRY_PORT);
    }

    @Test
    @Order(3)
    void shouldStopTheStackAndThenReportItStopped() throws Exception {
        CliProcess.Result down = CliProcess.run("stack", "down", "--data-dir", dataDir.toString());
        CliProcess.Result status = CliProcess.run("stack", "status", "--data-dir", dataDir.toString());

        assertThat(down.exitCode()).isZero();
        assertThat(down.output()).contains("stopped");
        assertThat(status.exitCode()).isEqualTo(StackStatusCommand.NOT_HEALTHY);
        assertThat(Ports.isListening(KAFKA_PORT)).isFalse();
        assertThat(Ports.isListening(REGISTRY_PORT)).isFalse();
    }

    private static String cleanupPolicy(Admin admin, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
        return config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
    }
}
