package io.streamtune.model.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.AdamW;
import ai.djl.training.optimizer.Optimizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One optimisation step over all parameters of a classifier: global-norm gradient clipping, then
 * DJL's AdamW (decoupled weight decay, fused update) with the learning-rate schedule, then zeroed
 * gradients (the PyTorch engine accumulates them otherwise).
 *
 * <p>As in BERT's original recipe, biases and LayerNorm weights get no weight decay: they go to a
 * second AdamW instance without it. DJL's own {@code clipGrad} clips each element; BERT clips the
 * norm of all gradients together, which keeps their direction, so that is done here.
 */
final class ClassifierOptimizer {

    private static final Logger LOG = LoggerFactory.getLogger(ClassifierOptimizer.class);
    private static final int NAMES_LOGGED = 5;
    private static final String WORD_EMBEDDINGS = "embeddings.word_embeddings.weight";
    private static final Pattern LAYER = Pattern.compile("encoder\\.layer\\.(\\d+)\\.");

    private final List<String> names = new ArrayList<>();
    private final List<Parameter> parameters = new ArrayList<>();
    private final List<Optimizer> optimizers = new ArrayList<>();
    private final float maxGradNorm;

    ClassifierOptimizer(Map<String, Parameter> named, FineTuneConfig config, WarmupLinearSchedule schedule) {
        Optimizer decayed = AdamW.builder()
                .optLearningRateTracker(schedule)
                .optWeightDecays(config.weightDecay())
                .build();
        Optimizer undecayed = AdamW.builder()
                .optLearningRateTracker(schedule)
                .optWeightDecays(0f)
                .build();
        named.forEach((name, parameter) -> {
            boolean frozen = config.freezeWordEmbeddings() && name.endsWith(WORD_EMBEDDINGS)
                    || inFrozenLayers(name, config.frozenLayers());
            parameter.freeze(frozen);
            if (frozen) {
                return;
            }
            names.add(name);
            parameters.add(parameter);
            optimizers.add(decays(name) ? decayed : undecayed);
        });
        this.maxGradNorm = config.maxGradNorm();
    }

    /** Whether a parameter belongs to the embeddings or to one of the lowest {@code layers} encoder layers. */
    static boolean inFrozenLayers(String name, int layers) {
        if (layers == 0) {
            return false;
        }
        if (name.contains("embeddings.")) {
            return true;
        }
        Matcher layer = LAYER.matcher(name);
        return layer.find() && Integer.parseInt(layer.group(1)) < layers;
    }

    static boolean decays(String name) {
        return !name.endsWith(".bias") && !name.contains("LayerNorm");
    }

    /**
     * Clips, updates and zeroes the gradients. A step whose gradients are not finite (an overflow
     * somewhere in the batch) is skipped: its gradients are zeroed and no weight changes, so one bad
     * batch cannot turn every weight into NaN.
     *
     * @param scratch a manager for temporary arrays, closed by the caller
     * @return the global gradient norm before clipping; NaN or infinite when the step was skipped
     */
    float step(NDManager scratch) {
        List<NDArray> gradients = new ArrayList<>(parameters.size());
        NDArray squares = null;
        for (Parameter parameter : parameters) {
            NDArray gradient = parameter.getArray().getGradient();
            gradient.attach(scratch);
            gradients.add(gradient);
            NDArray square = gradient.square().sum();
            squares = squares == null ? square : squares.add(square);
        }
        float norm = (float) Math.sqrt(squares.getFloat());
        if (Float.isFinite(norm)) {
            if (norm > maxGradNorm) {
                float scale = maxGradNorm / (norm + 1e-6f);
                gradients.forEach(gradient -> gradient.muli(scale));
            }
            for (int i = 0; i < parameters.size(); i++) {
                Parameter parameter = parameters.get(i);
                optimizers.get(i).update(parameter.getId(), parameter.getArray(), gradients.get(i));
            }
        } else {
            logNonFinite(gradients);
        }
        gradients.forEach(ClassifierOptimizer::zero);
        return norm;
    }

    private void logNonFinite(List<NDArray> gradients) {
        List<String> bad = new ArrayList<>();
        for (int i = gradients.size() - 1; i >= 0 && bad.size() < NAMES_LOGGED; i--) {
            NDArray gradient = gradients.get(i);
            if (gradient.isNaN().any().getBoolean()
                    || gradient.isInfinite().any().getBoolean()) {
                bad.add(names.get(i));
            }
        }
        LOG.warn("Non-finite gradients, the {} closest to the output: {}", NAMES_LOGGED, bad);
    }

    /** Zeroes in place, NaN and infinity included (unlike subtracting an array from itself). */
    static void zero(NDArray array) {
        array.set(new NDIndex("..."), 0f);
    }
}
