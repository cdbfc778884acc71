package io.streamtune.systemtests;

import io.streamtune.classifier.inference.Prediction;
import io.streamtune.classifier.reload.LoadedModel;
import io.streamtune.classifier.reload.ModelLoader;
import io.streamtune.classifier.reload.ModelTarget;
import java.util.List;
import java.util.Map;

/**
 * A deterministic stand-in for BERT: a text with "good" in it is {@code pos}, any other {@code neg}. For the tests
 * about what reaches the model (bad input, faults in Kafka), not about what the model says, where the real model would
 * only make them slower. It accepts any text, including control characters and U+FFFD.
 */
public final class StandInModel implements ModelLoader {

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
