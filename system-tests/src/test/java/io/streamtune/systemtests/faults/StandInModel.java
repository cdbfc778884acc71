package io.streamtune.systemtests.faults;

import io.streamtune.classifier.inference.Prediction;
import io.streamtune.classifier.reload.LoadedModel;
import io.streamtune.classifier.reload.ModelLoader;
import io.streamtune.classifier.reload.ModelTarget;
import java.util.List;
import java.util.Map;

/** A deterministic stand-in for BERT (a text with "good" is {@code pos}): the faults are in Kafka, not the model. */
final class StandInModel implements ModelLoader {

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
            double pos = text.contains("good") ? 0.9 : 0.1;
            return new Prediction(
                    pos > 0.5 ? "pos" : "neg", Math.max(pos, 1 - pos), Map.of("pos", pos, "neg", 1 - pos), false);
        }

        @Override
        public void close() {}
    }
}
