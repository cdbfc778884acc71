package io.streamtune.classifier.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.streamtune.classifier.ClassifierRuntime;
import io.streamtune.classifier.config.ClassifierConfig;
import io.streamtune.schemas.Classification;
import io.streamtune.schemas.ModelStatus;
import io.streamtune.testsupport.KafkaStack;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances share the input topic; a newly promoted version rolls to the instance of rank 0 first and to the one
 * of rank 1 a stagger later, as each reports, while every event is classified exactly once.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class RollingReloadIT {

    @RegisterExtension
    static final KafkaStack STACK = new KafkaStack();

    @TempDir
    Path folder;

    @Test
    void shouldRollANewVersionToOneInstanceThenTheOtherWhileServingThroughout() throws Exception {
        try (StreamHarness harness = new StreamHarness(STACK, 2)) {
            harness.publish(1, ModelStatus.PROMOTED, "sha-1");
            ClassifierRuntime a = start(harness, "roll-a");
            ClassifierRuntime b = start(harness, "roll-b");
            try {
                await().atMost(Duration.ofSeconds(90))
                        .until(() -> a.isReady() && b.isReady() && a.rank() + b.rank() == 1);
                ClassifierRuntime first = a.rank() == 0 ? a : b;
                ClassifierRuntime second = first == a ? b : a;
                LoadGenerator load = new LoadGenerator(harness, i -> "text " + i);
                load.start();

                harness.publish(2, ModelStatus.PROMOTED, "sha-2");
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> first.metrics().servedVersion() == 2);
                long secondWhenFirstSwapped = second.metrics().servedVersion();
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> second.metrics().servedVersion() == 2);
                int total = load.finishAfter(300);
                System.out.printf(
                        "rolling reload: rank 0 swapped to v2 while rank 1 still served v%d%n", secondWhenFirstSwapped);
                assertThat(secondWhenFirstSwapped).isEqualTo(1);

                assertEveryEventClassifiedOnce(harness, total);
            } finally {
                a.close();
                b.close();
            }
        }
    }

    private static void assertEveryEventClassifiedOnce(StreamHarness harness, int total) {
        try (KafkaConsumer<String, Classification> consumer = harness.classifications()) {
            List<ConsumerRecord<String, Classification>> results =
                    StreamHarness.readAtLeast(consumer, total, Duration.ofSeconds(120));
            Map<String, Long> perKey =
                    results.stream().collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
            assertThat(perKey).hasSize(total);
            assertThat(perKey.values()).containsOnly(1L);
            assertThat(results).extracting(r -> r.value().getModelVersion()).contains(1L, 2L);
        }
    }

    private ClassifierRuntime start(StreamHarness harness, String instance) throws Exception {
        Map<String, String> config =
                harness.classifierConfig(instance, folder.resolve(instance + "-state"), folder.resolve("store"));
        config.put("reload.stagger.ms", "5000");
        return ClassifierRuntime.start(new ClassifierConfig(config), new FakeLoader(), Duration.ofSeconds(60));
    }
}
