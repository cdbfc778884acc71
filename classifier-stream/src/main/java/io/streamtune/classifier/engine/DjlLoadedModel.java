package io.streamtune.classifier.engine;

import io.streamtune.classifier.inference.Prediction;
import io.streamtune.classifier.reload.LoadedModel;
import io.streamtune.model.classify.TextClassifier;
import java.util.List;

/** A model module {@link TextClassifier} (safe to call from several stream threads at once) as a served model. */
final class DjlLoadedModel implements LoadedModel {

    private final String name;
    private final long version;
    private final TextClassifier classifier;

    DjlLoadedModel(String name, long version, TextClassifier classifier) {
        this.name = name;
        this.version = version;
        this.classifier = classifier;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long version() {
        return version;
    }

    @Override
    public List<Prediction> classify(List<String> texts) {
        return classifier.classify(texts).stream()
                .map(p -> new Prediction(p.label(), p.confidence(), p.scores(), p.truncated()))
                .toList();
    }

    @Override
    public void close() {
        classifier.close();
    }
}
