package io.streamtune.model.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import io.streamtune.model.bert.BertSequenceClassifier;
import io.streamtune.model.bert.GradientMode;
import io.streamtune.model.bert.WindowedLogits;
import io.streamtune.model.tokenize.TextTokenizer;
import io.streamtune.model.tokenize.TextWindows;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fits a new classification head on the frozen encoder before fine-tuning (linear probing, then fine-tuning:
 * Kumar et al., "Fine-Tuning can Distort Pretrained Features and Underperform Out-of-Distribution", ICLR 2022). A
 * randomly drawn head sends random gradients into the pretrained encoder for the first hundred steps; with few
 * labels that is most of the run. Here the encoder's pooled features of every training text (its windows'
 * features averaged) are computed once, an L2-regularised softmax regression is fitted on them with Adam, its
 * regularisation chosen by the log-loss on the early-stopping holdout, and the result becomes the head's
 * weights.
 */
final class LinearProbe {

    private static final Logger LOG = LoggerFactory.getLogger(LinearProbe.class);
    private static final float[] STRENGTHS = {1e-3f, 1e-2f, 1e-1f, 1f};
    private static final float UNTUNED_STRENGTH = 1e-1f;
    private static final int ITERATIONS = 300;
    private static final float STEP = 0.05f;
    private static final int BATCH = 32;

    private LinearProbe() {}

    /**
     * Fits the head of {@code classifier} in place.
     *
     * @param classifier the classifier whose head is new
     * @param tokenizer its tokenizer
     * @param labels the labels in output order
     * @param train the examples the head is fitted on
     * @param holdout the examples that choose the regularisation; when empty, a fixed one is used
     * @param manager the run's manager
     */
    static void fitHead(
            BertSequenceClassifier classifier,
            TextTokenizer tokenizer,
            List<String> labels,
            List<LabeledText> train,
            List<LabeledText> holdout,
            NDManager manager) {
        long started = System.nanoTime();
        GradientMode.withoutGradients(() -> {
            try (NDManager scope = manager.newSubManager()) {
                NDArray trainX = features(classifier, tokenizer, train, scope);
                NDArray holdoutX = features(classifier, tokenizer, holdout, scope);
                NDArray mean = trainX.mean(new int[] {0});
                NDArray std =
                        trainX.sub(mean).square().mean(new int[] {0}).sqrt().add(1e-6f);
                NDArray trainZ = trainX.sub(mean).div(std);
                NDArray holdoutZ = holdoutX.sub(mean).div(std);
                NDArray trainY = oneHot(train, labels, scope);
                NDArray holdoutY = oneHot(holdout, labels, scope);
                NDList best = null;
                float bestLoss = Float.POSITIVE_INFINITY;
                float bestStrength = Float.NaN;
                for (float strength : holdout.isEmpty() ? new float[] {UNTUNED_STRENGTH} : STRENGTHS) {
                    NDList fitted = fit(trainZ, trainY, strength);
                    float loss = logLoss(holdoutZ, holdoutY, fitted);
                    if (loss < bestLoss) {
                        best = fitted;
                        bestLoss = loss;
                        bestStrength = strength;
                    }
                }
                install(
                        classifier,
                        best.get(0).div(std),
                        best.get(1).sub(best.get(0).div(std).matMul(mean)));
                LOG.info(
                        "Linear probe: head fitted on {} examples' features, L2 {} (holdout log-loss {}) in {} ms",
                        train.size(),
                        bestStrength,
                        bestLoss,
                        (System.nanoTime() - started) / 1_000_000);
            }
        });
    }

    /** (texts, hidden) pooled features, each text's windows averaged. */
    private static NDArray features(
            BertSequenceClassifier classifier, TextTokenizer tokenizer, List<LabeledText> examples, NDManager scope) {
        int hidden = classifier.config().hiddenSize();
        TextWindows windows =
                tokenizer.windows(examples.stream().map(LabeledText::text).toList());
        float[][] perText = WindowedLogits.withFeatures(
                        classifier, windows, BATCH, tokenizer.padId(), TextWindows.Pooling.MEAN, scope)
                .features();
        float[] flat = new float[perText.length * hidden];
        for (int text = 0; text < perText.length; text++) {
            System.arraycopy(perText[text], 0, flat, text * hidden, hidden);
        }
        return scope.create(flat, new Shape(perText.length, hidden));
    }

    private static NDArray oneHot(List<LabeledText> examples, List<String> labels, NDManager scope) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            index.put(labels.get(i), i);
        }
        float[] values = new float[examples.size() * labels.size()];
        for (int i = 0; i < examples.size(); i++) {
            values[i * labels.size() + index.get(examples.get(i).label())] = 1f;
        }
        return scope.create(values, new Shape(examples.size(), labels.size()));
    }

    /** Full-batch Adam on the mean cross-entropy plus {@code strength/2 * |W|^2}; returns (W, b). */
    private static NDList fit(NDArray x, NDArray y, float strength) {
        long n = x.getShape().get(0);
        NDManager scope = x.getManager();
        NDArray w = scope.zeros(new Shape(y.getShape().get(1), x.getShape().get(1)));
        NDArray b = scope.zeros(new Shape(y.getShape().get(1)));
        NDArray[] state = {w, b, w.zerosLike(), w.zerosLike(), b.zerosLike(), b.zerosLike()};
        for (int t = 1; t <= ITERATIONS; t++) {
            try (NDManager iteration = scope.newSubManager()) {
                x.tempAttach(iteration);
                y.tempAttach(iteration);
                for (NDArray array : state) {
                    array.attach(iteration);
                }
                NDArray error =
                        x.matMul(state[0].transpose()).add(state[1]).softmax(1).sub(y);
                NDArray gradW = error.transpose().matMul(x).div(n).add(state[0].mul(strength));
                NDArray gradB = error.mean(new int[] {0});
                NDArray[] next = {null, null, null, null, null, null};
                adam(state, gradW, 0, 2, t, next);
                adam(state, gradB, 1, 4, t, next);
                for (NDArray array : next) {
                    array.attach(scope);
                }
                state = next;
            }
        }
        return new NDList(state[0], state[1]);
    }

    /** One Adam step of {@code state[value]} with moments at {@code state[moments]} and {@code +1}, into next. */
    private static void adam(NDArray[] state, NDArray gradient, int value, int moments, int t, NDArray[] next) {
        float beta1 = 0.9f;
        float beta2 = 0.999f;
        next[moments] = state[moments].mul(beta1).add(gradient.mul(1 - beta1));
        next[moments + 1] = state[moments + 1].mul(beta2).add(gradient.square().mul(1 - beta2));
        NDArray first = next[moments].div(1 - Math.pow(beta1, t));
        NDArray second = next[moments + 1].div(1 - Math.pow(beta2, t));
        next[value] = state[value].sub(first.mul(STEP).div(second.sqrt().add(1e-8f)));
    }

    private static float logLoss(NDArray x, NDArray y, NDList fitted) {
        if (x.getShape().get(0) == 0) {
            return 0f;
        }
        NDArray logProbabilities =
                x.matMul(fitted.get(0).transpose()).add(fitted.get(1)).logSoftmax(1);
        return logProbabilities.mul(y).sum(new int[] {1}).neg().mean().getFloat();
    }

    private static void install(BertSequenceClassifier classifier, NDArray weight, NDArray bias) {
        Map<String, Parameter> named = classifier.namedParameters();
        named.get("classifier.weight").getArray().set(weight.toFloatArray());
        named.get("classifier.bias").getArray().set(bias.toFloatArray());
    }
}
