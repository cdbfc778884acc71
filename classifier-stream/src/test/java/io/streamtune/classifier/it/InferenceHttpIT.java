package io.streamtune.classifier.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamtune.classifier.ClassifierRuntime;
import io.streamtune.classifier.config.ClassifierConfig;
import io.streamtune.classifier.engine.EngineModelLoader;
import io.streamtune.model.artifact.FileSystemModelStore;
import io.streamtune.model.artifact.StoredVersion;
import io.streamtune.schemas.Classification;
import io.streamtune.schemas.ModelStatus;
import io.streamtune.testsupport.KafkaStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inference over HTTP (Open Inference Protocol) on a running classifier with a real tiny BERT from the model store,
 * a real broker and registry: the answers are the stream's for the same texts, follow a promoted version at once,
 * and need the configured bearer token.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class InferenceHttpIT {

    @RegisterExtension
    static final KafkaStack STACK = new KafkaStack();

    private static final String TOKEN = "it-token";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TEXTS = List.of(
            "What a great phone, I love it.",
            "Terrible food, never again.",
            "The service was fine.",
            "I would not recommend this hotel to anyone.",
            "this sentence goes on and on ".repeat(60));

    @TempDir
    Path folder;

    @AutoClose
    private StreamHarness harness;

    @AutoClose
    private ClassifierRuntime runtime;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void shouldAnswerAsTheStreamDoesFollowAPromotedVersionAndNeedTheToken() throws Exception {
        FileSystemModelStore store = new FileSystemModelStore(folder.resolve("store"));
        StoredVersion v1 = TinyBertVersions.write(store, StreamHarness.MODEL, 1);
        StoredVersion v2 = TinyBertVersions.write(store, StreamHarness.MODEL, 2);
        harness = new StreamHarness(STACK, 1);
        harness.publish(1, ModelStatus.PROMOTED, v1.manifestSha256());
        EngineModelLoader loader = TinyBertVersions.loader(store);
        Map<String, String> config =
                harness.classifierConfig("http-1", folder.resolve("state"), folder.resolve("store"));
        config.put("inference.http.token", TOKEN);
        config.put("inference.http.max.texts", "8");
        config.put("text.max.bytes", "4096");
        runtime = ClassifierRuntime.start(new ClassifierConfig(config), loader, Duration.ofSeconds(120));
        await().atMost(Duration.ofSeconds(90)).until(runtime::isReady);

        Map<String, Classification> streamed = classifyThroughTheStream();
        JsonNode answer = infer(TEXTS, TOKEN);
        assertSameAsTheStream(answer, streamed, 1);
        assertThat(runtime.metrics().passTexts().snapshot().sum())
                .as("texts through the shared passes: the stream's and the HTTP request's")
                .isGreaterThanOrEqualTo(2.0 * TEXTS.size());
        assertThat(JSON.readTree(get("/v2/models/sentiment", TOKEN).body())
                        .at("/parameters/labels")
                        .toString())
                .isEqualTo("[\"negative\",\"positive\"]");

        harness.publish(2, ModelStatus.PROMOTED, v2.manifestSha256());
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(
                        () -> assertThat(runtime.metrics().servedVersion()).isEqualTo(2));
        assertThat(infer(TEXTS.subList(0, 2), TOKEN).get("model_version").asText())
                .isEqualTo("2");
        assertThat(JSON.readTree(get("/v2/models/sentiment", TOKEN).body()).get("versions"))
                .hasToString("[\"2\"]");

        assertRefusals();
    }

    private Map<String, Classification> classifyThroughTheStream() {
        for (int i = 0; i < TEXTS.size(); i++) {
            harness.send("t-" + i, TEXTS.get(i));
        }
        harness.flush();
        try (KafkaConsumer<String, Classification> consumer = harness.classifications()) {
            return StreamHarness.readAtLeast(consumer, TEXTS.size(), Duration.ofSeconds(120)).stream()
                    .collect(Collectors.toMap(ConsumerRecord::key, ConsumerRecord::value, (a, b) -> a));
        }
    }

    private static void assertSameAsTheStream(JsonNode answer, Map<String, Classification> streamed, long version) {
        assertThat(answer.get("model_version").asText()).isEqualTo(String.valueOf(version));
        JsonNode scores = output(answer, "scores");
        List<String> classes = new ArrayList<>();
        scores.at("/parameters/classes").forEach(name -> classes.add(name.asText()));
        assertThat(scores.get("shape")).hasToString("[" + TEXTS.size() + "," + classes.size() + "]");
        for (int i = 0; i < TEXTS.size(); i++) {
            Classification record = streamed.get("t-" + i);
            assertThat(record.getModelVersion()).isEqualTo(version);
            assertThat(output(answer, "label").get("data").get(i).asText()).isEqualTo(record.getLabel());
            assertThat(output(answer, "confidence").get("data").get(i).asDouble())
                    .isCloseTo(record.getConfidence(), within(1e-5));
            assertThat(output(answer, "truncated").get("data").get(i).asBoolean())
                    .isEqualTo(record.getTruncated());
            assertThat(output(answer, "label_source").get("data").get(i).asText())
                    .isEqualTo(record.getLabelSource().name());
            for (int c = 0; c < classes.size(); c++) {
                assertThat(scores.get("data").get(i * classes.size() + c).asDouble())
                        .as("text %d class %s", i, classes.get(c))
                        .isCloseTo(record.getScores().get(classes.get(c)), within(1e-5));
            }
        }
        assertThat(output(answer, "truncated").get("data").get(TEXTS.size() - 1).asBoolean())
                .isTrue();
    }

    private void assertRefusals() throws Exception {
        HttpResponse<String> noToken = post("/v2/models/sentiment/infer", body(TEXTS.subList(0, 1)), null);
        assertThat(noToken.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(noToken.body()).get("error").asText()).contains("Bearer");
        assertThat(get("/v2/health/ready", null).statusCode()).isEqualTo(200);
        assertThat(get("/v2/health/live", null).statusCode()).isEqualTo(200);
        assertThat(get("/v2/models/spam", TOKEN).statusCode()).isEqualTo(404);
        assertThat(post("/v2/models/sentiment/infer", "{\"inputs\":", TOKEN).statusCode())
                .isEqualTo(400);
        HttpResponse<String> tooLong = post("/v2/models/sentiment/infer", body(List.of("x".repeat(5000))), TOKEN);
        assertThat(tooLong.statusCode()).isEqualTo(413);
        assertThat(tooLong.body()).contains("classifier.text.max.bytes");
        HttpResponse<String> tooMany = post("/v2/models/sentiment/infer", body(Collections.nCopies(9, "hi")), TOKEN);
        assertThat(tooMany.statusCode()).isEqualTo(413);
        assertThat(tooMany.body()).contains("classifier.inference.http.max.texts");
        assertThat(get("/v2/models/sentiment/infer", TOKEN).statusCode()).isEqualTo(405);
    }

    private JsonNode infer(List<String> texts, String token) throws Exception {
        HttpResponse<String> response = post("/v2/models/sentiment/infer", body(texts), token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static String body(List<String> texts) {
        ObjectNode request = JSON.createObjectNode().put("id", "it");
        ObjectNode input =
                request.putArray("inputs").addObject().put("name", "text").put("datatype", "BYTES");
        input.putArray("shape").add(texts.size());
        ArrayNode data = input.putArray("data");
        texts.forEach(data::add);
        return request.toString();
    }

    private static JsonNode output(JsonNode answer, String name) {
        for (JsonNode output : answer.get("outputs")) {
            if (output.get("name").asText().equals(name)) {
                return output;
            }
        }
        throw new AssertionError("no output " + name + " in " + answer);
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET(), token);
    }

    private HttpResponse<String> post(String path, String body, String token) throws Exception {
        return send(
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)),
                token);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String token) throws Exception {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + runtime.httpPort() + path);
    }
}
