package io.streamtune.demo;

import io.streamtune.demo.data.LabelledText;
import io.streamtune.model.artifact.FileSystemModelStore;
import io.streamtune.model.classify.ClassifierSettings;
import io.streamtune.model.classify.DjlTextClassifier;
import io.streamtune.model.classify.Prediction;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;

/** Scores a stored version on the {@code test} split: loaded from the model store as the classifier loads it. */
final class TestSetScore {

    private TestSetScore() {}

    static OptionalDouble accuracy(Path storeRoot, String model, long version, List<LabelledText> test, int maxLength)
            throws IOException {
        if (test.isEmpty()) {
            return OptionalDouble.empty();
        }
        Path folder =
                new FileSystemModelStore(storeRoot).resolve(model, version).folder();
        ClassifierSettings settings = ClassifierSettings.defaults().withMaxLength(maxLength);
        try (DjlTextClassifier classifier = DjlTextClassifier.load(folder, settings)) {
            List<Prediction> predictions =
                    classifier.classify(test.stream().map(LabelledText::text).toList());
            int correct = 0;
            for (int i = 0; i < test.size(); i++) {
                if (predictions.get(i).label().equals(test.get(i).label())) {
                    correct++;
                }
            }
            return OptionalDouble.of(correct / (double) test.size());
        }
    }
}
