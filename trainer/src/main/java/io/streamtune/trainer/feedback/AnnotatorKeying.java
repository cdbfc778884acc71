package io.streamtune.trainer.feedback;

import io.streamtune.schemas.LabelCorrection;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * First step of a rate-limited ingestion: keys each correction that passes the checks needing no state by its
 * annotator, so all corrections of one annotator meet in one task of {@link AnnotatorRateLimit}, whatever partition
 * they were sent to. Anything else passes through untouched (keyed by its original key) to be dead-lettered by
 * {@link CorrectionProcessor}. The record's coordinates and original key go along in {@link FeedbackHeaders}.
 */
final class AnnotatorKeying implements Processor<byte[], byte[], byte[], byte[]> {

    private static final byte[] NO_KEY = new byte[0];

    private final CorrectionValidator validator;
    private final Deserializer<LabelCorrection> deserializer;
    private ProcessorContext<byte[], byte[]> context;

    AnnotatorKeying(FeedbackSettings settings, Deserializer<LabelCorrection> deserializer) {
        this.validator = new CorrectionValidator(settings);
        this.deserializer = deserializer;
    }

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) {
        this.context = context;
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        Headers headers = FeedbackHeaders.stamped(context, record.headers(), record.key());
        byte[] key = record.key() == null ? NO_KEY : record.key();
        String annotator = annotatorOfAValidCorrection(headers, record);
        if (annotator != null) {
            FeedbackHeaders.put(headers, FeedbackHeaders.ANNOTATOR, annotator);
            key = annotator.getBytes(StandardCharsets.UTF_8);
        }
        context.forward(new Record<>(key, record.value(), record.timestamp(), headers));
    }

    private String annotatorOfAValidCorrection(Headers headers, Record<byte[], byte[]> record) {
        try {
            LabelCorrection correction = deserializer.deserialize(
                    FeedbackHeaders.text(headers, FeedbackHeaders.SOURCE_TOPIC).orElse(""), record.value());
            if (correction == null) {
                return null;
            }
            validator.check(record.key(), correction);
            return correction.getAnnotator();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
