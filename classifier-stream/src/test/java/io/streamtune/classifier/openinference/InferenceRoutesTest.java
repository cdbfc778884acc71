package io.streamtune.classifier.openinference;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamtune.classifier.inference.ClassifiedBatch;
import io.streamtune.classifier.inference.MemoryMatch;
import io.streamtune.classifier.inference.ModelUnavailableException;
import io.streamtune.classifier.inference.Prediction;
import io.streamtune.classifier.inference.ServedModel;
import io.streamtune.runtime.ops.OperationsServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The routes on a real operations server, with a stand-in classifier (the real model is in the IT). */
class InferenceRoutesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "s3cret";

    private final AtomicReference<Optional<ServedModel>> served =
            new AtomicReference<>(Optional.of(new ServedModel("sentiment", 4, List.of("negative", "positive"))));
    private final AtomicBoolean failing = new AtomicBoolean();
    private final AtomicInteger calls = new AtomicInteger();
    private final HttpClient client = HttpClient.newHttpClient();
    private OperationsServer open;
    private OperationsServer guarded;

    @BeforeEach
    void start() throws Exception {
        open = server(Optional.empty());
        guarded = server(Optional.of(TOKEN));
    }

    @AfterEach
    void stop() {
        open.close();
        guarded.close();
    }

    @Test
    void shouldAnswerInferWithLabelConfidenceScoresAndTheVersionThatDecided() throws Exception {
        HttpResponse<String> response = post(open, "/v2/models/sentiment/infer", infer("\"a good day\", \"rain\"", 2));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("model_name").asText()).isEqualTo("sentiment");
        assertThat(body.get("model_version").asText()).isEqualTo("4");
        assertThat(body.get("id").asText()).isEqualTo("req-7");
        assertThat(output(body, "label").get("data")).hasToString("[\"positive\",\"negative\"]");
        assertThat(output(body, "label").get("datatype").asText()).isEqualTo("BYTES");
        assertThat(output(body, "confidence").get("data")).hasToString("[0.75,0.9]");
        JsonNode scores = output(body, "scores");
        assertThat(scores.get("shape")).hasToString("[2,2]");
        assertThat(scores.get("parameters").get("classes")).hasToString("[\"negative\",\"positive\"]");
        assertThat(scores.get("data")).hasToString("[0.25,0.75,0.9,0.1]");
        assertThat(output(body, "label_source").get("data")).hasToString("[\"MODEL\",\"MEMORY\"]");
        assertThat(output(body, "truncated").get("datatype").asText()).isEqualTo("BOOL");
        assertThat(calls).hasValue(1);
    }

    @Test
    void shouldAnswerOnlyTheAskedOutputsAndMakeUpAnIdWhenNoneIsGiven() throws Exception {
        String body = "{\"inputs\":[{\"name\":\"text\",\"datatype\":\"BYTES\",\"shape\":[1],\"data\":[\"good\"]}],"
                + "\"outputs\":[{\"name\":\"label\"}]}";

        JsonNode answer =
                JSON.readTree(post(open, "/v2/models/sentiment/infer", body).body());

        assertThat(answer.get("outputs")).hasSize(1);
        assertThat(answer.get("outputs").get(0).get("name").asText()).isEqualTo("label");
        assertThat(answer.get("id").asText()).isNotBlank();
    }

    @Test
    void shouldDescribeTheServedModelWithLabelsVersionAndMaxLength() throws Exception {
        HttpResponse<String> response = get(open, "/v2/models/sentiment");

        JsonNode metadata = JSON.readTree(response.body());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(metadata.get("name").asText()).isEqualTo("sentiment");
        assertThat(metadata.get("versions")).hasToString("[\"4\"]");
        assertThat(metadata.get("inputs").get(0))
                .hasToString("{\"name\":\"text\",\"datatype\":\"BYTES\",\"shape\":[-1]}");
        assertThat(metadata.get("outputs").findValuesAsText("name"))
                .containsExactly("label", "confidence", "scores", "label_source", "truncated");
        assertThat(metadata.get("parameters"))
                .hasToString("{\"labels\":[\"negative\",\"positive\"],\"served_version\":4,\"max_length\":128}");
    }

    @Test
    void shouldAnswerHealthAndModelReadinessAndServerMetadata() throws Exception {
        assertThat(get(open, "/v2/health/live").statusCode()).isEqualTo(200);
        assertThat(get(open, "/v2/health/ready").statusCode()).isEqualTo(200);
        assertThat(get(open, "/v2/models/sentiment/ready").body()).contains("\"ready\":true");
        assertThat(JSON.readTree(get(open, "/v2").body()).get("name").asText()).isEqualTo("streamtune-classifier");
        served.set(Optional.empty());
        assertThat(get(open, "/v2/models/sentiment/ready").statusCode()).isEqualTo(503);
    }

    @Test
    void shouldAnswer503WhileNoModelIsLoaded() throws Exception {
        served.set(Optional.empty());

        HttpResponse<String> infer = post(open, "/v2/models/sentiment/infer", infer("\"x\"", 1));
        HttpResponse<String> metadata = get(open, "/v2/models/sentiment");

        assertThat(infer.statusCode()).isEqualTo(503);
        assertThat(error(infer)).contains("sentiment").contains("loaded yet");
        assertThat(metadata.statusCode()).isEqualTo(503);
    }

    @Test
    void shouldAnswerUnknownModelVersionPathAndMethodWithTheirStatus() throws Exception {
        assertThat(get(open, "/v2/models/spam").statusCode()).isEqualTo(404);
        assertThat(error(get(open, "/v2/models/spam")))
                .contains("unknown model 'spam'; this instance serves 'sentiment'");
        assertThat(get(open, "/v2/models/sentiment/versions/3").statusCode()).isEqualTo(404);
        assertThat(get(open, "/v2/models/sentiment/versions/4").statusCode()).isEqualTo(200);
        assertThat(get(open, "/v2/models/sentiment/explain").statusCode()).isEqualTo(404);
        HttpResponse<String> getInfer = get(open, "/v2/models/sentiment/infer");
        assertThat(getInfer.statusCode()).isEqualTo(405);
        assertThat(getInfer.headers().firstValue("Allow")).contains("POST");
        assertThat(error(getInfer)).contains("use POST");
        assertThat(post(open, "/v2/models/sentiment", "{}").statusCode()).isEqualTo(405);
    }

    @Test
    void shouldAnswerABadBodyWith400AndNeverCallTheModel() throws Exception {
        HttpResponse<String> response = post(open, "/v2/models/sentiment/infer", "{not json");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(error(response)).contains("not valid JSON");
        assertThat(calls).hasValue(0);
    }

    @Test
    void shouldAnswerAFailingModelWith500() throws Exception {
        failing.set(true);

        HttpResponse<String> response = post(open, "/v2/models/sentiment/infer", infer("\"x\"", 1));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(error(response)).contains("inference failed").contains("native crash");
    }

    @Test
    void shouldNeedTheBearerTokenOnModelPathsOnlyWhenOneIsSet() throws Exception {
        HttpResponse<String> without = post(guarded, "/v2/models/sentiment/infer", infer("\"x\"", 1));
        HttpResponse<String> wrong = send(guarded, "/v2/models/sentiment", "Bearer nope", null);
        HttpResponse<String> right =
                send(guarded, "/v2/models/sentiment/infer", "Bearer " + TOKEN, infer("\"good\"", 1));

        assertThat(without.statusCode()).isEqualTo(401);
        assertThat(error(without)).contains("Authorization: Bearer");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(right.statusCode()).isEqualTo(200);
        assertThat(get(guarded, "/v2/health/ready").statusCode()).isEqualTo(200);
        assertThat(get(guarded, "/v2/openapi.json").statusCode()).isEqualTo(200);
        assertThat(calls).hasValue(1);
    }

    @Test
    void shouldRefuseABodyOverTheLimitWith413() throws Exception {
        String huge = "\"" + "x".repeat(40) + "\"";
        HttpResponse<String> response = post(open, "/v2/models/sentiment/infer", infer(huge, 1));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(error(response)).contains("classifier.text.max.bytes");
    }

    private OperationsServer server(Optional<String> token) throws Exception {
        InferenceRoutes routes = new InferenceRoutes(
                new InferenceSettings("sentiment", 128, 8, 32, token), served::get, this::classify, () -> true);
        return routes.addTo(OperationsServer.builder("test").host("127.0.0.1").port(0))
                .start();
    }

    private ClassifiedBatch classify(List<String> texts) {
        calls.incrementAndGet();
        if (failing.get()) {
            throw new IllegalStateException("native crash");
        }
        ServedModel model = served.get().orElseThrow(() -> new ModelUnavailableException("no model is loaded yet"));
        List<Prediction> predictions = texts.stream()
                .map(text -> text.contains("good")
                        ? new Prediction("positive", 0.75, Map.of("positive", 0.75, "negative", 0.25), false)
                        : new Prediction("negative", 0.9, Map.of("positive", 0.1, "negative", 0.9), false)
                                .recalled("negative", new MemoryMatch("e-1", 0.9)))
                .toList();
        return new ClassifiedBatch(model.name(), model.version(), predictions);
    }

    private static String infer(String data, int count) {
        return "{\"id\":\"req-7\",\"inputs\":[{\"name\":\"text\",\"datatype\":\"BYTES\",\"shape\":[" + count
                + "],\"data\":[" + data + "]}]}";
    }

    private static JsonNode output(JsonNode body, String name) {
        for (JsonNode output : body.get("outputs")) {
            if (output.get("name").asText().equals(name)) {
                return output;
            }
        }
        throw new AssertionError("no output " + name + " in " + body);
    }

    private static String error(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body()).get("error").asText();
    }

    private HttpResponse<String> get(OperationsServer server, String path) throws Exception {
        return send(server, path, null, null);
    }

    private HttpResponse<String> post(OperationsServer server, String path, String body) throws Exception {
        return send(server, path, null, body);
    }

    private HttpResponse<String> send(OperationsServer server, String path, String authorization, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        request.method(
                body == null ? "GET" : "POST",
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
