package io.streamtune.trainer.feedback;

import java.util.Optional;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Second step of a rate-limited ingestion, on records keyed by annotator ({@link AnnotatorKeying}): counts each
 * annotator's corrections in fixed windows of one minute of record time (so a replay decides the same) and marks the
 * ones over the limit with {@link FeedbackHeaders#RATE_LIMITED}; then keys every record by its original key again
 * ({@link EventIdKeying} then keys it by its event id, to meet the classification of its event).
 */
final class AnnotatorRateLimit implements Processor<byte[], byte[], byte[], byte[]> {

    private static final long MINUTE_MS = 60_000L;
    private static final byte[] NO_KEY = new byte[0];

    private final int ratePerMinute;
    private ProcessorContext<byte[], byte[]> context;
    private KeyValueStore<String, String> counts;

    AnnotatorRateLimit(int ratePerMinute) {
        this.ratePerMinute = ratePerMinute;
    }

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) {
        this.context = context;
        this.counts = context.getStateStore(FeedbackTopology.RATES_STORE);
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        Headers headers = new RecordHeaders(record.headers().toArray());
        Optional<String> annotator = FeedbackHeaders.text(headers, FeedbackHeaders.ANNOTATOR);
        if (annotator.isPresent() && !admit(annotator.get(), record.timestamp())) {
            FeedbackHeaders.put(
                    headers,
                    FeedbackHeaders.RATE_LIMITED,
                    "annotator " + annotator.get() + " exceeded " + ratePerMinute + " corrections per minute");
        }
        byte[] key = FeedbackHeaders.originalKey(headers, record.key());
        context.forward(new Record<>(key == null ? NO_KEY : key, record.value(), record.timestamp(), headers));
    }

    /** Counts the correction if the annotator is within the limit of its minute. */
    private boolean admit(String annotator, long timestamp) {
        long minute = timestamp / MINUTE_MS;
        String stored = counts.get(annotator);
        long count = 0;
        if (stored != null) {
            String[] parts = stored.split(":", 2);
            if (Long.parseLong(parts[0]) == minute) {
                count = Long.parseLong(parts[1]);
            }
        }
        if (count >= ratePerMinute) {
            return false;
        }
        counts.put(annotator, minute + ":" + (count + 1));
        return true;
    }
}
