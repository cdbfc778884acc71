package io.streamtune.classifier.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.streamtune.model.artifact.FileSystemModelStore;
import io.streamtune.model.artifact.StoredVersion;
import io.streamtune.schemas.Classification;
import io.streamtune.schemas.ModelStatus;
import io.streamtune.testsupport.FaultReport;
import io.streamtune.testsupport.KafkaStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two classifier processes ({@code ClassifierApp.main}, real tiny BERTs from the model store) in one consumer group
 * share a 4-partition input topic under a steady stream; a seeded plan kills one of them with SIGKILL, again and
 * again, and restarts it, while a new model version is promoted and rolls out staggered by instance rank, with one
 * kill inside the roll-out window. Afterwards a read_committed consumer finds every event classified exactly once,
 * nothing dead-lettered, both instances serving v2, and no v1 classification once both served v2.
 */
@Timeout(value = 30, unit = TimeUnit.MINUTES)
class RollingKillIT {

    @RegisterExtension
    static final KafkaStack STACK = new KafkaStack();

    private static final FaultReport.Scale SCALE = FaultReport.scale();
    private static final int EVENTS = SCALE.pick(3_000, 12_000);
    private static final int KILLS = SCALE.pick(4, 12);
    private static final int EVENTS_PER_TICK = 6;
    private static final int PARTITIONS = 4;
    private static final long STAGGER_MS = 2_000;

    /**
     * The plan's seed. 99 kills kill-a, then kill-b in the roll-out window, then kill-b, kill-a at SHORT scale; at
     * FULL it hits each instance six times. Another with {@code -Drollingkill.seed=N}.
     */
    private static final long SEED = Long.getLong("rollingkill.seed", 99L);

    private static final List<String> NAMES = List.of("kill-a", "kill-b");
    private static final Duration STEP_TIMEOUT = Duration.ofMinutes(4);
    private static final Pattern VERSION = Pattern.compile("\"version\":(\\d+)");

    @TempDir
    Path folder;

    private final Map<String, ChildClassifier> children = new LinkedHashMap<>();
    private final ClassificationLedger ledger = new ClassificationLedger();
    private final List<String> killLog = new ArrayList<>();
    private long publishedAt;
    private long streamStartedAt;

    @Test
    void shouldClassifyEveryEventExactlyOnceWhileInstancesAreKilledDuringARollOut() throws Exception {
        KillPlan plan = KillPlan.draw(SEED, EVENTS, KILLS, NAMES.size());
        System.out.println(plan.describe(NAMES));
        try (StreamHarness harness = new StreamHarness(STACK, PARTITIONS)) {
            FileSystemModelStore store = new FileSystemModelStore(folder.resolve("store"));
            StoredVersion v1 = TinyBertVersions.write(store, StreamHarness.MODEL, 1);
            harness.publish(1, ModelStatus.PROMOTED, v1.manifestSha256());
            for (String name : NAMES) {
                children.put(name, new ChildClassifier(config(harness, name), folder, name));
            }
            InstanceMonitor monitor = new InstanceMonitor(children);
            PacedEventStream stream = new PacedEventStream(harness, EVENTS, EVENTS_PER_TICK, EVENTS / 20);
            try (KafkaConsumer<String, Classification> consumer = harness.classifications()) {
                for (ChildClassifier child : children.values()) {
                    child.start();
                }
                await().atMost(Duration.ofMinutes(3)).until(this::allReady);
                monitor.start();
                streamStartedAt = System.currentTimeMillis();
                stream.start(softLimit(plan.steps().get(0), stream));
                for (int i = 0; i < plan.steps().size(); i++) {
                    run(plan.steps().get(i), i + 1, consumer, stream, harness, store);
                    if (i + 1 < plan.steps().size()) {
                        stream.slowDownAfter(softLimit(plan.steps().get(i + 1), stream));
                    }
                }
                stream.release();
                stream.awaitEnd();
                finishAndCheck(consumer, harness, monitor);
            } finally {
                stream.stop();
                monitor.stop();
                stopAll();
            }
        }
    }

    /** Waits for the step's trigger, publishes v2 if it is the roll-out, pauses, kills the victim, restarts it. */
    private void run(
            KillPlan.Step step,
            int number,
            KafkaConsumer<String, Classification> consumer,
            PacedEventStream stream,
            StreamHarness harness,
            FileSystemModelStore store)
            throws Exception {
        await().atMost(STEP_TIMEOUT).until(() -> ledger.read(consumer) >= step.afterClassifications() && allReady());
        if (step.rollOut()) {
            publishV2(harness, store);
        }
        Thread.sleep(step.pauseMillis());
        Map<String, Long> versions = servedVersions();
        if (step.rollOut()) {
            assertThat(versions.values())
                    .as("the roll-out kill comes before both instances serve v2: %s", versions)
                    .anyMatch(version -> version != 2);
        }
        killAndRestart(step, number, ledger.read(consumer), stream.sent(), versions);
    }

    /** Writes v2 (another tiny BERT, seeded by its version) into the store and publishes it PROMOTED. */
    private void publishV2(StreamHarness harness, FileSystemModelStore store) throws IOException {
        StoredVersion v2 = TinyBertVersions.write(store, StreamHarness.MODEL, 2);
        harness.publish(2, ModelStatus.PROMOTED, v2.manifestSha256());
        publishedAt = System.currentTimeMillis();
        System.out.printf(
                "v2 published PROMOTED at %+.1f s, after %d distinct classifications%n",
                (publishedAt - streamStartedAt) / 1000.0, ledger.distinct());
    }

    private void killAndRestart(KillPlan.Step step, int number, int classified, int sent, Map<String, Long> versions)
            throws IOException, InterruptedException {
        String victim = NAMES.get(step.victim());
        ChildClassifier child = children.get(victim);
        long pid = child.pid();
        child.kill();
        double at = (System.currentTimeMillis() - streamStartedAt) / 1000.0;
        System.out.printf(
                "kill -9 #%d at %+.1f s: %s (pid %d, serving v%d) after %d distinct classifications (planned >= %d),"
                        + " %d events sent, %d not yet classified; versions served %s%s%n",
                number,
                at,
                victim,
                pid,
                versions.get(victim),
                classified,
                step.afterClassifications(),
                sent,
                sent - classified,
                versions,
                step.rollOut() ? "; in the roll-out window" : "");
        killLog.add(String.format(
                "%s at %d classifications, %+.0f s%s",
                victim, classified, at, step.rollOut() ? ", roll-out window" : ""));
        child.start();
    }

    /** Waits for every event, stops both instances gracefully, reads everything to the end and checks it. */
    private void finishAndCheck(
            KafkaConsumer<String, Classification> consumer, StreamHarness harness, InstanceMonitor monitor)
            throws Exception {
        await().atMost(STEP_TIMEOUT).until(() -> ledger.read(consumer) >= EVENTS && allReady());
        Map<String, Long> finalVersions = servedVersions();
        stopAll();
        ledger.readToTheEnd(consumer);
        long deadLettered = countDeadLetters(harness);
        printErrorLines();
        reportAndCheck(monitor, finalVersions, deadLettered);
    }

    private void reportAndCheck(InstanceMonitor monitor, Map<String, Long> finalVersions, long deadLettered) {
        long lost = ledger.lost(EVENTS);
        long duplicated = ledger.duplicated();
        long rolledOutAt = monitor.allServingSince(2).orElse(Long.MAX_VALUE);
        long v1AfterRollOut = ledger.classifiedByAfter(1, rolledOutAt + 1_000);
        Map<Long, Long> tailVersions = ledger.versionsOf(EVENTS - EVENTS / 20, EVENTS);
        String notes = notes(monitor, rolledOutAt);
        FaultReport.record(new FaultReport.Row(
                "two classifiers, kill -9 at random during a roll-out v1 -> v2",
                EVENTS,
                KILLS + " x kill -9, each restarted (" + String.join("; ", killLog) + ")",
                lost,
                duplicated,
                deadLettered,
                notes));
        for (String name : NAMES) {
            System.out.printf("%s served: %s%n", name, monitor.versionChanges(name, publishedAt));
        }
        assertThat(ledger.unexpected(EVENTS)).isEmpty();
        assertThat(lost).as("events without a classification").isZero();
        assertThat(duplicated).as("events classified more than once").isZero();
        assertThat(deadLettered).as("dead letters").isZero();
        assertThat(finalVersions)
                .as("versions served at the end")
                .containsOnlyKeys(NAMES)
                .allSatisfy((name, v) -> assertThat(v).isEqualTo(2L));
        assertThat(rolledOutAt).as("both instances seen serving v2").isNotEqualTo(Long.MAX_VALUE);
        assertThat(tailVersions).as("versions of the last events").containsOnlyKeys(2L);
        assertThat(v1AfterRollOut)
                .as("v1 classifications a second after both served v2")
                .isZero();
    }

    private String notes(InstanceMonitor monitor, long rolledOutAt) {
        StringBuilder notes = new StringBuilder(String.format(
                "seed %d, %d partitions, stagger %d ms; classified by version %s; by instance and version %s (the"
                        + " instance that ran the partition's task then);",
                SEED, PARTITIONS, STAGGER_MS, ledger.byVersion(), ledger.byInstanceAndVersion(monitor)));
        for (String name : NAMES) {
            notes.append(' ')
                    .append(name)
                    .append(": ")
                    .append(monitor.howItCameToServe(name, 2, publishedAt))
                    .append(';');
        }
        notes.append(String.format(" both on v2 %+.1f s after v2 was published", (rolledOutAt - publishedAt) / 1000.0));
        return notes.toString();
    }

    private Map<String, String> config(StreamHarness harness, String name) {
        Map<String, String> config =
                harness.classifierConfig(name, folder.resolve(name + "-state"), folder.resolve("store"));
        config.put("model.max.length", "32");
        config.put("reload.stagger.ms", String.valueOf(STAGGER_MS));
        config.put("kafka.consumer.session.timeout.ms", "6000");
        config.put("kafka.consumer.heartbeat.interval.ms", "1000");
        return config;
    }

    /** Full pace until the step's trigger plus a tenth of the stream, so traffic still flows when it comes. */
    private static int softLimit(KillPlan.Step step, PacedEventStream stream) {
        return Math.min(step.afterClassifications() + stream.events() / 10, stream.events());
    }

    private boolean allReady() {
        return children.values().stream().allMatch(ChildClassifier::isReady);
    }

    /** The version each instance serves now ({@code /model}), -1 if it does not answer. */
    private Map<String, Long> servedVersions() throws InterruptedException {
        Map<String, Long> versions = new LinkedHashMap<>();
        for (Map.Entry<String, ChildClassifier> entry : children.entrySet()) {
            long version = -1;
            try {
                Matcher matcher = VERSION.matcher(entry.getValue().model());
                version = matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
            } catch (IOException e) {
                version = -1;
            }
            versions.put(entry.getKey(), version);
        }
        return versions;
    }

    /** The ERROR lines the children logged (over all their lives), for the reader of the test output. */
    private void printErrorLines() throws IOException {
        for (Map.Entry<String, ChildClassifier> entry : children.entrySet()) {
            List<String> errors;
            try (Stream<String> lines = Files.lines(entry.getValue().log())) {
                errors = lines.filter(line -> line.contains(" ERROR ")).toList();
            }
            System.out.printf("%s logged %d ERROR lines%n", entry.getKey(), errors.size());
            errors.stream().limit(5).forEach(line -> System.out.println("  " + line));
        }
    }

    private void stopAll() throws InterruptedException {
        for (ChildClassifier child : children.values()) {
            child.stop();
        }
    }

    private static long countDeadLetters(StreamHarness harness) {
        try (KafkaConsumer<String, byte[]> consumer = harness.deadLetters()) {
            AtomicLong count = new AtomicLong();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> count.incrementAndGet());
                return !consumer.assignment().isEmpty()
                        && consumer.endOffsets(consumer.assignment()).entrySet().stream()
                                .allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
            });
            return count.get();
        }
    }
}
