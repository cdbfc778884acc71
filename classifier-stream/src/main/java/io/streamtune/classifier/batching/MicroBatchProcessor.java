package io.streamtune.classifier.batching;

import io.streamtune.classifier.deadletter.DeadLetter;
import io.streamtune.classifier.deadletter.DeadLetterReason;
import io.streamtune.classifier.metrics.ClassifierMetrics;
import io.streamtune.schemas.Classification;
import io.streamtune.schemas.TextEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Reads raw input records, dead-letters the bad ones (a key that is not the event's id among them) and puts the others into the change-logged pending-batch store
 * under an increasing sequence number. The store is flushed (classified, forwarded, deleted) when it holds
 * {@code maxRecords} records and by a wall-clock punctuator every {@code maxWaitMs}, with one exception: a tick that
 * comes late (over two intervals after the previous one) after a full batch means the thread was busy with that
 * batch's inference and the input is backed up, so the ticks of the next {@code maxWaitMs} leave the records accepted
 * since then to fill the next batch. Without it a saturated stream alternated full batches with batches of a few
 * records (a mean of 10 instead of 32 in the pipeline benchmark), and the model is less efficient on small batches.
 * A record accepted during a backlog thus waits up to about {@code 2 * maxWaitMs} after the batch before it; otherwise
 * at most about {@code maxWaitMs}. A classification is keyed by its event's id, also when the input record had no key. The store's changelog, the outputs and the input offsets commit in one transaction, so an accepted
 * record is classified exactly once even if the process dies between accepting and classifying it: after the restart
 * it is restored from the changelog.
 */
public final class MicroBatchProcessor implements Processor<byte[], byte[], byte[], byte[]> {

    private final BatchSettings settings;
    private final TextEventReader reader;
    private final Serializer<Classification> serializer;
    private final BatchRunner runner;
    private final ClassifierMetrics metrics;
    private ProcessorContext<byte[], byte[]> context;
    private KeyValueStore<Long, PendingRecord> store;
    private long nextSequence;
    private int pending;
    private boolean fullBatchSinceLastTick;
    private long lastTickMs = -1;
    private long holdUntilMs = Long.MIN_VALUE;

    public MicroBatchProcessor(
            BatchSettings settings,
            TextEventReader reader,
            Serializer<Classification> serializer,
            BatchRunner runner,
            ClassifierMetrics metrics) {
        this.settings = settings;
        this.reader = reader;
        this.serializer = serializer;
        this.runner = runner;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) {
        this.context = context;
        this.store = context.getStateStore(settings.storeName());
        try (KeyValueIterator<Long, PendingRecord> all = store.all()) {
            while (all.hasNext()) {
                nextSequence = Math.max(nextSequence, all.next().key + 1);
                pending++;
            }
        }
        context.schedule(Duration.ofMillis(settings.maxWaitMs()), PunctuationType.WALL_CLOCK_TIME, this::onTick);
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        RecordMetadata source = context.recordMetadata().orElseThrow();
        TextEventReader.Result read = reader.read(source.topic(), record.headers(), record.key(), record.value());
        if (!read.accepted()) {
            DeadLetter letter = new DeadLetter(
                    read.reason(), source.topic(), source.partition(), source.offset(), read.failure(), read.message());
            deadLetter(letter, record.key(), record.value(), record.timestamp(), record.headers());
            return;
        }
        store.put(
                nextSequence++,
                new PendingRecord(
                        record.key(),
                        record.value(),
                        record.headers(),
                        source.topic(),
                        source.partition(),
                        source.offset(),
                        record.timestamp(),
                        context.currentSystemTimeMs()));
        pending++;
        metrics.recordAccepted();
        if (pending >= settings.maxRecords()) {
            flush();
            fullBatchSinceLastTick = true;
        }
    }

    private void onTick(long now) {
        boolean late = lastTickMs >= 0 && now - lastTickMs > 2 * settings.maxWaitMs();
        if (late && fullBatchSinceLastTick) {
            holdUntilMs = now + settings.maxWaitMs();
        }
        lastTickMs = now;
        fullBatchSinceLastTick = false;
        if (now >= holdUntilMs) {
            flush();
        }
    }

    /** Classifies everything in the store, at most {@code maxRecords} per model call. */
    void flush() {
        while (pending > 0) {
            List<KeyValue<Long, PendingRecord>> batch = nextBatch();
            if (batch.isEmpty()) {
                pending = 0;
                return;
            }
            classify(batch);
            batch.forEach(entry -> store.delete(entry.key));
            pending -= batch.size();
        }
    }

    private List<KeyValue<Long, PendingRecord>> nextBatch() {
        List<KeyValue<Long, PendingRecord>> batch = new ArrayList<>(settings.maxRecords());
        try (KeyValueIterator<Long, PendingRecord> all = store.all()) {
            while (all.hasNext() && batch.size() < settings.maxRecords()) {
                batch.add(all.next());
            }
        }
        return batch;
    }

    private void classify(List<KeyValue<Long, PendingRecord>> batch) {
        List<PendingRecord> accepted = new ArrayList<>(batch.size());
        List<TextEvent> events = new ArrayList<>(batch.size());
        for (KeyValue<Long, PendingRecord> entry : batch) {
            PendingRecord pending = entry.value;
            TextEventReader.Result read =
                    reader.read(pending.topic(), pending.headers(), pending.key(), pending.value());
            if (read.accepted()) {
                accepted.add(pending);
                events.add(read.event());
            } else {
                // only when the limits changed while the record waited in the store across a restart
                deadLetter(
                        new DeadLetter(
                                read.reason(),
                                pending.topic(),
                                pending.partition(),
                                pending.offset(),
                                read.failure(),
                                read.message()),
                        pending);
            }
        }
        if (accepted.isEmpty()) {
            return;
        }
        long started = context.currentSystemTimeMs();
        List<BatchOutcome> outcomes =
                runner.run(events.stream().map(TextEvent::getText).toList());
        long finished = context.currentSystemTimeMs();
        for (int i = 0; i < accepted.size(); i++) {
            PendingRecord pending = accepted.get(i);
            BatchOutcome outcome = outcomes.get(i);
            if (outcome.succeeded()) {
                forwardClassification(pending, events.get(i), outcome, started - pending.arrivalMs(), finished);
            } else {
                deadLetter(
                        DeadLetter.of(
                                DeadLetterReason.INFERENCE_FAILED,
                                pending.topic(),
                                pending.partition(),
                                pending.offset(),
                                outcome.failure()),
                        pending);
            }
        }
    }

    private void forwardClassification(
            PendingRecord pending, TextEvent event, BatchOutcome outcome, long queueMillis, long classifiedTime) {
        Classification classification = Classifications.of(event, outcome, queueMillis, classifiedTime);
        byte[] value = serializer.serialize(settings.outputTopic(), pending.headers(), classification);
        byte[] key = event.getId().getBytes(StandardCharsets.UTF_8);
        context.forward(
                new Record<>(key, value, pending.timestamp(), pending.headers()), settings.classificationsSink());
        metrics.recordClassified(
                queueMillis, classifiedTime - event.getEventTime().toEpochMilli());
    }

    private void deadLetter(DeadLetter letter, PendingRecord pending) {
        deadLetter(letter, pending.key(), pending.value(), pending.timestamp(), pending.headers());
    }

    private void deadLetter(DeadLetter letter, byte[] key, byte[] value, long timestamp, Headers headers) {
        context.forward(letter.toRecord(key, value, timestamp, headers), settings.deadLetterSink());
        metrics.recordDeadLetter(letter.reason());
    }
}
