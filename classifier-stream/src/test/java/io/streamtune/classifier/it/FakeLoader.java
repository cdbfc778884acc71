package io.streamtune.classifier.it;

import io.streamtune.classifier.inference.Prediction;
import io.streamtune.classifier.reload.LoadedModel;
import io.streamtune.classifier.reload.ModelLoader;
import io.streamtune.classifier.reload.ModelTarget;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A deterministic stand-in for the BERT model in integration tests of the Kafka side: "good" texts are positive.
 * Versions listed as broken fail to load, as a corrupted artifact would.
 */
public final class FakeLoader implements ModelLoader {

    private final Set<Long> broken = ConcurrentHashMap.newKeySet();

    public FakeLoader breakVersion(long version) {
        broken.add(version);
        return this;
    }

    @Override
    public LoadedModel load(ModelTarget target) throws Exception {
        if (broken.contains(target.version())) {
            throw new java.io.IOException("CHECKSUM_MISMATCH model.safetensors in " + target);
        }
        return new Model(target.modelName(), target.version());
    }

    private record Model(String name, long version) implements LoadedModel {

        @Override
        public List<Prediction> classify(List<String> texts) {
            return texts.stream().map(Model::predict).toList();
        }

        private static Prediction predict(String text) {
            boolean positive = text.contains("good");
            return new Prediction(
                    positive ? "positive" : "negative",
                    0.8,
                    Map.of("positive", positive ? 0.8 : 0.2, "negative", positive ? 0.2 : 0.8),
                    false);
        }

        @Override
        public void close() {}
    }
}
