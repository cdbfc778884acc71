package io.streamtune.cli.eval;

import io.streamtune.schemas.Classification;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Matches classifications and dead letters to the examples sent under fresh ids. Only the first classification of an id counts;
 * classifications of other ids are ignored. {@link #sent} may be called from the producing thread while {@link
 * #received} and {@link #deadLettered} run on the consuming one.
 */
final class EvalTracker {

    /**
     * A sent example and, once read back, its prediction.
     *
     * @param classifierMillis the classification's classified time less the event time (the classifier's share)
     */
    record Outcome(
            LabelledExample example, long sentNanos, String predicted, long receivedNanos, long classifierMillis) {

        long latencyMillis() {
            return (receivedNanos - sentNanos) / 1_000_000;
        }
    }

    private final Map<String, Outcome> pending = new ConcurrentHashMap<>();
    private final Map<String, Outcome> done = new LinkedHashMap<>();
    private final Map<String, String> deadLettered = new LinkedHashMap<>();

    void sent(String eventId, LabelledExample example, long sentNanos) {
        pending.put(eventId, new Outcome(example, sentNanos, null, 0, 0));
    }

    /** Records a classification read at a time; true when it matched an example still waiting. */
    boolean received(Classification classification, long receivedNanos) {
        Outcome waiting = pending.remove(classification.getEventId());
        if (waiting == null) {
            return false;
        }
        done.put(
                classification.getEventId(),
                new Outcome(
                        waiting.example(),
                        waiting.sentNanos(),
                        classification.getLabel(),
                        receivedNanos,
                        classification.getClassifiedTime().toEpochMilli()
                                - classification.getEventTime().toEpochMilli()));
        return true;
    }

    /** Records that a sent text was dead-lettered for a reason; true when it matched an example still waiting. */
    boolean deadLettered(String eventId, String reason) {
        if (eventId == null || pending.remove(eventId) == null) {
            return false;
        }
        deadLettered.put(eventId, reason == null ? "NO_REASON" : reason);
        return true;
    }

    /** How many texts were dead-lettered, by reason, most frequent first. */
    Map<String, Long> deadLetteredByReason() {
        Map<String, Long> counts = new TreeMap<>();
        deadLettered.values().forEach(reason -> counts.merge(reason, 1L, Long::sum));
        Map<String, Long> sorted = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(entry -> sorted.put(entry.getKey(), entry.getValue()));
        return sorted;
    }

    /** Classified or dead-lettered: the texts whose fate is known. */
    int answered() {
        return done.size() + deadLettered.size();
    }

    int classified() {
        return done.size();
    }

    int waiting() {
        return pending.size();
    }

    /** The examples read back, in the order their classifications arrived. */
    List<Outcome> outcomes() {
        return new ArrayList<>(done.values());
    }

    /** The examples never read back, by line. */
    List<LabelledExample> missing() {
        return pending.values().stream()
                .map(Outcome::example)
                .sorted(Comparator.comparingLong(LabelledExample::line))
                .toList();
    }
}
