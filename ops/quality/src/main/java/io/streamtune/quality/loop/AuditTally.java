package io.streamtune.quality.loop;

import io.streamtune.quality.proxy.ProxyEvent;
import io.streamtune.review.accuracy.AuditBook;
import io.streamtune.review.accuracy.VersionAccuracy;
import io.streamtune.review.queue.AuditSample;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The audit lane of the review workbench, simulated: the streamed events its {@link AuditSample} draws (by event id
 * alone, so every annotator and variant audits the same events) get their true label in its {@link AuditBook}, under
 * the version that classified them. The audit labels are never trained on here.
 */
final class AuditTally {

    /** The annotator the audit labels are booked under. */
    static final String ANNOTATOR = "quality-audit";

    private final double rate;
    private final AuditSample sample;
    private final AuditBook book;

    AuditTally(String modelName, double rate) {
        this.rate = rate;
        this.sample = new AuditSample(rate);
        this.book = new AuditBook(modelName);
    }

    /** One streamed event and what the version in service predicted for it. */
    void observe(ProxyEvent event, long version, String predicted) {
        if (rate > 0 && sample.draws(event.id())) {
            book.add(event.id(), version, predicted, event.label(), ANNOTATOR, false);
        }
    }

    /** Each audited version's accuracy with its Wilson interval, by version. */
    Map<Long, VersionAccuracy> byVersion() {
        Map<Long, VersionAccuracy> byVersion = new LinkedHashMap<>();
        book.versions().forEach(accuracy -> byVersion.put(accuracy.version(), accuracy));
        return byVersion;
    }
}
