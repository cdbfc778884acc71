package io.streamtune.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamtune.demo.loop.DemoClients;
import io.streamtune.demo.loop.StreamedEvent;
import io.streamtune.demo.report.WindowAccuracy;
import io.streamtune.schemas.Classification;
import io.streamtune.schemas.LabelCorrection;
import io.streamtune.schemas.ModelStatus;
import io.streamtune.schemas.ModelVersion;
import io.streamtune.schemas.Topics;
import io.streamtune.stack.LocalStack;
import io.streamtune.stack.Ports;
import io.streamtune.stack.RepositoryRoot;
import io.streamtune.stack.StackConfig;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The demo end to end for real, in a small configuration: its own stack (child processes on free ports), the real
 * MiniLM fine-tuned for version 1, the classifier and trainer in-process, at least one gated round, and the review
 * page ({@code --review}) used by a person beside the simulated one. What it reports is checked against what the
 * topics hold.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class DemoIT {

    private static final int EVENTS = 240;
    private static final int WINDOW = 40;
    private static final int PAGE_LABELS = 6;

    @TempDir
    static Path dataDir;

    @AfterAll
    static void stopTheStack() {
        new LocalStack(StackConfig.fromEnvironment().withDataDir(dataDir.resolve("stack"))).stop();
    }

    @Test
    void shouldClassifyEveryEventOnceRunARoundAndReportWhatTheTopicsHold() throws Exception {
        Path root = RepositoryRoot.locate();
        DemoSettings settings = DemoSettings.builder()
                .setRepositoryRoot(root)
                .optDataFile(root.resolve("data/uci_sentiment.jsonl"))
                .optDataDir(dataDir)
                .optEvents(EVENTS)
                .optRate(12.0)
                .optWindow(WINDOW)
                .optBootstrapSize(64)
                .optBootstrapDomain("yelp")
                .optCorrectShare(1.0)
                .optRoundTrigger(20)
                .optKafkaPort(Ports.freePort())
                .optControllerPort(Ports.freePort())
                .optRegistryPort(Ports.freePort())
                .optKeepStack(true)
                .optReview(true)
                .optReviewPort(Ports.freePort())
                .optEpochs(1)
                .optMaxLength(48)
                .optLearningRate(1e-4)
                .optSeed(42)
                .optReplayRatio(2.0)
                .optGateMetric("macroF1")
                .optTestSize(60)
                .optProgressInterval(Duration.ofSeconds(5))
                .optFinishTimeout(Duration.ofMinutes(2))
                .build();

        PersonOnTheReviewPage person = new PersonOnTheReviewPage(PAGE_LABELS);
        Thread personThread = new Thread(person, "person-on-the-review-page");
        personThread.start();
        DemoResult result;
        try (PrintStream out = new PrintStream(person.watch(System.out), true, StandardCharsets.UTF_8)) {
            result = new Demo(settings, out).run();
        } finally {
            person.stop();
            personThread.join(TimeUnit.SECONDS.toMillis(30));
        }

        DemoClients clients = new DemoClients(result.bootstrapServers(), result.schemaRegistryUrl());
        Set<String> eventIds =
                result.stream().stream().map(StreamedEvent::eventId).collect(Collectors.toSet());
        Map<String, List<Classification>> byEvent = new HashMap<>();
        for (ConsumerRecord<String, Classification> record :
                readAll(clients.consumer("it-classifications", Classification.class), Topics.CLASSIFICATIONS)) {
            if (eventIds.contains(record.key())) {
                byEvent.computeIfAbsent(record.key(), key -> new ArrayList<>()).add(record.value());
            }
        }
        assertEveryEventClassifiedOnce(result, byEvent);
        assertARoundPublishedVersion2AndAPromotedOneWasServed(result, clients);
        assertWindowsMatchTheConsumedClassifications(result, byEvent);
        assertChartsAreWellFormedWithOneMarkPerVersion(result, byEvent);
        assertThePersonsLabelsReachedTheTopicAndTheSummary(result, clients, person);
    }

    private static void assertThePersonsLabelsReachedTheTopicAndTheSummary(
            DemoResult result, DemoClients clients, PersonOnTheReviewPage person) throws Exception {
        assertThat(person.failure()).isEmpty();
        Map<String, String> labelled = person.labelled();
        assertThat(labelled).hasSize(PAGE_LABELS);
        Map<String, LabelCorrection> fromThePage = new HashMap<>();
        for (ConsumerRecord<String, LabelCorrection> record :
                readAll(clients.consumer("it-corrections", LabelCorrection.class), Topics.LABEL_CORRECTIONS)) {
            if (record.value().getAnnotator().equals(DemoReviewPage.USER)) {
                fromThePage.put(record.key(), record.value());
            }
        }
        assertThat(fromThePage.keySet()).containsExactlyInAnyOrderElementsOf(labelled.keySet());
        fromThePage.forEach((eventId, correction) -> {
            assertThat(correction.getLabel()).isEqualTo(labelled.get(eventId));
            assertThat(correction.getModelVersion()).isNotNull();
        });
        assertThat(result.reviewLabels().values().stream()
                        .mapToLong(Long::longValue)
                        .sum())
                .isEqualTo(PAGE_LABELS);
        assertThat(Files.readAllLines(result.files().summary(), StandardCharsets.UTF_8))
                .contains(SummaryText.reviewLine(result.reviewLabels()));
    }

    private static void assertEveryEventClassifiedOnce(DemoResult result, Map<String, List<Classification>> byEvent) {
        assertThat(result.sent()).isEqualTo(EVENTS);
        assertThat(byEvent.keySet())
                .containsExactlyInAnyOrderElementsOf(
                        result.stream().stream().map(StreamedEvent::eventId).toList());
        assertThat(byEvent.values()).allSatisfy(list -> assertThat(list).hasSize(1));
        assertThat(result.duplicates()).isZero();
        assertThat(result.classified()).hasSize(EVENTS);
    }

    private static void assertARoundPublishedVersion2AndAPromotedOneWasServed(DemoResult result, DemoClients clients) {
        Map<Long, ModelStatus> decided = new TreeMap<>();
        for (ConsumerRecord<String, ModelVersion> record :
                readAll(clients.consumer("it-versions", ModelVersion.class), Topics.MODEL_VERSIONS)) {
            ModelVersion version = record.value();
            if (version.getModelName().equals(result.modelName()) && version.getStatus() != ModelStatus.CANDIDATE) {
                decided.put(version.getVersion(), version.getStatus());
            }
        }
        assertThat(decided).containsEntry(1L, ModelStatus.PROMOTED).containsKey(2L);
        assertThat(decided.get(2L)).isIn(ModelStatus.PROMOTED, ModelStatus.REJECTED);
        assertThat(result.decisions()).anyMatch(decision -> decision.version() == 2);
        long newestPromoted = decided.entrySet().stream()
                .filter(entry -> entry.getValue() == ModelStatus.PROMOTED)
                .mapToLong(Map.Entry::getKey)
                .max()
                .orElseThrow();
        assertThat(result.servedAtEnd()).isEqualTo(newestPromoted);
    }

    private static void assertWindowsMatchTheConsumedClassifications(
            DemoResult result, Map<String, List<Classification>> byEvent) throws Exception {
        Map<Integer, int[]> expected = new TreeMap<>();
        for (StreamedEvent event : result.stream()) {
            Classification classification = byEvent.get(event.eventId()).get(0);
            int[] counts = expected.computeIfAbsent(event.seq() / WINDOW, key -> new int[2]);
            counts[0] += classification.getLabel().equals(event.example().label()) ? 1 : 0;
            counts[1]++;
        }
        assertThat(result.windows()).hasSize(expected.size());
        List<String> summary = Files.readAllLines(result.files().summary(), StandardCharsets.UTF_8);
        for (WindowAccuracy window : result.windows()) {
            int[] counts = expected.get(window.from() / WINDOW);
            assertThat(new int[] {window.correct(), window.total()}).containsExactly(counts);
            String line = String.format(
                    Locale.ROOT,
                    "    %-13s %.3f",
                    window.from() + "-" + (window.to() - 1),
                    counts[0] / (double) counts[1]);
            assertThat(summary).anyMatch(text -> text.startsWith(line));
        }
    }

    private static void assertChartsAreWellFormedWithOneMarkPerVersion(
            DemoResult result, Map<String, List<Classification>> byEvent) throws Exception {
        BufferedImage png = ImageIO.read(result.files().png().toFile());
        assertThat(png).isNotNull();
        assertThat(png.getWidth()).isPositive();
        String html = Files.readString(result.files().html(), StandardCharsets.UTF_8);
        String svg = html.substring(html.indexOf("<svg"), html.indexOf("</svg>") + "</svg>".length());
        NodeList lines = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)))
                .getElementsByTagName("line");
        List<String> marks = new ArrayList<>();
        for (int i = 0; i < lines.getLength(); i++) {
            Element line = (Element) lines.item(i);
            if (line.getAttribute("class").equals("version-mark")) {
                marks.add(line.getAttribute("data-version"));
            }
        }
        Set<String> servedVersions = byEvent.values().stream()
                .map(list -> Long.toString(list.get(0).getModelVersion()))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(marks).hasSameSizeAs(servedVersions).containsExactlyInAnyOrderElementsOf(servedVersions);
    }

    /** Everything committed in the topic, read from the beginning up to the end offsets of now. */
    private static <T extends SpecificRecord> List<ConsumerRecord<String, T>> readAll(
            KafkaConsumer<String, T> consumer, String topic) {
        try (consumer) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, T>> records = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))
                    && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }
}
