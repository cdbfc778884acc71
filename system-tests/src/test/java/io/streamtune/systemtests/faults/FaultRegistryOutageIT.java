package io.streamtune.systemtests.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.streamtune.classifier.ClassifierRuntime;
import io.streamtune.schemas.TextEvent;
import io.streamtune.schemas.serde.ConfluentAvroSerializer;
import io.streamtune.systemtests.StandInModel;
import io.streamtune.testsupport.FaultReport;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry process stops mid-stream for about 15 s (45 s at {@code -Dfaults.scale=full}) while the classifier
 * (stand-in model) runs. Events whose writer schema id the classifier has cached are sent first, then events of a newer TextEvent schema registered just
 * before the outage (an id the classifier never fetched), then cached-id events again. The registry is then started
 * again. Whatever the classifier does with the new id, no event may be lost or written twice: each one ends up
 * classified or dead-lettered with a reason.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class FaultRegistryOutageIT {

    private static final int PHASE = FaultReport.scale().pick(200, 600);
    private static final Duration OUTAGE =
            Duration.ofSeconds(FaultReport.scale().pick(15, 45));

    @TempDir
    Path folder;

    @Test
    void shouldAccountForEveryEventWhenTheRegistryIsDownForAWhile() throws Exception {
        try (FaultStack stack = new FaultStack(folder.resolve("stack")).start()) {
            FaultTopics topics = new FaultTopics(stack).create();
            ConfluentAvroSerializer<TextEvent> serializer = topics.serializer();
            IntFunction<byte[]> cached = i -> serializer.serialize(FaultTopics.EVENTS, event(i));
            try (ClassifierRuntime classifier = StandInModel.startClassifier(
                            topics.classifierConfig(folder.resolve("state"), folder.resolve("store")));
                    OutcomeLog outcomes = new OutcomeLog(stack.clientConfig()).start()) {
                send(stack, 0, cached);
                await().atMost(Duration.ofMinutes(1)).until(() -> outcomes.eventsWithOutcome() >= PHASE);
                VariantTextEvent variant = VariantTextEvent.register(stack.registryUrl());

                stack.stopRegistry();
                send(stack, PHASE, cached);
                await().atMost(Duration.ofMinutes(1)).until(() -> outcomes.eventsWithOutcome() >= 2 * PHASE);
                send(stack, 2 * PHASE, variant::serialize);
                send(stack, 3 * PHASE, cached);
                Thread.sleep(OUTAGE.toMillis());
                Map<String, Integer> variantDuringOutage = counts(outcomes, 2 * PHASE, 3 * PHASE);
                Map<String, Integer> cachedAfterVariantDuringOutage = counts(outcomes, 3 * PHASE, 4 * PHASE);
                String stateDuringOutage = classifier.streamsState().toString();
                stack.startRegistry();
                long upNanos = System.nanoTime();

                await().atMost(Duration.ofMinutes(2)).until(() -> outcomes.eventsWithOutcome() >= 4 * PHASE);
                Thread.sleep(3_000); // a record written twice would show up now
                Map<String, Integer> variantAfter = counts(outcomes, 2 * PHASE, 3 * PHASE);
                double recoverySeconds = (outcomes.firstArrivalFrom(2 * PHASE) - upNanos) / 1e9;
                FaultReport.record(new FaultReport.Row(
                        "registry down ~" + OUTAGE.toSeconds() + " s, restart (in-memory: it comes back empty)",
                        4 * PHASE,
                        "registry stopped after " + PHASE + " events; " + PHASE + " cached-id, " + PHASE
                                + " new-id (" + variant.schemaId() + "), " + PHASE
                                + " cached-id events sent while down",
                        outcomes.lost(4 * PHASE).size(),
                        outcomes.duplicatedOrUnknown().size(),
                        outcomes.deadLetters(),
                        "during the outage: new-id events " + variantDuringOutage
                                + ", cached-id events after them " + cachedAfterVariantDuringOutage
                                + ", streams " + stateDuringOutage + "; after: new-id events " + variantAfter
                                + String.format(
                                        ", the first %.1f s after the registry was healthy again", recoverySeconds)));

                assertThat(outcomes.lost(4 * PHASE))
                        .as("events with no outcome")
                        .isEmpty();
                assertThat(outcomes.duplicatedOrUnknown())
                        .as("events with two outcomes")
                        .isEmpty();
                assertThat(counts(outcomes, 0, 2 * PHASE))
                        .as("cached-id events before and during the outage")
                        .containsExactly(Map.entry(OutcomeLog.CLASSIFIED, 2 * PHASE));
                assertThat(counts(outcomes, 3 * PHASE, 4 * PHASE))
                        .as("cached-id events sent after the new-id ones")
                        .containsExactly(Map.entry(OutcomeLog.CLASSIFIED, PHASE));
                assertThat(variantAfter.keySet())
                        .as("outcomes of the new-id events: classified or dead-lettered with a reason")
                        .doesNotContain("null");
            }
        }
    }

    private static void send(FaultStack stack, int first, IntFunction<byte[]> values) throws InterruptedException {
        try (EventStream stream = new EventStream(stack.clientConfig(), FaultTopics.EVENTS, first, PHASE, values, 0)) {
            stream.start().awaitAcknowledged();
            assertThat(stream.failures()).as("send failures").isEmpty();
        }
    }

    private static Map<String, Integer> counts(OutcomeLog outcomes, int from, int to) {
        Map<String, Integer> counts = new TreeMap<>();
        outcomes.outcomesBetween(from, to)
                .values()
                .forEach(list -> list.forEach(outcome -> counts.merge(outcome, 1, Integer::sum)));
        return counts;
    }

    private static TextEvent event(int i) {
        return TextEvent.newBuilder()
                .setId("event-" + i)
                .setText(i % 2 == 0 ? "a good day " + i : "a bad day " + i)
                .setSource("faults")
                .setEventTime(Instant.now())
                .build();
    }
}
