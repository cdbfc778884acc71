package io.streamtune.quality.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ProxyDataTest {

    private static List<SourceSentence> sentences;
    private static Map<String, SourceSentence> byId;

    @BeforeAll
    static void readSentences() throws IOException {
        sentences = SentenceFile.read(Path.of("../../data/uci_sentiment.jsonl"));
        byId = sentences.stream().collect(Collectors.toMap(SourceSentence::id, Function.identity()));
    }

    @Test
    void shouldSplitSixClassIntoAStratifiedSeedOf200TheRestOfTheStreamAndTheTestSplit() {
        ProxyData proxy = Proxy.SIX_CLASS.build(sentences, 1);

        assertThat(proxy.labels())
                .containsExactly("amazon-neg", "amazon-pos", "imdb-neg", "imdb-pos", "yelp-neg", "yelp-pos");
        assertThat(proxy.seed()).hasSize(200);
        assertThat(proxy.stream()).hasSize(2400 - 200);
        assertThat(proxy.test()).hasSize(600);
        assertThat(proxy.allLabelled())
                .allSatisfy(event -> assertThat(source(event).isStream()).isTrue());
        assertThat(proxy.test())
                .allSatisfy(event -> assertThat(source(event).isTest()).isTrue());
        assertThat(proxy.test()).allSatisfy(event -> {
            SourceSentence sentence = source(event);
            assertThat(event.label()).isEqualTo(sentence.domain() + "-" + sentence.polarity());
        });
        assertStratified(proxy.seed(), streamSide(proxy));
        assertThat(proxy.stream()).isEqualTo(inFileOrder(proxy.stream()));
    }

    @Test
    void shouldSplitFewLabelsIntoAStratifiedSeedOf150OfTwoPolarities() {
        ProxyData proxy = Proxy.FEW_LABELS.build(sentences, 1);

        assertThat(proxy.labels()).containsExactly("neg", "pos");
        assertThat(proxy.seed()).hasSize(150);
        assertThat(proxy.stream()).hasSize(2400 - 150);
        assertThat(proxy.test()).hasSize(600);
        assertThat(proxy.test()).allSatisfy(event -> assertThat(event.label())
                .isEqualTo(source(event).polarity()));
        assertStratified(proxy.seed(), streamSide(proxy));
        assertThat(proxy.stream()).isEqualTo(inFileOrder(proxy.stream()));
    }

    @Test
    void shouldMakeBalancedLongDocumentsOfSixToTenSentencesOfOnePolarity() {
        ProxyData proxy = Proxy.LONG.build(sentences, 1);

        assertThat(proxy.labels()).containsExactly("neg", "pos");
        assertThat(proxy.seed()).hasSize(100);
        assertThat(proxy.stream()).hasSize(400);
        assertThat(proxy.test()).hasSize(150);
        assertThat(counts(streamSide(proxy))).containsEntry("neg", 250L).containsEntry("pos", 250L);
        assertThat(counts(proxy.seed())).containsEntry("neg", 50L).containsEntry("pos", 50L);
        assertThat(counts(proxy.test())).containsEntry("neg", 75L).containsEntry("pos", 75L);
        List<ProxyEvent> all = new ArrayList<>(streamSide(proxy));
        all.addAll(proxy.test());
        assertThat(all).allSatisfy(document -> {
            assertThat(document.sources()).hasSizeBetween(6, 10).doesNotHaveDuplicates();
            assertThat(document.sources())
                    .allSatisfy(id -> assertThat(byId.get(id).polarity()).isEqualTo(document.label()));
            String joined =
                    document.sources().stream().map(id -> byId.get(id).text()).collect(Collectors.joining(" "));
            assertThat(document.text()).isEqualTo(joined);
        });
    }

    @Test
    void shouldKeepTestSentencesOutOfEveryStreamSideLongDocument() {
        ProxyData proxy = Proxy.LONG.build(sentences, 1);

        Set<String> streamSideSources = new HashSet<>();
        streamSide(proxy).forEach(document -> streamSideSources.addAll(document.sources()));
        Set<String> testSources = new HashSet<>();
        proxy.test().forEach(document -> testSources.addAll(document.sources()));

        assertThat(streamSideSources)
                .allSatisfy(id -> assertThat(byId.get(id).isStream()).isTrue());
        assertThat(testSources)
                .allSatisfy(id -> assertThat(byId.get(id).isTest()).isTrue());
        assertThat(streamSideSources).doesNotContainAnyElementsOf(testSources);
    }

    @Test
    void shouldGiveEveryEventAUniqueIdNamingItsProxy() {
        for (Proxy task : Proxy.values()) {
            ProxyData proxy = task.build(sentences, 3);
            List<ProxyEvent> all = new ArrayList<>(proxy.allLabelled());
            all.addAll(proxy.test());

            assertThat(all).extracting(ProxyEvent::id).doesNotHaveDuplicates();
            assertThat(all).allSatisfy(event -> assertThat(event.id()).startsWith(task.cliName() + "/"));
        }
    }

    @Test
    void shouldBuildTheSameDataForTheSameSeedAndOtherDataForAnother() {
        for (Proxy task : Proxy.values()) {
            assertThat(task.build(sentences, 7)).isEqualTo(task.build(sentences, 7));
            assertThat(task.build(sentences, 7).seed())
                    .isNotEqualTo(task.build(sentences, 8).seed());
        }
    }

    @Test
    void shouldCapTheStreamToItsFirstEvents() {
        ProxyData proxy = Proxy.FEW_LABELS.build(sentences, 1);

        ProxyData capped = proxy.withStreamCap(300);

        assertThat(capped.stream()).isEqualTo(proxy.stream().subList(0, 300));
        assertThat(capped.seed()).isEqualTo(proxy.seed());
        assertThat(capped.test()).isEqualTo(proxy.test());
        assertThat(proxy.withStreamCap(0)).isEqualTo(proxy);
    }

    @Test
    void shouldParseProxyNames() {
        assertThat(Proxy.parse("all")).containsExactly(Proxy.SIX_CLASS, Proxy.LONG, Proxy.FEW_LABELS);
        assertThat(Proxy.parse("few-labels")).containsExactly(Proxy.FEW_LABELS);
    }

    /** Each label's share of the seed is its share of the stream side, to within one example. */
    private static void assertStratified(List<ProxyEvent> seed, List<ProxyEvent> streamSide) {
        Map<String, Long> inSeed = counts(seed);
        counts(streamSide).forEach((label, count) -> {
            double expected = (double) seed.size() * count / streamSide.size();
            assertThat((double) inSeed.getOrDefault(label, 0L))
                    .as("seed examples of %s", label)
                    .isBetween(expected - 1, expected + 1);
        });
    }

    private static List<ProxyEvent> streamSide(ProxyData proxy) {
        return proxy.allLabelled();
    }

    private static Map<String, Long> counts(List<ProxyEvent> events) {
        return events.stream().collect(Collectors.groupingBy(ProxyEvent::label, Collectors.counting()));
    }

    private static SourceSentence source(ProxyEvent event) {
        return byId.get(event.sources().get(0));
    }

    private static List<ProxyEvent> inFileOrder(List<ProxyEvent> events) {
        List<String> order = sentences.stream().map(SourceSentence::id).toList();
        List<ProxyEvent> sorted = new ArrayList<>(events);
        sorted.sort((a, b) -> Integer.compare(
                order.indexOf(a.sources().get(0)), order.indexOf(b.sources().get(0))));
        return sorted;
    }
}
