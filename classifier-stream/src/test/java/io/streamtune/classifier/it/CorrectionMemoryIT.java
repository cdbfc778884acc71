package io.streamtune.classifier.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamtune.classifier.ClassifierRuntime;
import io.streamtune.classifier.bench.MiniLmVersion;
import io.streamtune.classifier.config.ClassifierConfig;
import io.streamtune.classifier.engine.EngineModelLoader;
import io.streamtune.model.artifact.FileSystemModelStore;
import io.streamtune.model.artifact.StoredVersion;
import io.streamtune.model.classify.ClassifierSettings;
import io.streamtune.schemas.Classification;
import io.streamtune.schemas.LabelSource;
import io.streamtune.schemas.ModelStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The correction memory end to end with the pretrained MiniLM encoder, a real broker and a real registry: a correction
 * written to the training set answers the next event with the same text, before any new version; an unrelated text
 * stays the model's. Prints the seconds from writing the correction to the first classification it answered.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class CorrectionMemoryIT {

    @RegisterExtension
    static final io.streamtune.testsupport.KafkaStack STACK = new io.streamtune.testsupport.KafkaStack();

    private static final String CORRECTED = "The delivery was two weeks late and the box arrived crushed.";
    private static final String UNRELATED = "I love the sound quality of these headphones.";

    @TempDir
    Path folder;

    @AutoClose
    private StreamHarness harness;

    @AutoClose
    private ClassifierRuntime runtime;

    @Test
    void shouldAnswerAnEventIdenticalToACorrectedTextFromMemorySecondsAfterTheCorrection() throws Exception {
        FileSystemModelStore store = new FileSystemModelStore(folder.resolve("store"));
        StoredVersion v1 = MiniLmVersion.write(store, StreamHarness.MODEL, 1);
        harness = new StreamHarness(STACK, 1);
        harness.publish(1, ModelStatus.PROMOTED, v1.manifestSha256());
        EngineModelLoader loader = new EngineModelLoader(
                store, ClassifierSettings.defaults().withMaxLength(64).withBatchSize(16));
        Map<String, String> config =
                harness.classifierConfig("memory-1", folder.resolve("state"), folder.resolve("store"));
        runtime = ClassifierRuntime.start(new ClassifierConfig(config), loader, Duration.ofSeconds(120));

        try (KafkaConsumer<String, Classification> consumer = harness.classifications()) {
            harness.send("before", CORRECTED);
            harness.flush();
            Classification before = StreamHarness.readAtLeast(consumer, 1, Duration.ofSeconds(120))
                    .get(0)
                    .value();
            assertThat(before.getLabelSource()).isEqualTo(LabelSource.MODEL);
            String corrected = before.getLabel().equals("neg") ? "pos" : "neg";

            Instant correctedAt = Instant.now();
            harness.correct("corrected-1", CORRECTED, corrected, correctedAt);
            Classification answered = null;
            List<Classification> unrelated = new ArrayList<>();
            for (int round = 0; answered == null && round < 300; round++) {
                harness.send("same-" + round, CORRECTED);
                harness.send("other-" + round, UNRELATED);
                harness.flush();
                for (ConsumerRecord<String, Classification> record :
                        StreamHarness.readAtLeast(consumer, 2, Duration.ofSeconds(30))) {
                    Classification c = record.value();
                    if (c.getEventId().startsWith("other-")) {
                        unrelated.add(c);
                    } else if (c.getLabelSource() == LabelSource.MEMORY && answered == null) {
                        answered = c;
                    }
                }
            }

            assertThat(answered).as("a classification answered from memory").isNotNull();
            assertThat(answered.getLabel()).isEqualTo(corrected);
            assertThat(answered.getMemoryEventId()).isEqualTo("corrected-1");
            assertThat(answered.getMemorySimilarity()).isGreaterThan(0.999);
            // the scores stay the model's: their best label is still the one the model gave before the correction
            assertThat(answered.getScores().get(before.getLabel()))
                    .isGreaterThan(answered.getScores().get(corrected));
            assertThat(unrelated).isNotEmpty().allSatisfy(c -> assertThat(c.getLabelSource())
                    .isEqualTo(LabelSource.MODEL));
            double seconds =
                    Duration.between(correctedAt, answered.getClassifiedTime()).toMillis() / 1000.0;
            System.out.printf(
                    Locale.ROOT,
                    "correction memory: %.2f s from writing the correction to the first classification it answered"
                            + " (%s); memory metric: %.2f s%n",
                    seconds,
                    answered.getEventId(),
                    runtime.metrics().memoryFirstAnswerSeconds().snapshot().sum());
            assertThat(seconds).isLessThan(30);
            assertThat(runtime.metrics().memoryEntries()).isEqualTo(1);
        }
    }
}
