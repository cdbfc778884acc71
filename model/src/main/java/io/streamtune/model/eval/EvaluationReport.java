package io.streamtune.model.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Accuracy, macro-F1, per-class precision/recall/F1 and the confusion matrix of one evaluation.
 *
 * <p>Immutable. The confusion matrix has a row per true label and a column per predicted label, in
 * the order of {@link #labels()}. Macro-F1 is the unweighted mean of the per-class F1 over every
 * label of the label set, including labels that never occur.
 */
public final class EvaluationReport {

    /** Prefix of the confusion-matrix entries of {@link #toMap()}: {@code confusion.<true>-><predicted>}. */
    public static final String CONFUSION_PREFIX = "confusion.";

    /** Between the true and the predicted label of a confusion-matrix entry of {@link #toMap()}. */
    public static final String CONFUSION_SEPARATOR = "->";

    private final List<String> labels;
    private final int[][] confusion;
    private final List<ClassMetrics> perClass;
    private final int total;
    private final double accuracy;
    private final double macroF1;

    private EvaluationReport(List<String> labels, int[][] confusion) {
        this.labels = List.copyOf(labels);
        this.confusion = confusion;
        int correct = 0;
        int count = 0;
        List<ClassMetrics> metrics = new ArrayList<>();
        for (int c = 0; c < labels.size(); c++) {
            correct += confusion[c][c];
            count += rowSum(c);
            metrics.add(ClassMetrics.of(labels.get(c), confusion[c][c], columnSum(c), rowSum(c)));
        }
        this.perClass = List.copyOf(metrics);
        this.total = count;
        this.accuracy = count == 0 ? 0.0 : (double) correct / count;
        this.macroF1 = metrics.stream().mapToDouble(ClassMetrics::f1).average().orElse(0.0);
    }

    /**
     * Evaluates predictions against a fixed label set.
     *
     * @param labels every class, in the order used by the matrix and the report
     * @param truth the true label of each example
     * @param predicted the predicted label of each example, same size as {@code truth}
     * @return the report
     * @throws IllegalArgumentException if the lists differ in size or hold a label outside the set
     */
    public static EvaluationReport of(List<String> labels, List<String> truth, List<String> predicted) {
        if (truth.size() != predicted.size()) {
            throw new IllegalArgumentException(
                    "truth and predicted differ in size: " + truth.size() + " vs " + predicted.size());
        }
        Map<String, Integer> index = new HashMap<>();
        for (String label : labels) {
            if (index.put(label, index.size()) != null) {
                throw new IllegalArgumentException("duplicate label " + label);
            }
        }
        int[][] confusion = new int[labels.size()][labels.size()];
        for (int i = 0; i < truth.size(); i++) {
            confusion[indexOf(index, truth.get(i))][indexOf(index, predicted.get(i))]++;
        }
        return new EvaluationReport(labels, confusion);
    }

    /**
     * Evaluates predictions with the label set taken from both lists, sorted.
     *
     * @param truth the true label of each example
     * @param predicted the predicted label of each example
     * @return the report
     */
    public static EvaluationReport of(List<String> truth, List<String> predicted) {
        TreeSet<String> labels = new TreeSet<>(truth);
        labels.addAll(predicted);
        return of(new ArrayList<>(labels), truth, predicted);
    }

    private static int indexOf(Map<String, Integer> index, String label) {
        Integer position = index.get(label);
        if (position == null) {
            throw new IllegalArgumentException("label " + label + " is not in the label set " + index.keySet());
        }
        return position;
    }

    /**
     * The label set, in matrix order.
     *
     * @return an unmodifiable list
     */
    public List<String> labels() {
        return labels;
    }

    /**
     * The number of examples evaluated.
     *
     * @return the number of (true, predicted) pairs
     */
    public int total() {
        return total;
    }

    /**
     * The share of correct predictions.
     *
     * @return accuracy in [0, 1], 0 for no examples
     */
    public double accuracy() {
        return accuracy;
    }

    /**
     * The unweighted mean of the per-class F1 scores.
     *
     * @return macro-F1 in [0, 1]
     */
    public double macroF1() {
        return macroF1;
    }

    /**
     * Precision, recall, F1 and support per class.
     *
     * @return one entry per label, in label order
     */
    public List<ClassMetrics> perClass() {
        return perClass;
    }

    /**
     * The confusion matrix.
     *
     * @return a copy; {@code [t][p]} counts examples of true label {@code t} predicted as {@code p}
     */
    public int[][] confusionMatrix() {
        int[][] copy = new int[confusion.length][];
        for (int row = 0; row < confusion.length; row++) {
            copy[row] = confusion[row].clone();
        }
        return copy;
    }

    /**
     * The metrics as a flat map, for a model version record: {@code accuracy}, {@code macroF1},
     * {@code examples}, and per class {@code precision.<label>}, {@code recall.<label>}, {@code
     * f1.<label>}, {@code support.<label>}, and the confusion matrix as {@code confusion.<true>-><predicted>}
     * counts.
     *
     * @return an unmodifiable map in a stable order
     */
    public Map<String, Double> toMap() {
        Map<String, Double> map = new LinkedHashMap<>();
        map.put("accuracy", accuracy);
        map.put("macroF1", macroF1);
        map.put("examples", (double) total);
        for (ClassMetrics metrics : perClass) {
            map.put("precision." + metrics.label(), metrics.precision());
            map.put("recall." + metrics.label(), metrics.recall());
            map.put("f1." + metrics.label(), metrics.f1());
            map.put("support." + metrics.label(), (double) metrics.support());
        }
        for (int row = 0; row < labels.size(); row++) {
            for (int column = 0; column < labels.size(); column++) {
                map.put(CONFUSION_PREFIX + labels.get(row) + CONFUSION_SEPARATOR + labels.get(column), (double)
                        confusion[row][column]);
            }
        }
        return Collections.unmodifiableMap(map);
    }

    private int rowSum(int row) {
        int sum = 0;
        for (int value : confusion[row]) {
            sum += value;
        }
        return sum;
    }

    private int columnSum(int column) {
        int sum = 0;
        for (int[] row : confusion) {
            sum += row[column];
        }
        return sum;
    }

    /**
     * A readable table: summary line, per-class metrics, then the confusion matrix.
     *
     * @return several lines of text
     */
    @Override
    public String toString() {
        int width = Math.max(9, labels.stream().mapToInt(String::length).max().orElse(0) + 1);
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "examples %d  accuracy %.4f  macro-F1 %.4f%n", total, accuracy, macroF1));
        out.append(String.format(
                Locale.ROOT, "%-" + width + "s %9s %9s %9s %9s%n", "class", "precision", "recall", "f1", "support"));
        for (ClassMetrics m : perClass) {
            out.append(String.format(
                    Locale.ROOT,
                    "%-" + width + "s %9.4f %9.4f %9.4f %9d%n",
                    m.label(),
                    m.precision(),
                    m.recall(),
                    m.f1(),
                    m.support()));
        }
        out.append(String.format(Locale.ROOT, "%-" + width + "s", "true\\pred"));
        labels.forEach(label -> out.append(String.format(Locale.ROOT, " %" + width + "s", label)));
        out.append(System.lineSeparator());
        for (int row = 0; row < labels.size(); row++) {
            out.append(String.format(Locale.ROOT, "%-" + width + "s", labels.get(row)));
            for (int value : confusion[row]) {
                out.append(String.format(Locale.ROOT, " %" + width + "d", value));
            }
            out.append(System.lineSeparator());
        }
        return out.toString();
    }
}
