package io.streamtune.classifier.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamtune.schemas.Classification;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What a reload under load must show in the classifications, and the latency print-out around the swap. */
final class ReloadChecks {

    private ReloadChecks() {}

    /**
     * Every event classified exactly once, both versions seen, and in each partition nothing from the old version
     * after the first result from the new one. Prints lost / duplicated and p99 latency before and during the swap.
     */
    static void assertEachEventOnceAndOnlyTheNewVersionAfterTheSwap(
            List<ConsumerRecord<String, Classification>> results, int total, long oldVersion, long newVersion) {
        Map<String, Long> perKey =
                results.stream().collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
        long duplicated = perKey.values().stream().filter(count -> count > 1).count();
        long lost = total - perKey.size();
        System.out.printf("reload under load: %d events, lost %d, duplicated %d%n", total, lost, duplicated);
        printLatency(results, newVersion);
        assertThat(lost).isZero();
        assertThat(duplicated).isZero();
        assertThat(results).hasSize(total);
        assertThat(results)
                .extracting(record -> record.value().getModelVersion())
                .contains(oldVersion, newVersion);
        Map<Integer, List<Long>> versionsByPartition = results.stream()
                .collect(Collectors.groupingBy(
                        ConsumerRecord::partition,
                        Collectors.mapping(record -> record.value().getModelVersion(), Collectors.toList())));
        versionsByPartition.forEach((partition, versions) -> {
            int firstNew = versions.indexOf(newVersion);
            assertThat(firstNew)
                    .as("partition %d saw the new version", partition)
                    .isNotNegative();
            assertThat(versions.subList(firstNew, versions.size()))
                    .as("partition %d after the swap", partition)
                    .containsOnly(newVersion);
        });
    }

    /** Prints p99 event-to-result latency before the swap and in the two seconds around it. */
    private static void printLatency(List<ConsumerRecord<String, Classification>> results, long newVersion) {
        long swap = results.stream()
                .map(ConsumerRecord::value)
                .filter(value -> value.getModelVersion() == newVersion)
                .mapToLong(value -> value.getClassifiedTime().toEpochMilli())
                .min()
                .orElse(Long.MAX_VALUE);
        System.out.printf(
                "p99 event-to-result latency: before the swap %d ms, during the swap (+-1 s) %d ms%n",
                p99(results, time -> time < swap - 1_000), p99(results, time -> Math.abs(time - swap) <= 1_000));
    }

    private static long p99(List<ConsumerRecord<String, Classification>> results, LongPredicate classifiedAt) {
        long[] sorted = results.stream()
                .map(ConsumerRecord::value)
                .filter(value -> classifiedAt.test(value.getClassifiedTime().toEpochMilli()))
                .mapToLong(value -> value.getClassifiedTime().toEpochMilli()
                        - value.getEventTime().toEpochMilli())
                .sorted()
                .toArray();
        return sorted.length == 0 ? -1 : sorted[(int) Math.min(sorted.length - 1, sorted.length * 0.99)];
    }
}
