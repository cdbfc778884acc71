package io.streamtune.review.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamtune.review.ReviewApp;
import io.streamtune.testsupport.KafkaStack;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * How long the next item takes with 10 annotators working at once: each takes an item and labels it, 40 times, over
 * HTTP, against 5,000 waiting classifications on the real broker (the lease is on the broker before the item is
 * returned). Prints p50, p95 and p99 of the next-item call; it asserts only that no item went to two annotators,
 * never a time (timings on shared machines swing too widely to gate on).
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class NextItemBenchmarkIT {

    private static final int ANNOTATORS = 10;
    private static final int ITEMS_EACH = 40;

    @RegisterExtension
    static final KafkaStack STACK = new KafkaStack();

    @TempDir
    Path folder;

    @Test
    void shouldReportTheNextItemLatencyOfTenAnnotatorsAtOnce() throws Exception {
        ReviewFixture fixture = new ReviewFixture(STACK, folder, 3);
        fixture.overrides.put("review.rate.limit.per.minute", "100000");
        fixture.addAnnotators(ANNOTATORS);
        fixture.classify(5_000);
        List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
        Set<String> given = ConcurrentHashMap.newKeySet();
        try (ReviewApp app = fixture.start()) {
            ReviewClient warmup = new ReviewClient(app.port());
            warmup.login("alice", ReviewFixture.PASSWORD);
            warmup.nextWhenReady();
            ExecutorService pool = Executors.newFixedThreadPool(ANNOTATORS);
            List<Future<?>> runs = new ArrayList<>();
            for (int a = 0; a < ANNOTATORS; a++) {
                String user = "annotator-" + a;
                runs.add(pool.submit(() -> {
                    ReviewClient client = new ReviewClient(app.port());
                    client.login(user, ReviewFixture.PASSWORD);
                    for (int i = 0; i < ITEMS_EACH; i++) {
                        long start = System.nanoTime();
                        ReviewClient.Answer next = client.next();
                        nanos.add(System.nanoTime() - start);
                        String id = next.body().get("eventId").asText();
                        assertThat(given.add(id)).as("%s given twice", id).isTrue();
                        client.decide(id, "pos");
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
            pool.shutdown();
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        System.out.printf(
                Locale.ROOT,
                "next-item latency, %d annotators x %d items, 5000 waiting: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms,"
                        + " max %.1f ms%n",
                ANNOTATORS,
                ITEMS_EACH,
                quantile(sorted, 0.5),
                quantile(sorted, 0.95),
                quantile(sorted, 0.99),
                sorted.get(sorted.size() - 1) / 1e6);
        assertThat(given).hasSize(ANNOTATORS * ITEMS_EACH);
    }

    private static double quantile(List<Long> sorted, double q) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(q * sorted.size()) - 1)) / 1e6;
    }
}
