package io.streamtune.trainer.feedback;

import java.util.Optional;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Classified (or corrected) texts by event id, in a window store so that texts older than the retention expire
 * segment by segment instead of growing forever.
 */
final class EventTexts {

    private final WindowStore<String, String> store;

    EventTexts(WindowStore<String, String> store) {
        this.store = store;
    }

    void put(String eventId, String text, long timestamp) {
        store.put(eventId, text, timestamp);
    }

    /** The most recent text of an event, if still retained. */
    Optional<String> find(String eventId) {
        String latest = null;
        try (WindowStoreIterator<String> texts = store.fetch(eventId, 0L, Long.MAX_VALUE)) {
            while (texts.hasNext()) {
                latest = texts.next().value;
            }
        }
        return Optional.ofNullable(latest);
    }
}
