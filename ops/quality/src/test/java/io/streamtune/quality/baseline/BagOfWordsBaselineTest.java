package io.streamtune.quality.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamtune.model.eval.EvaluationReport;
import io.streamtune.quality.proxy.Proxy;
import io.streamtune.quality.proxy.ProxyData;
import io.streamtune.quality.proxy.ProxyEvent;
import io.streamtune.quality.proxy.SentenceFile;
import io.streamtune.trainer.round.Example;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class BagOfWordsBaselineTest {

    @Test
    void shouldBeatChanceByFarOnSixClassWhenTrainedOnTheWholeStream() throws IOException {
        ProxyData proxy = Proxy.SIX_CLASS.build(SentenceFile.read(Path.of("../../data/uci_sentiment.jsonl")), 1);

        BagOfWordsBaseline baseline = BagOfWordsBaseline.train(examples(proxy.allLabelled()));
        EvaluationReport report = baseline.evaluate(proxy.labels(), examples(proxy.test()));

        // chance is 1/6; measured 0.665 accuracy and 0.663 macro-F1 (seed 1)
        assertThat(report.total()).isEqualTo(600);
        assertThat(report.accuracy()).isGreaterThan(0.60);
        assertThat(report.macroF1()).isGreaterThan(0.60);
    }

    @Test
    void shouldLearnFromUnigramsAndBigrams() {
        List<Example> train = List.of(
                new Example("1", "not good at all", "neg"),
                new Example("2", "not good, sadly", "neg"),
                new Example("3", "good phone, works", "pos"),
                new Example("4", "really good and cheap", "pos"),
                new Example("5", "good grief, not again", "neg"));

        BagOfWordsBaseline baseline = BagOfWordsBaseline.train(train);

        assertThat(baseline.predict(List.of("Not good.", "Good and cheap"))).containsExactly("neg", "pos");
    }

    @Test
    void shouldAnswerTheMostFrequentLabelForATextWithNoKnownWord() {
        List<Example> train = List.of(
                new Example("1", "awful", "neg"), new Example("2", "bad", "neg"), new Example("3", "great", "pos"));

        BagOfWordsBaseline baseline = BagOfWordsBaseline.train(train);

        assertThat(baseline.predict(List.of("zzz qqq", ""))).containsExactly("neg", "neg");
    }

    private static List<Example> examples(List<ProxyEvent> events) {
        return events.stream().map(ProxyEvent::toExample).toList();
    }
}
