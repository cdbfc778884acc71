package io.streamtune.systemtests.security;

import io.streamtune.classifier.inference.Prediction;
import io.streamtune.classifier.reload.LoadedModel;
import io.streamtune.classifier.reload.ModelLoader;
import io.streamtune.classifier.reload.ModelTarget;
import io.streamtune.model.artifact.ModelStore;
import io.streamtune.model.artifact.StoredVersion;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The classifier's side of {@link WordVotesTuner}: resolves the announced version in the shared model store (which
 * verifies every checksum, as the real loader does) and classifies with its votes.
 */
public final class WordVotesLoader implements ModelLoader {

    private final ModelStore store;
    private final List<String> labels;

    public WordVotesLoader(ModelStore store, List<String> labels) {
        this.store = store;
        this.labels = List.copyOf(labels);
    }

    @Override
    public LoadedModel load(ModelTarget target) throws IOException {
        StoredVersion stored = target.artifactUri() == null
                ? store.resolve(target.modelName(), target.version())
                : store.resolveAnnounced(target.modelName(), target.version(), target.artifactUri());
        return new Loaded(target.modelName(), target.version(), WordVotesTuner.read(stored), labels);
    }

    private record Loaded(String name, long version, WordVotes votes, List<String> labels) implements LoadedModel {

        @Override
        public List<Prediction> classify(List<String> texts) {
            return texts.stream().map(this::predict).toList();
        }

        /** Scores are the add-one smoothed shares of the votes, so they sum to 1. */
        private Prediction predict(String text) {
            Map<String, Integer> tally = votes.tally(labels, text);
            int total = tally.values().stream().mapToInt(Integer::intValue).sum() + labels.size();
            Map<String, Double> scores = new LinkedHashMap<>();
            tally.forEach((label, n) -> scores.put(label, (n + 1.0) / total));
            String label = votes.predict(labels, text);
            return new Prediction(label, scores.get(label), scores, false);
        }

        @Override
        public void close() {}
    }
}
