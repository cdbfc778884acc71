package io.streamtune.classifier.topology;

import io.streamtune.classifier.inference.BatchClassifier;
import io.streamtune.classifier.inference.ClassifiedBatch;
import io.streamtune.classifier.inference.Prediction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A classifier without a model: "good" texts are positive, others negative; "poison" texts always fail. */
final class FakeClassifier implements BatchClassifier {

    static final String MODEL = "sentiment";

    private final List<Integer> batchSizes = new ArrayList<>();
    private int failuresLeft;
    private long version = 1;

    @Override
    public synchronized ClassifiedBatch classify(List<String> texts) {
        batchSizes.add(texts.size());
        if (failuresLeft > 0) {
            failuresLeft--;
            throw new IllegalStateException("simulated transient inference failure");
        }
        if (texts.stream().anyMatch(text -> text.contains("poison"))) {
            throw new IllegalArgumentException("simulated poison text");
        }
        List<Prediction> predictions =
                texts.stream().map(FakeClassifier::predict).toList();
        return new ClassifiedBatch(MODEL, version, predictions);
    }

    private static Prediction predict(String text) {
        boolean positive = text.contains("good");
        double confidence = 0.9;
        return new Prediction(
                positive ? "positive" : "negative",
                confidence,
                Map.of(positive ? "positive" : "negative", confidence, positive ? "negative" : "positive", 0.1),
                text.length() > 100);
    }

    synchronized void failNextCalls(int calls) {
        failuresLeft = calls;
    }

    synchronized List<Integer> batchSizes() {
        return List.copyOf(batchSizes);
    }
}
