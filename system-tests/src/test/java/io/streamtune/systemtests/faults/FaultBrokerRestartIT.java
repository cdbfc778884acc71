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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker process stops mid-stream (a clean stop, then a kill -9 in a second test) and starts again on the same
 * data folder and ports about 15 s later (45 s at {@code -Dfaults.scale=full}), while an idempotent producer streams
 * events and the classifier (stand-in model, exactly-once) runs in this JVM. Nobody restarts the classifier: it must recover on its own, and afterwards
 * every event has exactly one classification (read_committed).
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class FaultBrokerRestartIT {

    private static final int EVENTS = FaultReport.scale().pick(2_000, 6_000);
    private static final int STOP_AFTER = EVENTS * 3 / 10;
    private static final Duration OUTAGE =
            Duration.ofSeconds(FaultReport.scale().pick(15, 45));
    private static final long PAUSE_MILLIS = 8;

    @TempDir
    Path folder;

    @Test
    void shouldClassifyEveryEventOnceWhenTheBrokerStopsCleanlyAndComesBack() throws Exception {
        runWithOutage("broker clean stop (SIGTERM) ~" + OUTAGE.toSeconds() + " s, restart", FaultStack::stopBroker);
    }

    @Test
    void shouldClassifyEveryEventOnceWhenTheBrokerIsKilledAndComesBack() throws Exception {
        runWithOutage("broker kill -9 ~" + OUTAGE.toSeconds() + " s, restart", FaultStack::killBroker);
    }

    private void runWithOutage(String fault, Consumer<FaultStack> stop) throws Exception {
        try (FaultStack stack = new FaultStack(folder.resolve("stack")).start()) {
            FaultTopics topics = new FaultTopics(stack).create();
            List<byte[]> values = values(topics.serializer());
            try (ClassifierRuntime classifier = StandInModel.startClassifier(
                            topics.classifierConfig(folder.resolve("state"), folder.resolve("store")));
                    OutcomeLog outcomes = new OutcomeLog(stack.clientConfig()).start();
                    EventStream stream = new EventStream(
                                    stack.clientConfig(), FaultTopics.EVENTS, 0, EVENTS, values::get, PAUSE_MILLIS)
                            .start()) {
                await().atMost(Duration.ofMinutes(1)).until(() -> stream.sent() >= STOP_AFTER);
                stop.accept(stack);
                int sentWhenDown = stream.sent();
                int classifiedWhenDown = outcomes.eventsWithOutcome();
                Thread.sleep(OUTAGE.toMillis());
                stack.startBroker();
                long upNanos = System.nanoTime();
                await().atMost(Duration.ofMinutes(2)).until(() -> outcomes.firstArrivalFrom(sentWhenDown) > 0);
                double recoverySeconds = (outcomes.firstArrivalFrom(sentWhenDown) - upNanos) / 1e9;

                stream.awaitAcknowledged();
                await().atMost(Duration.ofMinutes(2)).until(() -> outcomes.eventsWithOutcome() >= EVENTS);
                Thread.sleep(3_000); // a record written twice would show up now

                int lost = outcomes.lost(EVENTS).size();
                int duplicated = outcomes.duplicatedOrUnknown().size();
                int deadLettered = outcomes.deadLetters();
                FaultReport.record(new FaultReport.Row(
                        fault,
                        EVENTS,
                        "broker down after event " + sentWhenDown + " (" + classifiedWhenDown + " classified by then)",
                        lost,
                        duplicated,
                        deadLettered,
                        String.format(
                                "first classification of an event sent during the outage %.1f s after the"
                                        + " broker was healthy again; streams %s",
                                recoverySeconds, classifier.streamsState())));

                assertThat(stream.failures()).as("send failures").isEmpty();
                assertThat(outcomes.lost(EVENTS))
                        .as("events without classification")
                        .isEmpty();
                assertThat(outcomes.duplicatedOrUnknown())
                        .as("duplicated classifications")
                        .isEmpty();
                assertThat(outcomes.counts()).containsExactly(Map.entry(OutcomeLog.CLASSIFIED, EVENTS));
                assertThat(classifier.streamsState()).isEqualTo(KafkaStreams.State.RUNNING);
            }
        }
    }

    /** Serialized before the stream starts, so the registry plays no part in this test. */
    private static List<byte[]> values(ConfluentAvroSerializer<TextEvent> serializer) {
        List<byte[]> values = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            TextEvent event = TextEvent.newBuilder()
                    .setId("event-" + i)
                    .setText(i % 2 == 0 ? "a good day " + i : "a bad day " + i)
                    .setSource("faults")
                    .setEventTime(Instant.now())
                    .build();
            values.add(serializer.serialize(FaultTopics.EVENTS, event));
        }
        return values;
    }
}
