package io.streamtune.trainer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.streamtune.schemas.ModelStatus;
import io.streamtune.schemas.ModelVersion;
import io.streamtune.testsupport.KafkaStack;
import io.streamtune.trainer.ServedTrainer;
import io.streamtune.trainer.Trainer;
import io.streamtune.trainer.config.TrainerConfig;
import io.streamtune.trainer.publish.PublishedVersions;
import io.streamtune.trainer.round.Example;
import io.streamtune.trainer.tuning.WordVoteTuner;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trainer as {@code TrainerApp run} starts it ({@link ServedTrainer}): health, a round on demand with fewer
 * corrections than the trigger asks for, and the metrics page, all over HTTP.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ServedTrainerIT {

    @RegisterExtension
    static final KafkaStack STACK = new KafkaStack();

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldRunARoundRequestedOverHttpBeforeTheTriggerFires() throws Exception {
        TrainerStack topics = new TrainerStack(STACK);
        Map<String, Object> settings = topics.settings(dir.resolve("models"));
        settings.put(TrainerConfig.ROUND_TRIGGER_CORRECTIONS, "1000");
        settings.put(TrainerConfig.HTTP_HOST, "127.0.0.1");
        settings.put(TrainerConfig.HTTP_PORT, "0");
        TrainerConfig config = new TrainerConfig(settings);
        WordVoteTuner tuner = new WordVoteTuner();
        Trainer.bootstrap(config, tuner, initialExamples());

        try (ServedTrainer served = ServedTrainer.start(config, tuner, fatal -> {})) {
            String base = "http://127.0.0.1:" + served.controlPort().orElseThrow();
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(
                            () -> assertThat(get(base + "/health").statusCode()).isEqualTo(200));
            sendCorrections(topics, 30);
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(get(base + "/metrics").body())
                            .contains("streamtune_trainer_fresh_corrections 30.0\n")
                            .contains("streamtune_trainer_feedback_accepted_total 30.0\n")
                            .contains("streamtune_trainer_version_in_service 1.0\n"));
            assertThat(inService(topics, config)).isEqualTo(1L);

            HttpResponse<String> requested = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/rounds"))
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(requested.statusCode()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(120))
                    .untilAsserted(() -> assertThat(inService(topics, config)).isEqualTo(2L));
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(get(base + "/metrics").body())
                            .contains("streamtune_trainer_rounds_promoted_total 1.0\n")
                            .contains("streamtune_trainer_version_in_service 2.0\n")
                            .contains("streamtune_trainer_fresh_corrections 0.0\n"));
        }
    }

    private HttpResponse<String> get(String uri) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(uri)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long inService(TrainerStack topics, TrainerConfig config) {
        try (KafkaConsumer<String, ModelVersion> consumer = topics.versionsConsumer()) {
            consumer.unsubscribe();
            PublishedVersions published =
                    PublishedVersions.read(consumer, topics.modelVersions, config.modelName(), Duration.ofSeconds(30));
            ModelVersion serving = published.inService().orElseThrow();
            assertThat(serving.getStatus()).isEqualTo(ModelStatus.PROMOTED);
            return serving.getVersion();
        }
    }

    private static List<Example> initialExamples() {
        List<Example> examples = new ArrayList<>();
        IntStream.range(0, 40).forEach(i -> examples.add(new Example("p" + i, "great lovely film " + i, "pos")));
        IntStream.range(0, 40).forEach(i -> examples.add(new Example("n" + i, "awful boring film " + i, "neg")));
        return examples;
    }

    private static void sendCorrections(TrainerStack topics, int count) {
        try (KafkaProducer<String, SpecificRecord> producer = topics.avroProducer()) {
            for (int i = 0; i < count; i++) {
                String id = "c" + i;
                producer.send(new ProducerRecord<>(
                        topics.corrections, id, FeedbackIngestionIT.correction(id, "pos", "quokka visit " + i)));
            }
            producer.flush();
        }
    }
}
