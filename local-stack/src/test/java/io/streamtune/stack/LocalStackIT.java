package io.streamtune.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Starts the real broker and registry processes once and checks what the stack promises. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalStackIT {

    @TempDir
    static Path dataDir;

    private static LocalStack stack;
    private static StackEndpoints endpoints;

    @BeforeAll
    static void startStack() {
        StackConfig config = StackConfig.fromEnvironment()
                .withDataDir(dataDir)
                .withKafkaPorts(Ports.freePort(), Ports.freePort())
                .withRegistryPort(Ports.freePort());
        stack = new LocalStack(config);
        endpoints = stack.start(false);
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.stop();
        }
    }

    @Test
    @Order(1)
    void shouldReportBothServersRunningAndHealthy() {
        List<ServerStatus> status = stack.status();

        assertThat(status).extracting(ServerStatus::name).containsExactly("kafka", "registry");
        assertThat(status).allSatisfy(server -> {
            assertThat(server.running()).isTrue();
            assertThat(server.healthy()).isTrue();
        });
        assertThat(endpoints.schemaRegistryUrl())
                .startsWith("http://127.0.0.1:")
                .endsWith("/api/v1/confluent");
    }

    @Test
    @Order(2)
    void shouldCreateTopicsOnceWithTheRequestedSettings() throws Exception {
        List<TopicRequest> topics =
                List.of(new TopicRequest("plain-events", 3, false), new TopicRequest("compacted-state", 2, true));

        List<String> first = stack.ensureTopics(topics);
        List<String> second = stack.ensureTopics(topics);

        assertThat(first).containsExactly("plain-events", "compacted-state");
        assertThat(second).isEmpty();
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.bootstrapServers()))) {
            assertThat(admin.describeTopics(List.of("plain-events"))
                            .allTopicNames()
                            .get()
                            .get("plain-events")
                            .partitions())
                    .hasSize(3);
            assertThat(cleanupPolicy(admin, "compacted-state")).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
            assertThat(cleanupPolicy(admin, "plain-events")).isEqualTo(TopicConfig.CLEANUP_POLICY_DELETE);
        }
    }

    @Test
    @Order(3)
    void shouldLeaveARunningStackAloneWhenStartedAgain() {
        long brokerPid = stack.status().get(0).pid().orElseThrow();

        stack.start(false);

        assertThat(stack.status().get(0).pid()).hasValue(brokerPid);
    }

    @Test
    @Order(4)
    void shouldRefuseAPortThatIsTakenWithAMessageNamingTheSetting(@TempDir Path otherDir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            StackConfig config = stack.config()
                    .withDataDir(otherDir)
                    .withKafkaPorts(Ports.freePort(), Ports.freePort())
                    .withRegistryPort(taken.getLocalPort());

            assertThatThrownBy(() -> new LocalStack(config).start(false))
                    .isInstanceOf(StackException.class)
                    .hasMessageContaining(Integer.toString(taken.getLocalPort()))
                    .hasMessageContaining(StackConfig.REGISTRY_PORT);
        }
    }

    @Test
    @Order(5)
    void shouldStopBothServers() {
        boolean stopped = stack.stop();

        assertThat(stopped).isTrue();
        assertThat(stack.status())
                .noneSatisfy(server -> assertThat(server.running()).isTrue());
    }

    private static String cleanupPolicy(Admin admin, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
        return config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
    }
}
