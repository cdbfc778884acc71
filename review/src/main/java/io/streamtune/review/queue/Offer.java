package io.streamtune.review.queue;

import java.time.Instant;

/** An item given to an annotator, theirs until the lease ends. */
public record Offer(ReviewItem item, String annotator, Instant leaseUntil) {}
