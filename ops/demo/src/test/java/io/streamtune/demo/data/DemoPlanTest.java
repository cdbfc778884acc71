package io.streamtune.demo.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoPlanTest {

    private static List<LabelledText> examples() {
        List<LabelledText> examples = new ArrayList<>();
        String[] domains = {"yelp", "imdb", "amazon"};
        for (int order = 0; order < 30; order++) {
            String domain = domains[order % 3];
            examples.add(new LabelledText(domain + "/" + order, "text " + order, "pos", domain, "stream", order));
        }
        for (int order = 0; order < 5; order++) {
            examples.add(new LabelledText("test/" + order, "t", "neg", "imdb", "test", order));
        }
        return examples;
    }

    @Test
    void shouldBootstrapOnTheFirstExamplesOfTheDomainAndStreamEverythingElseInOrder() {
        DemoPlan plan = DemoPlan.of(examples(), "yelp", 4, 100, 3);

        assertThat(plan.bootstrap()).extracting(LabelledText::order).containsExactly(0, 3, 6, 9);
        assertThat(plan.stream()).hasSize(26);
        assertThat(plan.stream()).doesNotContainAnyElementsOf(plan.bootstrap());
        assertThat(plan.stream()).extracting(LabelledText::order).isSorted();
        assertThat(plan.test()).hasSize(3).allMatch(example -> example.split().equals("test"));
    }

    @Test
    void shouldCutTheStreamToTheEventsAskedForAndTakeAnyDomainForAll() {
        DemoPlan plan = DemoPlan.of(examples(), DemoPlan.ALL_DOMAINS, 5, 7, 0);

        assertThat(plan.bootstrap()).extracting(LabelledText::order).containsExactly(0, 1, 2, 3, 4);
        assertThat(plan.stream()).extracting(LabelledText::order).containsExactly(5, 6, 7, 8, 9, 10, 11);
        assertThat(plan.test()).isEmpty();
    }

    @Test
    void shouldSayWhenTheDomainHasTooFewExamples() {
        assertThatThrownBy(() -> DemoPlan.of(examples(), "yelp", 11, 10, 0))
                .hasMessageContaining("only 10 examples of domain yelp");
    }

    @Test
    void shouldNameTheFileAndLineOfABadLine() {
        Path file = Path.of("data.jsonl");

        assertThatThrownBy(() -> SentimentData.parse("{\"id\":\"a\",\"text\":\"t\"}", file, 7))
                .hasMessage("data.jsonl:7: no integer field 'order'");
        assertThatThrownBy(() -> SentimentData.parse("{\"id\":\"a\",\"order\":1}", file, 8))
                .hasMessage("data.jsonl:8: no text field 'text'");
        assertThatThrownBy(() -> SentimentData.parse("not json", file, 9))
                .hasMessageStartingWith("data.jsonl:9: not JSON");
    }

    @Test
    void shouldReadTheRealDataFileWithBothSplits() throws Exception {
        List<LabelledText> all = SentimentData.read(Path.of("../../data/uci_sentiment.jsonl"));

        assertThat(all).hasSize(3000);
        assertThat(all.stream().filter(example -> example.split().equals("test")))
                .hasSize(600);
    }
}
