package io.streamtune.review.queue;

import java.time.Instant;
import java.util.Map;

/**
 * One classification waiting for a person: what the page shows and what the queue ranks it by.
 *
 * @param scores every class's probability, highest first
 * @param partition the classifications partition it was read from (the instance owning it serves it)
 * @param arrival the order it was read in, for ties and the audit lane's order
 */
public record ReviewItem(
        String eventId,
        String text,
        String predictedLabel,
        Map<String, Double> scores,
        String modelName,
        long modelVersion,
        Instant eventTime,
        int partition,
        Lane lane,
        double uncertainty,
        long arrival) {

    /** Whether a filter's conditions hold; empty conditions hold always. */
    public boolean matches(ItemFilter filter) {
        return filter.accepts(this);
    }
}
