package io.streamtune.classifier.engine;

import io.streamtune.classifier.inference.ClassifiedBatch;
import io.streamtune.classifier.inference.Prediction;
import io.streamtune.classifier.reload.LoadedModel;
import io.streamtune.model.classify.EmbeddedPrediction;
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
    public List<String> labels() {
        return classifier.labels();
    }

    @Override
    public List<Prediction> classify(List<String> texts) {
        return classifier.classify(texts).stream().map(DjlLoadedModel::served).toList();
    }

    @Override
    public ClassifiedBatch classifyAndEmbed(List<String> texts) {
        List<EmbeddedPrediction> embedded = classifier.classifyAndEmbed(texts);
        List<Prediction> predictions = embedded.stream()
                .map(EmbeddedPrediction::prediction)
                .map(DjlLoadedModel::served)
                .toList();
        return new ClassifiedBatch(
                name,
                version,
                predictions,
                embedded.stream().map(EmbeddedPrediction::embedding).toList());
    }

    private static Prediction served(io.streamtune.model.classify.Prediction p) {
        return new Prediction(p.label(), p.confidence(), p.scores(), p.truncated());
    }

    @Override
    public void close() {
        classifier.close();
    }
}
