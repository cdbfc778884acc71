package io.streamtune.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

@Timeout(value = 3, unit = TimeUnit.MINUTES)
class KafkaStackIT {

    @RegisterExtension
    static final KafkaStack STACK = new KafkaStack();

    private static final String SCHEMA_JSON =
            "{\"schema\": \"{\\\"type\\\": \\\"record\\\", \\\"name\\\": \\\"Probe\\\","
                    + " \\\"namespace\\\": \\\"io.streamtune.test\\\", \\\"fields\\\": [{\\\"name\\\": \\\"text\\\","
                    + " \\\"type\\\": \\\"string\\\"}]}\"}";

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void shouldGiveABrokerThatAnswersAClusterDescription() throws Exception {
        var nodes = STACK.admin().describeCluster().nodes().get(30, TimeUnit.SECONDS);

        assertThat(nodes).hasSize(1);
        assertThat(STACK.bootstrapServers()).isNotBlank();
    }

    @Test
    void shouldGiveARegistryWithTheConfluentApi() throws Exception {
        String subject = STACK.uniqueTopic("registry-probe") + "-value";

        HttpResponse<String> registered = send(
                HttpRequest.newBuilder(URI.create(STACK.schemaRegistryUrl() + "/subjects/" + subject + "/versions"))
                        .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                        .POST(HttpRequest.BodyPublishers.ofString(SCHEMA_JSON)));
        HttpResponse<String> subjects = send(HttpRequest.newBuilder(URI.create(STACK.schemaRegistryUrl() + "/subjects"))
                .GET());

        assertThat(STACK.schemaRegistryUrl()).matches("http://127\\.0\\.0\\.1:\\d+/api/v1/confluent");
        assertThat(registered.statusCode()).isEqualTo(200);
        assertThat(registered.body()).contains("\"id\"");
        assertThat(subjects.body()).contains(subject);
    }

    @Test
    void shouldCreateADistinctTopicForEachCallWithTheRequestedPartitions() throws Exception {
        String first = STACK.uniqueTopic("orders");
        String second = STACK.uniqueTopic("orders", 3);

        Map<String, TopicDescription> topics = STACK.admin()
                .describeTopics(List.of(first, second))
                .allTopicNames()
                .get(30, TimeUnit.SECONDS);

        assertThat(first).startsWith("orders-").isNotEqualTo(second);
        assertThat(topics.get(first).partitions()).hasSize(1);
        assertThat(topics.get(second).partitions()).hasSize(3);
    }

    @Test
    void shouldGiveAFreshClientConfigEachTime() {
        Map<String, Object> config = STACK.clientConfig();
        config.put("group.id", "mine");

        assertThat(STACK.clientConfig())
                .containsEntry(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, STACK.bootstrapServers())
                .containsEntry(KafkaStack.SCHEMA_REGISTRY_URL_CONFIG, STACK.schemaRegistryUrl())
                .doesNotContainKey("group.id");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
