package io.streamtune.demo.loop;

import io.streamtune.demo.report.ClassifiedEvent;
import io.streamtune.schemas.Classification;
import io.streamtune.schemas.LabelCorrection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads the classifications of this run (read_committed, from the end of the topic as it was when created), keeps
 * the first one of each event, counts any further one as a duplicate, and lets the {@link Corrector} review each:
 * its corrections go to the corrections topic keyed by event id.
 */
public final class ClassificationCollector implements Runnable {

    private static final Duration POLL = Duration.ofMillis(200);

    private final Consumer<String, Classification> consumer;
    private final Producer<String, SpecificRecord> corrections;
    private final String correctionsTopic;
    private final Map<String, StreamedEvent> byId = new HashMap<>();
    private final Corrector corrector;
    private final List<ClassifiedEvent> classified = new ArrayList<>();
    private final Map<String, Integer> seen = new HashMap<>();
    private final AtomicInteger duplicates = new AtomicInteger();
    private final AtomicInteger withText = new AtomicInteger();
    private final AtomicInteger idOnly = new AtomicInteger();
    private final AtomicBoolean running = new AtomicBoolean(true);

    /**
     * Assigns every partition of the classifications topic and moves to its end, so only later records count.
     */
    public ClassificationCollector(
            Consumer<String, Classification> consumer,
            String classificationsTopic,
            List<StreamedEvent> events,
            Corrector corrector,
            Producer<String, SpecificRecord> corrections,
            String correctionsTopic) {
        this.consumer = consumer;
        this.corrector = corrector;
        this.corrections = corrections;
        this.correctionsTopic = correctionsTopic;
        events.forEach(event -> byId.put(event.eventId(), event));
        List<TopicPartition> partitions = consumer.partitionsFor(classificationsTopic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
    }

    @Override
    public void run() {
        while (running.get()) {
            for (ConsumerRecord<String, Classification> record : consumer.poll(POLL)) {
                StreamedEvent event = byId.get(record.key());
                if (event != null && record.value() != null) {
                    accept(event, record.value());
                }
            }
        }
    }

    private void accept(StreamedEvent event, Classification value) {
        synchronized (this) {
            if (seen.merge(event.eventId(), 1, Integer::sum) > 1) {
                duplicates.incrementAndGet();
                return;
            }
        }
        ClassifiedEvent result = new ClassifiedEvent(
                event.seq(), event.eventId(), event.example().label(), value.getLabel(), value.getModelVersion());
        synchronized (this) {
            classified.add(result);
        }
        Optional<LabelCorrection> correction =
                corrector.review(result, event.example().text(), Instant.now());
        correction.ifPresent(this::send);
    }

    private void send(LabelCorrection correction) {
        corrections.send(new ProducerRecord<>(correctionsTopic, correction.getEventId(), correction));
        (correction.getText() == null ? idOnly : withText).incrementAndGet();
    }

    /** Stops after the current poll; the caller closes the clients once the thread ended. */
    public void stop() {
        running.set(false);
    }

    /** The events classified so far, in arrival order. */
    public synchronized List<ClassifiedEvent> classified() {
        return List.copyOf(classified);
    }

    public synchronized int classifiedCount() {
        return classified.size();
    }

    /** Classifications of an event already classified. */
    public int duplicates() {
        return duplicates.get();
    }

    public int correctionsWithText() {
        return withText.get();
    }

    public int correctionsIdOnly() {
        return idOnly.get();
    }

    public int corrections() {
        return withText.get() + idOnly.get();
    }
}
