package io.streamtune.trainer.feedback;

import io.streamtune.schemas.LabelCorrection;
import io.streamtune.trainer.feedback.RejectedCorrectionException.Reason;
import java.util.Optional;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads raw label corrections (straight from the topic, or through {@link AnnotatorRateLimit} when the ingestion is
 * rate-limited): bad bytes and invalid corrections are dead-lettered; a correction with text goes to
 * the training set; an id-only one takes the text of its classification, or waits for it (re-checked by a
 * wall-clock punctuator) and is dead-lettered when it does not arrive in time.
 */
final class CorrectionProcessor implements Processor<byte[], byte[], Object, Object> {

    private static final Logger LOG = LoggerFactory.getLogger(CorrectionProcessor.class);

    private final FeedbackSettings settings;
    private final Deserializer<LabelCorrection> deserializer;
    private final FeedbackTopology.Sinks sinks;
    private ProcessorContext<Object, Object> context;
    private FeedbackMetrics metrics;
    private CorrectionValidator validator;
    private EventTexts texts;
    private WaitingCorrections waiting;
    private TrainingSetWriter writer;

    CorrectionProcessor(
            FeedbackSettings settings, Deserializer<LabelCorrection> deserializer, FeedbackTopology.Sinks sinks) {
        this.settings = settings;
        this.deserializer = deserializer;
        this.sinks = sinks;
    }

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        this.context = context;
        this.metrics = new FeedbackMetrics(context, FeedbackTopology.VALIDATE_CORRECTIONS);
        this.validator = new CorrectionValidator(settings);
        this.texts = new EventTexts(context.getStateStore(FeedbackTopology.TEXTS_STORE));
        this.waiting = new WaitingCorrections(context.getStateStore(FeedbackTopology.PENDING_STORE));
        this.writer =
                new TrainingSetWriter(context, context.getStateStore(FeedbackTopology.LATEST_STORE), metrics, sinks);
        context.schedule(settings.joinCheckInterval(), PunctuationType.WALL_CLOCK_TIME, this::expireWaiting);
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        SourceCoordinates source = FeedbackHeaders.source(context, record.headers());
        byte[] key = FeedbackHeaders.originalKey(record.headers(), record.key());
        LabelCorrection correction;
        try {
            correction = read(source.topic(), record.value());
            validator.check(key, correction);
            rateLimited(record).ifPresent(message -> {
                throw new RejectedCorrectionException(Reason.RATE_LIMITED, message);
            });
        } catch (SerializationException | RejectedCorrectionException e) {
            deadLetter(source, key, record.value(), record.timestamp(), e);
            return;
        }
        String text = correction.getText();
        String eventId = correction.getEventId();
        if (text != null && !text.isBlank()) {
            texts.put(eventId, text, record.timestamp());
            writer.offer(correction, record.timestamp());
            waiting.take(eventId).ifPresent(pending -> complete(pending, text, record.timestamp()));
            return;
        }
        Optional<String> known = texts.find(eventId);
        if (known.isPresent()) {
            writer.offer(withText(correction, known.get()), record.timestamp());
        } else {
            waitForText(source, key, record, correction);
        }
    }

    /** The rate limit's refusal, when the ingestion is rate-limited and this correction was over the limit. */
    private static Optional<String> rateLimited(Record<byte[], byte[]> record) {
        return FeedbackHeaders.text(record.headers(), FeedbackHeaders.RATE_LIMITED);
    }

    private LabelCorrection read(String topic, byte[] value) {
        LabelCorrection correction = deserializer.deserialize(topic, value);
        if (correction == null) {
            throw new SerializationException("a label correction must have a value (got a tombstone)");
        }
        return correction;
    }

    private void waitForText(
            SourceCoordinates source, byte[] key, Record<byte[], byte[]> record, LabelCorrection correction) {
        long correctedTime = correction.getCorrectedTime().toEpochMilli();
        PendingCorrection pending = new PendingCorrection(
                key,
                record.value(),
                source.topic(),
                source.partition(),
                source.offset(),
                correctedTime,
                context.currentSystemTimeMs());
        if (writer.isSuperseded(correction.getEventId(), correctedTime)
                || !waiting.offer(correction.getEventId(), pending)) {
            metrics.superseded();
            return;
        }
        LOG.debug("Correction of event {} waits for its classification", correction.getEventId());
        metrics.waiting();
    }

    private void complete(PendingCorrection pending, String text, long timestamp) {
        LabelCorrection correction = deserializer.deserialize(pending.topic(), pending.value());
        writer.offer(withText(correction, text), timestamp);
    }

    private void expireWaiting(long now) {
        long arrivedBefore = now - settings.joinMaxWait().toMillis();
        for (KeyValue<String, PendingCorrection> entry : waiting.takeArrivedBefore(arrivedBefore)) {
            Optional<String> text = texts.find(entry.key);
            if (text.isPresent()) {
                complete(entry.value, text.get(), now);
                continue;
            }
            PendingCorrection pending = entry.value;
            SourceCoordinates source =
                    new SourceCoordinates(pending.topic(), pending.partition(), pending.offset(), new RecordHeaders());
            RejectedCorrectionException timeout = new RejectedCorrectionException(
                    Reason.EVENT_NEVER_SEEN,
                    "no classification of event " + entry.key + " arrived within " + settings.joinMaxWait());
            deadLetter(source, pending.key(), pending.value(), now, timeout);
        }
    }

    private void deadLetter(SourceCoordinates source, byte[] key, byte[] value, long timestamp, RuntimeException e) {
        String reason = e instanceof RejectedCorrectionException rejected
                ? rejected.reason().name()
                : "MALFORMED";
        LOG.warn(
                "Dead-lettering record {}-{}@{}: {}",
                source.topic(),
                source.partition(),
                source.offset(),
                e.getMessage());
        context.forward(DeadLetters.record(source, key, value, timestamp, reason, e), sinks.deadLetters());
        metrics.deadLettered();
    }

    static LabelCorrection withText(LabelCorrection correction, String text) {
        return LabelCorrection.newBuilder(correction).setText(text).build();
    }
}
