package io.streamtune.review.accuracy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every audit label read from the corrections topic, and what they say about each model version. An audit names
 * the version whose prediction it judges ({@code LabelCorrection.modelVersion}) and that prediction
 * ({@code previousLabel}), so the book needs nothing but the corrections topic and every instance holds the same.
 * The first label of an item is its truth; later labels of the same item (the overlap) measure agreement. When
 * the labels of an item differ, a reviewer's label resolves it: from then on the resolution is its truth (and, as
 * the last AUDIT record of the event, the label the trainer's audit holdout keeps), and it leaves the list of
 * disagreements. Which annotators are reviewers comes from the users file, so a restart resolves the same items.
 */
public final class AuditBook {

    private static final class Audited {
        private final long version;
        private final String predicted;
        private final List<String> labels = new ArrayList<>();
        private final List<String> annotators = new ArrayList<>();
        private String resolution;

        Audited(long version, String predicted) {
            this.version = version;
            this.predicted = predicted;
        }

        boolean disputed() {
            return Set.copyOf(labels).size() > 1;
        }

        String truth() {
            return resolution != null ? resolution : labels.get(0);
        }
    }

    /** An audit item whose labels differ, for a reviewer to resolve. */
    public record Disagreement(
            String eventId, long version, String predicted, List<String> labels, List<String> annotators) {

        /** The labels a resolution may choose: the annotators' and the prediction. */
        public Set<String> choices() {
            Set<String> choices = new TreeSet<>(labels);
            choices.add(predicted);
            return choices;
        }
    }

    private final String modelName;
    private final Map<String, Audited> audits = new LinkedHashMap<>();

    public AuditBook(String modelName) {
        this.modelName = modelName;
    }

    /**
     * One audit label; a repeated label of the same annotator for the same event is counted once.
     *
     * @param byReviewer whether the annotator is a reviewer: on an item whose labels differ, the label resolves it
     */
    public synchronized void add(
            String eventId, long version, String predicted, String label, String annotator, boolean byReviewer) {
        Audited audited = audits.computeIfAbsent(eventId, id -> new Audited(version, predicted));
        if (byReviewer && audited.disputed()) {
            audited.resolution = label;
        } else if (!audited.annotators.contains(annotator)) {
            audited.labels.add(label);
            audited.annotators.add(annotator);
        }
    }

    /** The item's disagreement, while it is unresolved. */
    public synchronized Optional<Disagreement> unresolved(String eventId) {
        Audited audited = audits.get(eventId);
        return audited == null || audited.resolution != null || !audited.disputed()
                ? Optional.empty()
                : Optional.of(disagreement(eventId, audited));
    }

    /** Each version's accuracy on its audits, newest version first. */
    public synchronized List<VersionAccuracy> versions() {
        Map<Long, List<Audited>> byVersion = new TreeMap<>((a, b) -> Long.compare(b, a));
        audits.values().forEach(a -> byVersion
                .computeIfAbsent(a.version, v -> new ArrayList<>())
                .add(a));
        List<VersionAccuracy> result = new ArrayList<>();
        byVersion.forEach((version, list) -> result.add(accuracy(version, list)));
        return result;
    }

    /** Agreement over the items labelled at least twice. */
    public synchronized Agreement agreement() {
        List<Agreement.Pair> pairs = audits.values().stream()
                .filter(a -> a.labels.size() >= 2)
                .map(a -> new Agreement.Pair(a.labels.get(0), a.labels.get(1)))
                .toList();
        return Agreement.of(pairs);
    }

    /** The items whose labels differ and that no reviewer has resolved yet. */
    public synchronized List<Disagreement> disagreements() {
        List<Disagreement> result = new ArrayList<>();
        audits.forEach((eventId, a) -> {
            if (a.disputed() && a.resolution == null) {
                result.add(disagreement(eventId, a));
            }
        });
        return result;
    }

    private static Disagreement disagreement(String eventId, Audited a) {
        return new Disagreement(eventId, a.version, a.predicted, List.copyOf(a.labels), List.copyOf(a.annotators));
    }

    private VersionAccuracy accuracy(long version, List<Audited> list) {
        Map<String, Map<String, Long>> confusion = new TreeMap<>();
        long right = 0;
        for (Audited a : list) {
            String truth = a.truth();
            confusion.computeIfAbsent(truth, t -> new TreeMap<>()).merge(a.predicted, 1L, Long::sum);
            right += truth.equals(a.predicted) ? 1 : 0;
        }
        long n = list.size();
        return new VersionAccuracy(
                modelName,
                version,
                n,
                n == 0 ? 0 : right / (double) n,
                Wilson.of(right, n),
                macroF1(confusion),
                confusion);
    }

    /** Macro-F1 over every label seen as truth or prediction. */
    static double macroF1(Map<String, Map<String, Long>> confusion) {
        Set<String> labels = new TreeSet<>(confusion.keySet());
        confusion.values().forEach(row -> labels.addAll(row.keySet()));
        if (labels.isEmpty()) {
            return 0;
        }
        double sum = 0;
        for (String label : labels) {
            long truePositive = confusion.getOrDefault(label, Map.of()).getOrDefault(label, 0L);
            long actual = confusion.getOrDefault(label, Map.of()).values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
            long predicted = confusion.values().stream()
                    .mapToLong(row -> row.getOrDefault(label, 0L))
                    .sum();
            double precision = predicted == 0 ? 0 : truePositive / (double) predicted;
            double recall = actual == 0 ? 0 : truePositive / (double) actual;
            sum += precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        }
        return sum / labels.size();
    }
}
