package io.streamtune.systemtests;

import static org.awaitility.Awaitility.await;

import io.streamtune.classifier.ClassifierRuntime;
import io.streamtune.classifier.config.ClassifierConfig;
import io.streamtune.classifier.inference.Prediction;
import io.streamtune.classifier.reload.LoadedModel;
import io.streamtune.classifier.reload.ModelLoader;
import io.streamtune.classifier.reload.ModelTarget;
import io.streamtune.schemas.ModelStatus;
import io.streamtune.schemas.ModelVersion;
import io.streamtune.schemas.versions.ModelVersionKeys;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A deterministic stand-in for BERT: a text with "good" in it is {@code pos}, any other {@code neg}. For the tests
 * about what reaches the model (bad input, faults in Kafka), not about what the model says, where the real model would
 * only make them slower. It accepts any text, including control characters and U+FFFD.
 */
public final class StandInModel implements ModelLoader {

    /** A classifier serving this model, started and ready (at most a minute each). */
    public static ClassifierRuntime startClassifier(ClassifierConfig config) throws Exception {
        ClassifierRuntime classifier = ClassifierRuntime.start(config, new StandInModel(), Duration.ofMinutes(1));
        await().atMost(Duration.ofMinutes(1)).until(classifier::isReady);
        return classifier;
    }

    /** Version 1 of the named model as PROMOTED: what makes a classifier serve this stand-in. */
    public static ModelVersion promotedVersionOne(String modelName) {
        return ModelVersion.newBuilder()
                .setModelName(modelName)
                .setVersion(1)
                .setStatus(ModelStatus.PROMOTED)
                .setArtifactUri("file:///stand-in/" + modelName + "/1")
                .setSha256("stand-in")
                .setLabels(List.of("neg", "pos"))
                .setMetrics(Map.of())
                .setTrainingSetSize(0)
                .setCreatedTime(Instant.now())
                .build();
    }

    /** The model-versions key of {@link #promotedVersionOne}, as the record's key bytes. */
    public static byte[] versionOneKey(String modelName) {
        return ModelVersionKeys.key(modelName, 1).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public LoadedModel load(ModelTarget target) {
        return new Loaded(target.modelName(), target.version());
    }

    private record Loaded(String name, long version) implements LoadedModel {

        @Override
        public List<Prediction> classify(List<String> texts) {
            return texts.stream().map(Loaded::predict).toList();
        }

        private static Prediction predict(String text) {
            boolean positive = text.contains("good");
            double pos = positive ? 0.9 : 0.1;
            return new Prediction(
                    positive ? "pos" : "neg", Math.max(pos, 1 - pos), Map.of("pos", pos, "neg", 1 - pos), false);
        }

        @Override
        public void close() {}
    }
}
