package io.streamtune.model.lexical;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A trained lexical classifier: per-class weights of the hashed n-gram positions seen in training, a bias, the
 * temperature that calibrates its probabilities, and the weight its log-probabilities get when fused with BERT's
 * (see {@link #fuse}). Immutable and thread-safe.
 *
 * <p>File format ({@value #FILE}): the magic {@code STLX}, format version 1, then buckets, classes, temperature,
 * fusion weight, the number of stored positions n, n ascending positions, n x classes weights (row by row) and
 * classes biases, all big-endian.
 */
public final class LexicalModel {

    /** The file of a version folder that holds it. */
    public static final String FILE = "lexical.bin";

    /** Hash positions of the features of a newly trained model (2^18: few collisions among a corpus's n-grams). */
    public static final int DEFAULT_BUCKETS = 1 << 18;

    private static final int MAGIC = 0x53544c58; // "STLX"
    private static final int FORMAT = 1;

    private final NgramFeatures features;
    private final int classes;
    private final int[] positions;
    private final float[] weights;
    private final float[] bias;
    private final float temperature;
    private final float fusionWeight;

    LexicalModel(
            NgramFeatures features,
            int classes,
            int[] positions,
            float[] weights,
            float[] bias,
            float temperature,
            float fusionWeight) {
        if (classes < 2 || weights.length != positions.length * classes || bias.length != classes) {
            throw new IllegalArgumentException("inconsistent lexical model: " + classes + " classes, "
                    + positions.length + " positions, " + weights.length + " weights, " + bias.length + " biases");
        }
        if (!(temperature > 0) || !(fusionWeight >= 0) || Float.isInfinite(fusionWeight)) {
            throw new IllegalArgumentException("lexical temperature must be > 0 and fusion weight >= 0, were "
                    + temperature + ", " + fusionWeight);
        }
        for (int i = 0; i < positions.length; i++) {
            boolean outside = positions[i] < 0 || positions[i] >= features.buckets();
            if (outside || (i > 0 && positions[i] <= positions[i - 1])) {
                throw new IllegalArgumentException("lexical positions must ascend within the buckets");
            }
        }
        this.features = features;
        this.classes = classes;
        this.positions = positions;
        this.weights = weights;
        this.bias = bias;
        this.temperature = temperature;
        this.fusionWeight = fusionWeight;
    }

    public int classes() {
        return classes;
    }

    public float temperature() {
        return temperature;
    }

    public float fusionWeight() {
        return fusionWeight;
    }

    /** The same model fused with another weight. */
    public LexicalModel withFusionWeight(float weight) {
        return new LexicalModel(features, classes, positions, weights, bias, temperature, weight);
    }

    /** Calibrated log-probabilities of each class for a text. */
    public double[] logProbabilities(String text) {
        return logSoftmax(scores(features.of(text)), temperature);
    }

    /**
     * BERT's pooled logits fused with this model's opinion of the same text: {@code log_softmax(bert) + weight *
     * log_softmax(lexical / temperature)}, a product of the two experts' probabilities. The result is a row of
     * logits (softmax it for probabilities); a weight of 0 returns BERT's log-probabilities, which rank as its logits.
     */
    public float[] fuse(float[] bertLogits, String text) {
        if (bertLogits.length != classes) {
            throw new IllegalArgumentException(bertLogits.length + " logits for a lexical model of " + classes);
        }
        double[] bert = logSoftmax(toDouble(bertLogits), 1);
        double[] lexical = fusionWeight == 0 ? new double[classes] : logProbabilities(text);
        float[] fused = new float[classes];
        for (int c = 0; c < classes; c++) {
            fused[c] = (float) (bert[c] + fusionWeight * lexical[c]);
        }
        return fused;
    }

    /** Raw class scores (before the temperature) of a feature vector. */
    double[] scores(SparseVector vector) {
        double[] scores = toDouble(bias);
        int[] indices = vector.indices();
        float[] values = vector.values();
        for (int i = 0; i < indices.length; i++) {
            int row = Arrays.binarySearch(positions, indices[i]);
            if (row >= 0) {
                for (int c = 0; c < classes; c++) {
                    scores[c] += values[i] * weights[row * classes + c];
                }
            }
        }
        return scores;
    }

    static double[] logSoftmax(double[] scores, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (double score : scores) {
            max = Math.max(max, score / temperature);
        }
        double sum = 0;
        for (double score : scores) {
            sum += Math.exp(score / temperature - max);
        }
        double log = max + Math.log(sum);
        double[] out = new double[scores.length];
        for (int c = 0; c < scores.length; c++) {
            out[c] = scores[c] / temperature - log;
        }
        return out;
    }

    private static double[] toDouble(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    /** Writes the model in the format above. */
    public void writeTo(OutputStream stream) throws IOException {
        DataOutputStream out = new DataOutputStream(stream);
        out.writeInt(MAGIC);
        out.writeInt(FORMAT);
        out.writeInt(features.buckets());
        out.writeInt(classes);
        out.writeFloat(temperature);
        out.writeFloat(fusionWeight);
        out.writeInt(positions.length);
        for (int position : positions) {
            out.writeInt(position);
        }
        for (float weight : weights) {
            out.writeFloat(weight);
        }
        for (float b : bias) {
            out.writeFloat(b);
        }
        out.flush();
    }

    /**
     * Reads a model file.
     *
     * @param expectedClasses the number of labels of the version it belongs to
     * @throws IOException naming the file when it is not such a model, is cut short or disagrees with the labels
     */
    public static LexicalModel read(Path file, int expectedClasses) throws IOException {
        try (InputStream stream = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            LexicalModel model = read(new DataInputStream(stream));
            if (model.classes != expectedClasses) {
                throw new IOException(
                        file + ": a lexical model of " + model.classes + " classes for " + expectedClasses + " labels");
            }
            return model;
        } catch (EOFException e) {
            throw new IOException(file + ": lexical model is cut short", e);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    private static LexicalModel read(DataInputStream in) throws IOException {
        if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
            throw new IOException("not a lexical model of format " + FORMAT);
        }
        NgramFeatures features = new NgramFeatures(in.readInt());
        int classes = in.readInt();
        float temperature = in.readFloat();
        float fusionWeight = in.readFloat();
        int count = in.readInt();
        if (classes < 2 || classes > 100_000 || count < 0 || count > features.buckets()) {
            throw new IOException("lexical model sizes out of range: " + classes + " classes, " + count + " positions");
        }
        int[] positions = new int[count];
        for (int i = 0; i < count; i++) {
            positions[i] = in.readInt();
        }
        float[] weights = new float[Math.multiplyExact(count, classes)];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = in.readFloat();
        }
        float[] bias = new float[classes];
        for (int c = 0; c < classes; c++) {
            bias[c] = in.readFloat();
        }
        return new LexicalModel(features, classes, positions, weights, bias, temperature, fusionWeight);
    }
}
