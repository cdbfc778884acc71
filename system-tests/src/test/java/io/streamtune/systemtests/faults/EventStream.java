package io.streamtune.systemtests.faults;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Sends events first..first+count-1 from a background thread at a steady pace with an idempotent producer that retries through a
 * broker outage (long delivery and block timeouts). Each record carries its sequence number in the
 * {@value #SEQUENCE_HEADER} header, which the classifier keeps on classifications and dead letters.
 */
final class EventStream implements AutoCloseable {

    static final String SEQUENCE_HEADER = "faults.sequence";
    private static final int PATIENCE_MS = 240_000;

    private final KafkaProducer<byte[], byte[]> producer;
    private final AtomicInteger sent = new AtomicInteger();
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    private final Thread thread;

    /**
     * @param first the sequence number of the first event
     * @param values the value bytes of event {@code i}
     * @param pauseMillis the pause after each event
     */
    EventStream(
            Map<String, Object> clientConfig,
            String topic,
            int first,
            int count,
            IntFunction<byte[]> values,
            long pauseMillis) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, PATIENCE_MS);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, PATIENCE_MS);
        config.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000);
        this.producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
        this.thread = new Thread(() -> sendAll(topic, first, count, values, pauseMillis), "fault-event-stream");
    }

    EventStream start() {
        thread.start();
        return this;
    }

    /** How many events were handed to the producer so far. */
    int sent() {
        return sent.get();
    }

    /** Blocks until every event is acknowledged by the broker. */
    void awaitAcknowledged() throws InterruptedException {
        thread.join();
        producer.flush();
    }

    /** Send errors reported by the producer (none expected: it retries). */
    List<String> failures() {
        return List.copyOf(failures);
    }

    static int sequenceOf(Headers headers) {
        var header = headers.lastHeader(SEQUENCE_HEADER);
        return header == null || header.value().length != Integer.BYTES
                ? -1
                : ByteBuffer.wrap(header.value()).getInt();
    }

    /** Events are keyed by their id ("event-" + i), as the classifier requires of a keyed event. */
    private void sendAll(String topic, int first, int count, IntFunction<byte[]> values, long pauseMillis) {
        for (int i = first; i < first + count; i++) {
            int sequence = i;
            ProducerRecord<byte[], byte[]> record =
                    new ProducerRecord<>(topic, ("event-" + i).getBytes(StandardCharsets.UTF_8), values.apply(i));
            record.headers()
                    .add(
                            SEQUENCE_HEADER,
                            ByteBuffer.allocate(Integer.BYTES).putInt(i).array());
            producer.send(record, (metadata, error) -> {
                if (error != null) {
                    failures.add("event " + sequence + ": " + error);
                }
            });
            sent.incrementAndGet();
            pause(pauseMillis);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
