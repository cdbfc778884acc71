package io.streamtune.systemtests.security;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The weights of the stand-in model of the security test: how often each word was seen with each label. A text gets
 * the label its words voted for most; a tie (e.g. only unknown words) gets the first label. Stored as UTF-8 lines
 * {@code word<TAB>label<TAB>count}, so a candidate and its parent differ visibly in what they say.
 */
final class WordVotes {

    private final Map<String, Map<String, Integer>> counts;

    private WordVotes(Map<String, Map<String, Integer>> counts) {
        this.counts = counts;
    }

    static WordVotes empty() {
        return new WordVotes(new HashMap<>());
    }

    static WordVotes parse(byte[] stored) {
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        for (String line : new String(stored, StandardCharsets.UTF_8).split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] fields = line.split("\t");
            if (fields.length != 3) {
                throw new IllegalArgumentException("not word<TAB>label<TAB>count: " + line);
            }
            counts.computeIfAbsent(fields[0], word -> new HashMap<>()).put(fields[1], Integer.parseInt(fields[2]));
        }
        return new WordVotes(counts);
    }

    /** Every word of the text votes once more for the label. */
    void learn(String text, String label) {
        for (String word : words(text)) {
            counts.computeIfAbsent(word, w -> new HashMap<>()).merge(label, 1, Integer::sum);
        }
    }

    /** The votes of the text's words per label, in the order of {@code labels}. */
    Map<String, Integer> tally(List<String> labels, String text) {
        Map<String, Integer> tally = new LinkedHashMap<>();
        labels.forEach(label -> tally.put(label, 0));
        for (String word : words(text)) {
            counts.getOrDefault(word, Map.of()).forEach((label, n) -> tally.computeIfPresent(label, (l, t) -> t + n));
        }
        return tally;
    }

    /** The label with the most votes; the first of {@code labels} on a tie. */
    String predict(List<String> labels, String text) {
        Map<String, Integer> tally = tally(labels, text);
        String best = labels.get(0);
        for (String label : labels) {
            if (tally.get(label) > tally.get(best)) {
                best = label;
            }
        }
        return best;
    }

    byte[] toBytes() {
        StringBuilder text = new StringBuilder();
        counts.forEach((word, byLabel) -> byLabel.forEach((label, n) -> text.append(word)
                .append('\t')
                .append(label)
                .append('\t')
                .append(n)
                .append('\n')));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> words(String text) {
        return List.of(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")).stream()
                .filter(word -> !word.isEmpty())
                .toList();
    }
}
