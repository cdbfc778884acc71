package io.streamtune.quality.loop;

import io.streamtune.trainer.round.Example;
import io.streamtune.trainer.round.TrainingSetCache;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;

/**
 * The training set as the trainer's {@link TrainingSetCache} holds it, without the topic: the latest label per
 * event, split into examples consumed by an earlier published round (or bootstrap) and fresh ones.
 */
final class TrainingSetState {

    private final Map<String, Example> earlier = new LinkedHashMap<>();
    private final Map<String, Example> fresh = new LinkedHashMap<>();

    /** Examples already consumed (what bootstrap wrote and committed). */
    void addConsumed(Collection<Example> examples) {
        examples.forEach(example -> {
            fresh.remove(example.eventId());
            earlier.put(example.eventId(), example);
        });
    }

    /** A correction arrives: the event's latest label, fresh until the next round. */
    void add(Example correction) {
        earlier.remove(correction.eventId());
        fresh.put(correction.eventId(), correction);
    }

    int freshCount() {
        return fresh.size();
    }

    /** A snapshot for {@code RoundRunner.run}; no offsets, as nothing is read from a topic. */
    TrainingSetCache.Snapshot snapshot(ConsumerGroupMetadata group) {
        return new TrainingSetCache.Snapshot(
                List.copyOf(earlier.values()), List.copyOf(fresh.values()), Map.of(), group);
    }

    /** A round on the last snapshot was published: its fresh examples are consumed. */
    void markConsumed() {
        earlier.putAll(fresh);
        fresh.clear();
    }

    /** Every example, latest label per event. */
    List<Example> all() {
        List<Example> all = new ArrayList<>(earlier.values());
        all.addAll(fresh.values());
        return all;
    }
}
