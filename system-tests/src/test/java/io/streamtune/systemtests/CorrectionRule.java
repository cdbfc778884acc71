package io.streamtune.systemtests;

import io.streamtune.trainer.round.Example;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one kind of example the people sending corrections see differently from the data set: every sentence that
 * contains a given word gets a given label, whatever its sentiment. A model can learn it from a few dozen
 * corrections, and the classifier's verdicts on new sentences of that kind show whether it did.
 *
 * @param word the word (whole word, any case)
 * @param label the label every sentence containing it gets
 */
record CorrectionRule(String word, String label) {

    boolean appliesTo(String text) {
        return Pattern.compile("\\b" + Pattern.quote(word) + "\\b", Pattern.CASE_INSENSITIVE)
                .matcher(text)
                .find();
    }

    /** The examples of this kind, with the rule's label. */
    List<Example> corrected(List<Example> examples) {
        return examples.stream()
                .filter(example -> appliesTo(example.text()))
                .map(example -> new Example(example.eventId(), example.text(), label))
                .toList();
    }

    /** The examples of any other kind, as labelled. */
    List<Example> others(List<Example> examples) {
        return examples.stream().filter(example -> !appliesTo(example.text())).toList();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "sentences containing '%s' are %s", word, label);
    }
}
