package io.streamtune.model.training;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import io.streamtune.model.bert.WindowedLogits;
import io.streamtune.model.eval.EvaluationReport;
import io.streamtune.model.lexical.LexicalModel;
import io.streamtune.model.tokenize.TextTokenizer;
import io.streamtune.model.tokenize.TextWindows;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Predicts with a classifier block during training (dropout off), window by window in length-grouped batches
 * with the windows' logits averaged per text (as the classifier does by default), fused with a lexical model's when
 * there is one (as the classifier loads a version with {@code lexical.bin}), and evaluates the predictions.
 */
final class BatchPredictor {

    private final Block classifier;
    private final TextTokenizer tokenizer;
    private final int batchSize;
    private final Optional<LexicalModel> lexical;

    BatchPredictor(Block classifier, TextTokenizer tokenizer, int batchSize) {
        this(classifier, tokenizer, batchSize, Optional.empty());
    }

    BatchPredictor(Block classifier, TextTokenizer tokenizer, int batchSize, Optional<LexicalModel> lexical) {
        this.classifier = classifier;
        this.tokenizer = tokenizer;
        this.batchSize = batchSize;
        this.lexical = lexical;
    }

    /** BERT's pooled logits of each text (without the lexical model). */
    float[][] logits(List<String> texts, NDManager manager) {
        TextWindows windows = tokenizer.windows(texts);
        return WindowedLogits.of(classifier, windows, batchSize, tokenizer.padId(), TextWindows.Pooling.MEAN, manager);
    }

    List<String> predict(List<String> texts, List<String> labels, NDManager manager) {
        float[][] logits = logits(texts, manager);
        List<String> predicted = new ArrayList<>(logits.length);
        for (int text = 0; text < logits.length; text++) {
            float[] row = lexical.isPresent() ? lexical.get().fuse(logits[text], texts.get(text)) : logits[text];
            int best = 0;
            for (int c = 1; c < row.length; c++) {
                best = row[c] > row[best] ? c : best;
            }
            predicted.add(labels.get(best));
        }
        return predicted;
    }

    EvaluationReport evaluate(List<LabeledText> examples, List<String> labels, NDManager manager) {
        List<String> texts = examples.stream().map(LabeledText::text).toList();
        List<String> truth = examples.stream().map(LabeledText::label).toList();
        return EvaluationReport.of(labels, truth, predict(texts, labels, manager));
    }
}
