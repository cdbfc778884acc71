package io.streamtune.demo.loop;

import io.streamtune.schemas.TextEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Sends the stream as {@link TextEvent}s keyed by event id, at a steady rate (event i leaves at {@code i / rate}
 * seconds after the start), on its own thread. {@link #stop()} ends it early; what was sent is flushed either way.
 */
public final class EventStreamer implements Runnable {

    private final Producer<String, SpecificRecord> producer;
    private final String topic;
    private final List<StreamedEvent> events;
    private final double rate;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger acknowledged = new AtomicInteger();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private volatile boolean finished;

    /** @param rate events per second */
    public EventStreamer(
            Producer<String, SpecificRecord> producer, String topic, List<StreamedEvent> events, double rate) {
        if (!(rate > 0)) {
            throw new IllegalArgumentException("rate must be positive, was " + rate);
        }
        this.producer = producer;
        this.topic = topic;
        this.events = List.copyOf(events);
        this.rate = rate;
    }

    @Override
    public void run() {
        long start = System.nanoTime();
        try {
            for (StreamedEvent event : events) {
                long due = start + (long) (event.seq() * TimeUnit.SECONDS.toNanos(1) / rate);
                while (running.get() && System.nanoTime() < due) {
                    LockSupport.parkNanos(Math.min(due - System.nanoTime(), TimeUnit.MILLISECONDS.toNanos(50)));
                }
                if (!running.get()) {
                    break;
                }
                producer.send(new ProducerRecord<>(topic, event.eventId(), textEvent(event)), (metadata, error) -> {
                    if (error == null) {
                        acknowledged.incrementAndGet();
                    } else {
                        failure.compareAndSet(null, error);
                    }
                });
                sent.incrementAndGet();
            }
            producer.flush();
        } finally {
            finished = true;
        }
    }

    static TextEvent textEvent(StreamedEvent event) {
        return TextEvent.newBuilder()
                .setId(event.eventId())
                .setText(event.example().text())
                .setSource("streamtune-demo")
                .setEventTime(Instant.now())
                .setAttributes(Map.of("domain", event.example().domain()))
                .build();
    }

    /** Stops sending after the current event. */
    public void stop() {
        running.set(false);
    }

    /** Events handed to the producer. */
    public int sent() {
        return sent.get();
    }

    /** Events the broker acknowledged. */
    public int acknowledged() {
        return acknowledged.get();
    }

    /** The first send that failed, if any. */
    public Exception failure() {
        return failure.get();
    }

    /** Every event was sent (or sending stopped) and flushed. */
    public boolean finished() {
        return finished;
    }
}
