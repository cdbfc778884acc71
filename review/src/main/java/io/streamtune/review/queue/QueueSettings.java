package io.streamtune.review.queue;

import java.time.Duration;

/**
 * How the queue chooses.
 *
 * @param uncertainty how the uncertain lane ranks
 * @param auditShare the share of items given from the audit lane, in [0, 1]
 * @param auditOverlap how many annotators label each audit item (1: no overlap), to measure agreement
 * @param lease how long an item shown to an annotator stays theirs
 * @param maxItems the most items held; past it the most certain uncertain-lane items are dropped
 */
public record QueueSettings(
        Uncertainty uncertainty, double auditShare, int auditOverlap, Duration lease, int maxItems) {

    public QueueSettings {
        if (auditShare < 0 || auditShare > 1) {
            throw new IllegalArgumentException("audit share must lie in [0, 1]: " + auditShare);
        }
        if (auditOverlap < 1) {
            throw new IllegalArgumentException("audit overlap must be at least 1: " + auditOverlap);
        }
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("lease must be positive: " + lease);
        }
        if (maxItems < 1) {
            throw new IllegalArgumentException("max items must be at least 1: " + maxItems);
        }
    }
}
