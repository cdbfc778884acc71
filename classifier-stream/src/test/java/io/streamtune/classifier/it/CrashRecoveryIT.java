package io.streamtune.classifier.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.streamtune.model.artifact.FileSystemModelStore;
import io.streamtune.model.artifact.StoredVersion;
import io.streamtune.schemas.Classification;
import io.streamtune.schemas.ModelStatus;
import io.streamtune.testsupport.FaultReport;
import io.streamtune.testsupport.KafkaStack;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the classifier process ({@code ClassifierApp.main} with a real tiny BERT from the model store) with SIGKILL
 * three times while 5,000 events stream in; afterwards every event has exactly one classification for a
 * read_committed consumer. Proves the change-logged micro-batch store under
 * exactly-once: records accepted into a batch but not yet classified survive the kills, and none is classified twice.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class CrashRecoveryIT {

    @RegisterExtension
    static final KafkaStack STACK = new KafkaStack();

    private static final int EVENTS = FaultReport.scale().pick(5_000, 15_000);
    private static final int KILLS = FaultReport.scale().pick(3, 8);

    @TempDir
    Path folder;

    @Test
    void shouldClassifyEveryEventExactlyOnceAcrossThreeKillsMinusNine() throws Exception {
        try (StreamHarness harness = new StreamHarness(STACK, 2)) {
            FileSystemModelStore store = new FileSystemModelStore(folder.resolve("store"));
            StoredVersion v1 = TinyBertVersions.write(store, StreamHarness.MODEL, 1);
            harness.publish(1, ModelStatus.PROMOTED, v1.manifestSha256());
            Map<String, String> config =
                    harness.classifierConfig("crash-1", folder.resolve("state"), folder.resolve("store"));
            config.put("model.max.length", "32");
            config.put("kafka.consumer.session.timeout.ms", "6000");
            config.put("kafka.consumer.heartbeat.interval.ms", "1000");
            ChildClassifier child = new ChildClassifier(config, folder, "crash-1");
            AtomicInteger sent = new AtomicInteger();
            Thread producer = producer(harness, sent);
            try (KafkaConsumer<String, Classification> consumer = harness.classifications()) {
                Map<String, Integer> seen = new HashMap<>();
                child.start();
                await().atMost(Duration.ofSeconds(90)).until(child::isReady);
                producer.start();
                List<Integer> killedAfter = new ArrayList<>();
                for (int kill = 1; kill <= KILLS; kill++) {
                    int before = seen.size();
                    await().atMost(Duration.ofSeconds(120)).until(() -> read(consumer, seen) >= before + 300);
                    child.kill();
                    killedAfter.add(seen.size());
                    System.out.printf(
                            "kill -9 #%d after %d distinct classifications, %d events sent%n",
                            kill, seen.size(), sent.get());
                    child.start();
                }
                producer.join();
                await().atMost(Duration.ofSeconds(180)).until(() -> read(consumer, seen) >= EVENTS);
                child.stop();
                readToTheEnd(consumer, seen);
                report(seen, killedAfter);
            } finally {
                child.stop();
            }
        }
    }

    private static Thread producer(StreamHarness harness, AtomicInteger sent) {
        return new Thread(
                () -> {
                    for (int i = 0; i < EVENTS; i++) {
                        harness.send("e-" + i, i % 3 == 0 ? "good " + i : "bad " + i);
                        sent.incrementAndGet();
                        if (i % 100 == 99) {
                            harness.flush();
                            pause(400);
                        }
                    }
                    harness.flush();
                },
                "event-producer");
    }

    private static int read(KafkaConsumer<String, Classification> consumer, Map<String, Integer> seen) {
        for (ConsumerRecord<String, Classification> record : consumer.poll(Duration.ofMillis(200))) {
            seen.merge(record.key(), 1, Integer::sum);
        }
        return seen.size();
    }

    /** Reads until nothing new arrives in a few polls after the last instance stopped gracefully. */
    private static void readToTheEnd(KafkaConsumer<String, Classification> consumer, Map<String, Integer> seen) {
        Map<org.apache.kafka.common.TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            read(consumer, seen);
            return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
        });
    }

    private static void report(Map<String, Integer> seen, List<Integer> killedAfter) {
        long lost = EVENTS - seen.size();
        long duplicated = seen.values().stream().filter(count -> count > 1).count();
        FaultReport.record(new FaultReport.Row(
                "one classifier process (real tiny BERT), kill -9 and restart while events stream (CrashRecoveryIT)",
                EVENTS,
                KILLS + " x kill -9, after " + killedAfter + " distinct classifications",
                lost,
                duplicated,
                0,
                "exactly-once: the micro-batch store is change-logged, so accepted but unclassified records survive"));
        System.out.printf(
                "crash test: %d events, %d kill -9, lost %d, duplicated %d%n", EVENTS, KILLS, lost, duplicated);
        List<String> unexpected =
                seen.keySet().stream().filter(key -> !key.startsWith("e-")).toList();
        assertThat(unexpected).isEmpty();
        assertThat(lost).isZero();
        assertThat(duplicated).isZero();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
