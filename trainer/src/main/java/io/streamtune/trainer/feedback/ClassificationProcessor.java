package io.streamtune.trainer.feedback;

import io.streamtune.schemas.Classification;
import io.streamtune.schemas.LabelCorrection;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers the text of every classified event for id-only corrections, and completes a correction that was
 * already waiting for it. Unreadable classifications and tombstones are dead-lettered MALFORMED (with their source
 * topic in the headers).
 */
final class ClassificationProcessor implements Processor<byte[], byte[], Object, Object> {

    private static final Logger LOG = LoggerFactory.getLogger(ClassificationProcessor.class);

    private final Deserializer<LabelCorrection> corrections;
    private final Deserializer<Classification> classifications;
    private final FeedbackTopology.Sinks sinks;
    private ProcessorContext<Object, Object> context;
    private FeedbackMetrics metrics;
    private EventTexts texts;
    private WaitingCorrections waiting;
    private TrainingSetWriter writer;

    ClassificationProcessor(
            Deserializer<LabelCorrection> corrections,
            Deserializer<Classification> classifications,
            FeedbackTopology.Sinks sinks) {
        this.corrections = corrections;
        this.classifications = classifications;
        this.sinks = sinks;
    }

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        this.context = context;
        this.metrics = new FeedbackMetrics(context, FeedbackTopology.REMEMBER_TEXTS);
        this.texts = new EventTexts(context.getStateStore(FeedbackTopology.TEXTS_STORE));
        this.waiting = new WaitingCorrections(context.getStateStore(FeedbackTopology.PENDING_STORE));
        this.writer =
                new TrainingSetWriter(context, context.getStateStore(FeedbackTopology.LATEST_STORE), metrics, sinks);
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        SourceCoordinates source = SourceCoordinates.current(context, record.headers());
        Classification classification;
        try {
            classification = read(source.topic(), record.value());
        } catch (SerializationException e) {
            LOG.warn(
                    "Dead-lettering classification {}-{}@{}: {}",
                    source.topic(),
                    source.partition(),
                    source.offset(),
                    e.getMessage());
            context.forward(
                    DeadLetters.record(source, record.key(), record.value(), record.timestamp(), "MALFORMED", e),
                    sinks.deadLetters());
            metrics.deadLettered();
            return;
        }
        String eventId = classification.getEventId();
        texts.put(eventId, classification.getText(), record.timestamp());
        waiting.take(eventId).ifPresent(pending -> {
            LabelCorrection correction = corrections.deserialize(pending.topic(), pending.value());
            writer.offer(CorrectionProcessor.withText(correction, classification.getText()), record.timestamp());
        });
    }

    private Classification read(String topic, byte[] value) {
        Classification classification = classifications.deserialize(topic, value);
        if (classification == null) {
            throw new SerializationException("a classification must have a value (got a tombstone)");
        }
        return classification;
    }
}
