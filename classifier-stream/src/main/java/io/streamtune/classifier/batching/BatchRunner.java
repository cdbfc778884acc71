package io.streamtune.classifier.batching;

import io.streamtune.classifier.inference.BatchClassifier;
import io.streamtune.classifier.inference.ClassifiedBatch;
import io.streamtune.classifier.inference.ModelUnavailableException;
import io.streamtune.classifier.metrics.ClassifierMetrics;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a batch through the {@link BatchClassifier} and isolates failures. A batch that fails is retried once; if it
 * fails again it is split in halves and each half is run the same way, down to single texts, so one poison text
 * costs only itself (it is dead-lettered) and the others are still classified. A model that fails on everything
 * thus dead-letters the whole batch after about 4n calls; the dead-letter topic can be replayed. A {@link
 * ModelUnavailableException} is not the records' fault and is thrown on, never dead-lettered.
 */
public final class BatchRunner {

    private static final Logger log = LoggerFactory.getLogger(BatchRunner.class);

    private final BatchClassifier classifier;
    private final ClassifierMetrics metrics;

    public BatchRunner(BatchClassifier classifier, ClassifierMetrics metrics) {
        this.classifier = classifier;
        this.metrics = metrics;
    }

    /** One outcome per text, in input order. */
    public List<BatchOutcome> run(List<String> texts) {
        List<BatchOutcome> outcomes = new ArrayList<>(texts.size());
        runInto(texts, outcomes);
        return outcomes;
    }

    private void runInto(List<String> texts, List<BatchOutcome> outcomes) {
        RuntimeException failure;
        try {
            outcomes.addAll(classifyOnce(texts));
            return;
        } catch (ModelUnavailableException e) {
            throw e;
        } catch (RuntimeException first) {
            log.warn("inference failed on a batch of {}, retrying once", texts.size(), first);
            try {
                outcomes.addAll(classifyOnce(texts));
                return;
            } catch (ModelUnavailableException e) {
                throw e;
            } catch (RuntimeException second) {
                failure = second;
            }
        }
        if (texts.size() == 1) {
            log.warn("inference failed twice on a single text", failure);
            outcomes.add(new BatchOutcome(null, null, -1, 0, 1, failure));
            return;
        }
        int half = texts.size() / 2;
        runInto(texts.subList(0, half), outcomes);
        runInto(texts.subList(half, texts.size()), outcomes);
    }

    private List<BatchOutcome> classifyOnce(List<String> texts) {
        long start = System.nanoTime();
        ClassifiedBatch batch = classifier.classify(texts);
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (batch.predictions().size() != texts.size()) {
            throw new IllegalStateException(
                    "classifier returned " + batch.predictions().size() + " predictions for " + texts.size());
        }
        metrics.recordBatch(texts.size(), millis);
        return batch.predictions().stream()
                .map(p -> new BatchOutcome(p, batch.modelName(), batch.modelVersion(), millis, texts.size(), null))
                .toList();
    }
}
