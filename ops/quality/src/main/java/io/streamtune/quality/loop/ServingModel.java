package io.streamtune.quality.loop;

import io.streamtune.model.artifact.StoredVersion;
import io.streamtune.model.classify.ClassifierSettings;
import io.streamtune.model.classify.DjlTextClassifier;
import io.streamtune.model.classify.Prediction;
import io.streamtune.model.eval.EvaluationReport;
import io.streamtune.trainer.round.Example;
import java.io.IOException;
import java.util.List;

/** A stored version loaded as the classifier loads it, to classify the stream and the test split. */
final class ServingModel implements AutoCloseable {

    private final long version;
    private final DjlTextClassifier classifier;

    private ServingModel(long version, DjlTextClassifier classifier) {
        this.version = version;
        this.classifier = classifier;
    }

    static ServingModel load(StoredVersion stored, ClassifierSettings settings) throws IOException {
        return new ServingModel(stored.version(), DjlTextClassifier.load(stored.folder(), settings));
    }

    long version() {
        return version;
    }

    List<String> predict(List<String> texts) {
        return classifier.classify(texts).stream().map(Prediction::label).toList();
    }

    Score evaluate(List<String> labels, List<Example> test) {
        List<String> predicted = predict(test.stream().map(Example::text).toList());
        List<String> truth = test.stream().map(Example::label).toList();
        return Score.of(EvaluationReport.of(labels, truth, predicted));
    }

    @Override
    public void close() {
        classifier.close();
    }
}
