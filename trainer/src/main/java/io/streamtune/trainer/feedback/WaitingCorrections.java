package io.streamtune.trainer.feedback;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/** Id-only corrections waiting for their classification: at most one per event id, the newest. */
final class WaitingCorrections {

    private final KeyValueStore<String, PendingCorrection> store;

    WaitingCorrections(KeyValueStore<String, PendingCorrection> store) {
        this.store = store;
    }

    /**
     * Lets a correction wait unless a newer one for the same event already waits.
     *
     * @return false when a newer correction already waits (this one is superseded)
     */
    boolean offer(String eventId, PendingCorrection pending) {
        PendingCorrection waiting = store.get(eventId);
        if (waiting != null && waiting.correctedTime() > pending.correctedTime()) {
            return false;
        }
        store.put(eventId, pending);
        return true;
    }

    /** Removes and returns the correction waiting for an event. */
    Optional<PendingCorrection> take(String eventId) {
        return Optional.ofNullable(store.delete(eventId));
    }

    /** Removes and returns every correction that started waiting at or before {@code arrivedBefore}. */
    List<KeyValue<String, PendingCorrection>> takeArrivedBefore(long arrivedBefore) {
        List<KeyValue<String, PendingCorrection>> expired = new ArrayList<>();
        try (KeyValueIterator<String, PendingCorrection> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, PendingCorrection> entry = all.next();
                if (entry.value.arrivedMs() <= arrivedBefore) {
                    expired.add(entry);
                }
            }
        }
        expired.forEach(entry -> store.delete(entry.key));
        return expired;
    }
}
