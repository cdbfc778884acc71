package io.streamtune.classifier.memory;

import io.streamtune.classifier.inference.BatchClassifier;
import io.streamtune.classifier.inference.ClassifiedBatch;
import io.streamtune.classifier.inference.MemoryMatch;
import io.streamtune.classifier.inference.Prediction;
import java.util.ArrayList;
import java.util.List;

/**
 * The model with the correction memory in front of its answers: each text's embedding, from the model's own pass, is
 * looked up in the {@link CorrectionMemory}, and a text at least as similar to a corrected text as the threshold gets
 * the corrected label (the model's scores kept, the similarity as confidence). A model without embeddings is passed
 * through. Thread-safe when the model is.
 */
public final class MemoryClassifier implements BatchClassifier {

    private final BatchClassifier model;
    private final CorrectionMemory memory;

    public MemoryClassifier(BatchClassifier model, CorrectionMemory memory) {
        this.model = model;
        this.memory = memory;
    }

    @Override
    public ClassifiedBatch classify(List<String> texts) {
        ClassifiedBatch batch = model.classify(texts);
        if (batch.embeddings().isEmpty()) {
            return batch;
        }
        List<Prediction> answers = new ArrayList<>(batch.predictions().size());
        for (int i = 0; i < batch.predictions().size(); i++) {
            Prediction prediction = batch.predictions().get(i);
            answers.add(memory.recall(batch.modelVersion(), batch.embeddings().get(i))
                    .map(recall -> prediction.recalled(
                            recall.entry().label(),
                            new MemoryMatch(recall.entry().eventId(), recall.similarity())))
                    .orElse(prediction));
        }
        return batch.withPredictions(answers);
    }
}
