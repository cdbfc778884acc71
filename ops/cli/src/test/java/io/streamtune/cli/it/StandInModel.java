package io.streamtune.cli.it;

import io.streamtune.classifier.inference.Prediction;
import io.streamtune.classifier.reload.LoadedModel;
import io.streamtune.classifier.reload.ModelLoader;
import io.streamtune.classifier.reload.ModelTarget;
import java.util.List;
import java.util.Map;

/**
 * A deterministic stand-in for BERT behind a real classifier: version 1 says "pos" for texts with "good" and "neg"
 * otherwise; every later version says "pos" for everything, so which version serves shows in the accuracy.
 */
final class StandInModel implements ModelLoader {

    @Override
    public LoadedModel load(ModelTarget target) {
        return new Loaded(target.modelName(), target.version());
    }

    private record Loaded(String name, long version) implements LoadedModel {

        @Override
        public List<Prediction> classify(List<String> texts) {
            return texts.stream().map(this::predict).toList();
        }

        private Prediction predict(String text) {
            boolean positive = version > 1 || text.contains("good");
            return new Prediction(
                    positive ? "pos" : "neg",
                    0.9,
                    Map.of("pos", positive ? 0.9 : 0.1, "neg", positive ? 0.1 : 0.9),
                    false);
        }

        @Override
        public void close() {}
    }
}
