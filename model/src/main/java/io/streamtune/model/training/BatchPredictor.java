package io.streamtune.model.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.streamtune.model.bert.GradientMode;
import io.streamtune.model.eval.EvaluationReport;
import io.streamtune.model.tokenize.BatchPlan;
import io.streamtune.model.tokenize.TextTokenizer;
import io.streamtune.model.tokenize.TokenBatch;
import java.util.ArrayList;
import java.util.List;

/**
 * Predicts with a classifier block during training (dropout off), in length-grouped batches, and
 * evaluates the predictions.
 */
final class BatchPredictor {

    private final Block classifier;
    private final TextTokenizer tokenizer;
    private final int batchSize;

    BatchPredictor(Block classifier, TextTokenizer tokenizer, int batchSize) {
        this.classifier = classifier;
        this.tokenizer = tokenizer;
        this.batchSize = batchSize;
    }

    List<String> predict(List<String> texts, List<String> labels, NDManager manager) {
        return GradientMode.withoutGradients(() -> predictRecordingNothing(texts, labels, manager));
    }

    private List<String> predictRecordingNothing(List<String> texts, List<String> labels, NDManager manager) {
        BatchPlan plan = tokenizer.plan(texts, batchSize);
        List<List<String>> perBatch = new ArrayList<>();
        for (TokenBatch batch : plan.batches()) {
            try (NDManager scratch = manager.newSubManager()) {
                NDArray logits = classifier
                        .forward(new ParameterStore(scratch, false), batch.toNDList(scratch), false)
                        .singletonOrThrow();
                long[] best = logits.argMax(1).toLongArray();
                List<String> predicted = new ArrayList<>(best.length);
                for (long index : best) {
                    predicted.add(labels.get((int) index));
                }
                perBatch.add(predicted);
            }
        }
        return plan.restore(perBatch);
    }

    EvaluationReport evaluate(List<LabeledText> examples, List<String> labels, NDManager manager) {
        List<String> texts = examples.stream().map(LabeledText::text).toList();
        List<String> truth = examples.stream().map(LabeledText::label).toList();
        return EvaluationReport.of(labels, truth, predict(texts, labels, manager));
    }
}
