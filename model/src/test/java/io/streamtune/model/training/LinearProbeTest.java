package io.streamtune.model.training;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import io.streamtune.model.base.BuiltInBase;
import io.streamtune.model.bert.BertCheckpoints;
import io.streamtune.model.bert.BertSequenceClassifier;
import io.streamtune.model.bert.Pooling;
import io.streamtune.model.eval.EvaluationReport;
import io.streamtune.model.tokenize.TextTokenizer;
import io.streamtune.model.tokenize.TokenizerConfig;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A new head fitted on frozen MiniLM features classifies sentiment before any fine-tuning step. */
class LinearProbeTest {

    private static final List<String> LABELS = List.of("neg", "pos");

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void shouldFitANewHeadThatClassifiesBeforeFineTuning() throws IOException {
        List<LabeledText> stream = SentimentData.split("stream");
        List<LabeledText> train = stream.subList(0, 160);
        List<LabeledText> holdout = stream.subList(160, 200);
        List<LabeledText> test = SentimentData.split("test").subList(0, 200);
        try (NDManager manager = NDManager.newBaseManager();
                TextTokenizer tokenizer = BuiltInBase.ALL_MINILM_L6_V2.loadTokenizer(TokenizerConfig.windowed(64, 2))) {
            Engine.getInstance().setRandomSeed(7);
            BertSequenceClassifier classifier = BertCheckpoints.newClassifier(
                    BuiltInBase.ALL_MINILM_L6_V2.loadEncoder(manager), 2, Pooling.MEAN, manager);
            BatchPredictor predictor = new BatchPredictor(classifier, tokenizer, 32);
            EvaluationReport drawn = predictor.evaluate(test, LABELS, manager);

            LinearProbe.fitHead(classifier, tokenizer, LABELS, train, holdout, manager);
            EvaluationReport probed = predictor.evaluate(test, LABELS, manager);

            assertThat(drawn.accuracy()).isLessThan(0.7);
            assertThat(probed.accuracy()).isGreaterThan(0.8);
            assertThat(probed.macroF1()).isGreaterThan(0.8);
        }
    }
}
