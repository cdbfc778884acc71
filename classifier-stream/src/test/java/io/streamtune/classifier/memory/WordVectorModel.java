package io.streamtune.classifier.memory;

import io.streamtune.classifier.inference.ClassifiedBatch;
import io.streamtune.classifier.inference.Prediction;
import io.streamtune.classifier.reload.LoadedModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A model without PyTorch that embeds a text as its normalised bag of lower-case words hashed into 64 dimensions (so
 * equal texts have similarity 1, texts sharing most words a high one, unrelated texts about 0), and labels "pos" the
 * texts containing a word it has "learned" as positive, else "neg".
 */
public final class WordVectorModel implements LoadedModel {

    private final long version;
    private final Set<String> positiveWords;
    private int textsEmbedded;

    public WordVectorModel(long version, Set<String> positiveWords) {
        this.version = version;
        this.positiveWords = positiveWords;
    }

    @Override
    public String name() {
        return "sentiment";
    }

    @Override
    public long version() {
        return version;
    }

    @Override
    public List<Prediction> classify(List<String> texts) {
        return classifyAndEmbed(texts).predictions();
    }

    @Override
    public synchronized ClassifiedBatch classifyAndEmbed(List<String> texts) {
        textsEmbedded += texts.size();
        List<Prediction> predictions = new ArrayList<>();
        List<float[]> embeddings = new ArrayList<>();
        for (String text : texts) {
            String[] words = text.toLowerCase(Locale.ROOT).split("\\W+");
            boolean positive = false;
            float[] vector = new float[64];
            for (String word : words) {
                positive |= positiveWords.contains(word);
                if (!word.isEmpty()) {
                    vector[Math.floorMod(word.hashCode(), 64)] += 1;
                }
            }
            String label = positive ? "pos" : "neg";
            predictions.add(new Prediction(label, 0.8, Map.of(label, 0.8, positive ? "neg" : "pos", 0.2), false));
            embeddings.add(unit(vector));
        }
        return new ClassifiedBatch(name(), version, predictions, embeddings);
    }

    synchronized int textsEmbedded() {
        return textsEmbedded;
    }

    @Override
    public void close() {}

    private static float[] unit(float[] vector) {
        double norm = 0;
        for (float value : vector) {
            norm += value * value;
        }
        for (int i = 0; i < vector.length; i++) {
            vector[i] /= (float) Math.sqrt(norm);
        }
        return vector;
    }
}
