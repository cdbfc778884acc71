package io.streamtune.review.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;

/**
 * One lease as the leases topic holds it: key {@code <event id>/<annotator>}, value JSON
 * {@code {"eventId":..., "annotator":..., "untilMillis":...}}. A lease given back has {@code untilMillis} 0.
 */
record LeaseRecord(String eventId, String annotator, long untilMillis) {

    private static final ObjectMapper JSON = new ObjectMapper();

    String key() {
        return eventId + "/" + annotator;
    }

    Instant until() {
        return Instant.ofEpochMilli(untilMillis);
    }

    String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a lease as JSON", e);
        }
    }

    /** The lease of a record's value, or null when it is not one. */
    static LeaseRecord fromJson(String json) {
        if (json == null) {
            return null;
        }
        try {
            LeaseRecord lease = JSON.readValue(json, LeaseRecord.class);
            return lease.eventId() == null || lease.annotator() == null ? null : lease;
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
