package io.streamtune.systemtests.badinput;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What became of every record of a corpus: each sent record is looked up by its sequence number in what the
 * services wrote (an outcome such as {@code CLASSIFIED} or a dead-letter reason). A record with no outcome is lost,
 * one with two is duplicated, one whose outcome differs from the expected one is wrong. Prints one table row per
 * kind of record.
 */
final class Ledger {

    private final String topic;
    private final List<CorpusRecord> sent;
    private final Map<Integer, CorpusRecord> bySequence = new TreeMap<>();
    private final Map<Integer, List<String>> outcomes = new TreeMap<>();

    Ledger(String topic, List<CorpusRecord> sent) {
        this.topic = topic;
        this.sent = sent;
        sent.forEach(record -> bySequence.put(record.sequence(), record));
    }

    void record(int sequence, String outcome) {
        outcomes.computeIfAbsent(sequence, s -> new ArrayList<>()).add(outcome);
    }

    /** The outcomes seen for one record, in arrival order; empty when none. */
    List<String> outcomesOf(int sequence) {
        return outcomes.getOrDefault(sequence, List.of());
    }

    int outcomeCount() {
        return outcomes.values().stream().mapToInt(List::size).sum();
    }

    /** Sent records with no outcome. */
    List<CorpusRecord> lost() {
        return sent.stream().filter(r -> !outcomes.containsKey(r.sequence())).toList();
    }

    /** Sent records with more than one outcome, and outcomes of no sent record. */
    List<String> duplicatedOrUnknown() {
        List<String> problems = new ArrayList<>();
        outcomes.forEach((sequence, list) -> {
            if (!bySequence.containsKey(sequence)) {
                problems.add("outcome " + list + " of no sent record (sequence " + sequence + ")");
            } else if (list.size() > 1) {
                problems.add(bySequence.get(sequence) + " has " + list.size() + " outcomes: " + list);
            }
        });
        return problems;
    }

    /** Records whose single outcome is not the expected one (records expected {@code EITHER} never are). */
    List<String> wrongOutcomes() {
        List<String> problems = new ArrayList<>();
        for (CorpusRecord record : sent) {
            List<String> got = outcomes.get(record.sequence());
            if (got != null
                    && got.size() == 1
                    && !CorpusRecord.EITHER.equals(record.expected())
                    && !record.expected().equals(got.get(0))) {
                problems.add(record + " got " + got.get(0));
            }
        }
        return problems;
    }

    /** Outcome counts of the records of one kind. */
    Map<String, Integer> countsOf(String kind) {
        Map<String, Integer> counts = new TreeMap<>();
        for (CorpusRecord record : sent) {
            if (record.kind().equals(kind)) {
                for (String outcome : outcomes.getOrDefault(record.sequence(), List.of("LOST"))) {
                    counts.merge(outcome, 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    /** The table: one row per kind (in, then every outcome seen), and a total row. */
    String table() {
        Map<String, Integer> inByKind = new LinkedHashMap<>();
        sent.stream().map(CorpusRecord::kind).sorted().forEach(kind -> inByKind.merge(kind, 1, Integer::sum));
        TreeSet<String> columns = new TreeSet<>();
        inByKind.keySet().forEach(kind -> columns.addAll(countsOf(kind).keySet()));
        columns.add("LOST");
        StringBuilder table = new StringBuilder("\n" + topic + ": " + sent.size() + " records in\n");
        table.append(String.format("| %-50s | %6s |", "kind", "in"));
        columns.forEach(c -> table.append(String.format(" %16s |", c)));
        table.append('\n').append("|").append("-".repeat(52)).append("|--------:|");
        columns.forEach(c -> table.append("-".repeat(17)).append(":|"));
        table.append('\n');
        Map<String, Integer> totals = new TreeMap<>();
        inByKind.forEach((kind, in) -> {
            Map<String, Integer> counts = countsOf(kind);
            table.append(String.format("| %-50s | %6d |", kind, in));
            columns.forEach(c -> table.append(String.format(" %16d |", counts.getOrDefault(c, 0))));
            table.append('\n');
            counts.forEach((c, n) -> totals.merge(c, n, Integer::sum));
        });
        table.append(String.format("| %-50s | %6d |", "**total**", sent.size()));
        columns.forEach(c -> table.append(String.format(" %16d |", totals.getOrDefault(c, 0))));
        return table.append('\n').toString();
    }
}
