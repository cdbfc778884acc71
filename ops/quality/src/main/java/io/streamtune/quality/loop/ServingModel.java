package io.streamtune.quality.loop;

import io.streamtune.model.artifact.StoredVersion;
import io.streamtune.model.classify.ClassifierSettings;
import io.streamtune.model.classify.DjlTextClassifier;
import io.streamtune.model.classify.Prediction;
import io.streamtune.model.eval.EvaluationReport;
import io.streamtune.model.lexical.LexicalModel;
import io.streamtune.trainer.round.Example;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A stored version loaded as the classifier loads it, to classify the stream and the test split. Its BERT part and
 * its lexical model are held apart (the BERT part is loaded from a view of the folder without {@code lexical.bin}),
 * and fused here with the very formula the classifier applies ({@link LexicalModel#fuse}), so one BERT pass also
 * scores the version at other fusion weights ({@link #sweep}): paired comparisons of BERT alone, the lexical model
 * alone and their fusions on the same run.
 */
final class ServingModel implements AutoCloseable {

    /** The fusion weights every step is also scored at on the test split (0: BERT alone). */
    static final List<Float> SWEEP_WEIGHTS = List.of(0f, 0.5f, 1f, 2f);

    /** The key of the lexical model alone in {@link #sweep}. */
    static final String LEXICAL_ALONE = "lexical";

    private final long version;
    private final DjlTextClassifier bert;
    private final Optional<LexicalModel> lexical;
    private final Path view;

    private ServingModel(long version, DjlTextClassifier bert, Optional<LexicalModel> lexical, Path view) {
        this.version = version;
        this.bert = bert;
        this.lexical = lexical;
        this.view = view;
    }

    static ServingModel load(StoredVersion stored, ClassifierSettings settings) throws IOException {
        Path view = Files.createTempDirectory("quality-bert-v" + stored.version() + "-");
        try (Stream<Path> files = Files.list(stored.folder())) {
            for (Path file : files.toList()) {
                if (!file.getFileName().toString().equals(LexicalModel.FILE)) {
                    Files.createSymbolicLink(view.resolve(file.getFileName()), file.toAbsolutePath());
                }
            }
        }
        DjlTextClassifier bert = DjlTextClassifier.load(view, settings);
        Path lexicalFile = stored.folder().resolve(LexicalModel.FILE);
        Optional<LexicalModel> lexical = Files.exists(lexicalFile)
                ? Optional.of(LexicalModel.read(lexicalFile, bert.labels().size()))
                : Optional.empty();
        return new ServingModel(stored.version(), bert, lexical, view);
    }

    long version() {
        return version;
    }

    /** Labels as the classifier would answer: fused at the stored weight, BERT alone without a lexical model. */
    List<String> predict(List<String> texts) {
        return classify(texts).stream().map(Classified::label).toList();
    }

    /** Labels and class probabilities (the softmax of the fused row), as the classifier would answer. */
    List<Classified> classify(List<String> texts) {
        List<float[]> logProbabilities = bertLogProbabilities(texts);
        List<Classified> classified = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            float[] row = logProbabilities.get(i);
            float[] fused = lexical.isPresent() ? lexical.get().fuse(row, texts.get(i)) : row;
            classified.add(new Classified(label(fused), softmax(fused)));
        }
        return classified;
    }

    static List<Double> softmax(float[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (float logit : logits) {
            max = Math.max(max, logit);
        }
        double[] exp = new double[logits.length];
        double sum = 0;
        for (int c = 0; c < logits.length; c++) {
            exp[c] = Math.exp(logits[c] - max);
            sum += exp[c];
        }
        List<Double> probabilities = new ArrayList<>(logits.length);
        for (double e : exp) {
            probabilities.add(e / sum);
        }
        return probabilities;
    }

    Score evaluate(List<String> labels, List<Example> test) {
        List<String> predicted = predict(test.stream().map(Example::text).toList());
        return score(labels, test, predicted);
    }

    /**
     * The test split at each of {@link #SWEEP_WEIGHTS} (keys {@code w=0}, {@code w=0.5}, ...) and by the lexical
     * model alone (key {@value #LEXICAL_ALONE}); scores without a lexical model are {@link Score#NONE} but for w=0.
     */
    Map<String, Score> sweep(List<String> labels, List<Example> test) {
        List<String> texts = test.stream().map(Example::text).toList();
        List<float[]> logProbabilities = bertLogProbabilities(texts);
        Map<String, Score> scores = new LinkedHashMap<>();
        for (float weight : SWEEP_WEIGHTS) {
            if (weight != 0 && lexical.isEmpty()) {
                scores.put(sweepKey(weight), Score.NONE);
                continue;
            }
            List<String> predicted = new ArrayList<>(texts.size());
            for (int i = 0; i < texts.size(); i++) {
                float[] row = logProbabilities.get(i);
                predicted.add(label(
                        weight == 0
                                ? row
                                : lexical.get().withFusionWeight(weight).fuse(row, texts.get(i))));
            }
            scores.put(sweepKey(weight), score(labels, test, predicted));
        }
        scores.put(
                LEXICAL_ALONE,
                lexical.map(model -> score(labels, test, lexicalAlone(model, texts)))
                        .orElse(Score.NONE));
        return scores;
    }

    static String sweepKey(float weight) {
        return "w=" + (weight == Math.rint(weight) ? Integer.toString((int) weight) : Float.toString(weight));
    }

    private List<String> lexicalAlone(LexicalModel model, List<String> texts) {
        List<String> predicted = new ArrayList<>(texts.size());
        for (String text : texts) {
            double[] log = model.logProbabilities(text);
            float[] row = new float[log.length];
            for (int c = 0; c < log.length; c++) {
                row[c] = (float) log[c];
            }
            predicted.add(label(row));
        }
        return predicted;
    }

    /** BERT's log-probabilities per text, in label order: the log of its softmax is its log-softmax. */
    private List<float[]> bertLogProbabilities(List<String> texts) {
        List<String> labels = bert.labels();
        List<float[]> rows = new ArrayList<>(texts.size());
        for (Prediction prediction : bert.classify(texts)) {
            float[] row = new float[labels.size()];
            for (int c = 0; c < labels.size(); c++) {
                row[c] = (float) Math.log(prediction.scores().get(labels.get(c)));
            }
            rows.add(row);
        }
        return rows;
    }

    private String label(float[] row) {
        int best = 0;
        for (int c = 1; c < row.length; c++) {
            best = row[c] > row[best] ? c : best;
        }
        return bert.labels().get(best);
    }

    private static Score score(List<String> labels, List<Example> test, List<String> predicted) {
        List<String> truth = test.stream().map(Example::label).toList();
        return Score.of(EvaluationReport.of(labels, truth, predicted));
    }

    @Override
    public void close() {
        bert.close();
        try (Stream<Path> links = Files.list(view)) {
            for (Path link : links.toList()) {
                Files.deleteIfExists(link);
            }
            Files.deleteIfExists(view);
        } catch (IOException e) {
            // a temporary folder of symbolic links; the operating system's temp cleaning takes what is left
        }
    }
}
