package io.streamtune.review.queue;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Who holds which item until when. An item shown to an annotator is theirs for the lease; an audit item with
 * overlap can be held by several annotators at once.
 */
final class LeaseBook {

    private final Map<String, Map<String, Instant>> leases = new HashMap<>();
    private final Map<String, String> latestOfAnnotator = new HashMap<>();

    void put(String eventId, String annotator, Instant until) {
        leases.computeIfAbsent(eventId, id -> new HashMap<>()).put(annotator, until);
        latestOfAnnotator.put(annotator, eventId);
    }

    void release(String eventId, String annotator) {
        Map<String, Instant> holders = leases.get(eventId);
        if (holders != null) {
            holders.remove(annotator);
            if (holders.isEmpty()) {
                leases.remove(eventId);
            }
        }
        latestOfAnnotator.remove(annotator, eventId);
    }

    void forget(String eventId) {
        leases.remove(eventId);
    }

    /** How many annotators other than this one hold the item now. */
    int heldByOthers(String eventId, String annotator, Instant now) {
        Map<String, Instant> holders = leases.get(eventId);
        if (holders == null) {
            return 0;
        }
        int count = 0;
        for (Map.Entry<String, Instant> holder : holders.entrySet()) {
            if (!holder.getKey().equals(annotator) && holder.getValue().isAfter(now)) {
                count++;
            }
        }
        return count;
    }

    /** The item this annotator was last given, while their lease on it lasts. */
    Optional<String> heldBy(String annotator, Instant now) {
        String eventId = latestOfAnnotator.get(annotator);
        if (eventId == null) {
            return Optional.empty();
        }
        Instant until = leases.getOrDefault(eventId, Map.of()).get(annotator);
        return until != null && until.isAfter(now) ? Optional.of(eventId) : Optional.empty();
    }

    Optional<Instant> until(String eventId, String annotator) {
        return Optional.ofNullable(leases.getOrDefault(eventId, Map.of()).get(annotator));
    }
}
