package io.streamtune.demo.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamtune.demo.report.ClassifiedEvent;
import io.streamtune.schemas.LabelCorrection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CorrectorTest {

    private static final Instant NOW = Instant.parse("2026-11-27T05:00:00Z");

    private static ClassifiedEvent wrong(int seq) {
        return new ClassifiedEvent(seq, "run/" + seq, "neg", "pos", 1);
    }

    private static List<LabelCorrection> review(Corrector corrector, int count) {
        return IntStream.range(0, count)
                .mapToObj(seq -> corrector.review(wrong(seq), "text " + seq, NOW))
                .flatMap(Optional::stream)
                .toList();
    }

    @Test
    void shouldCorrectEveryWrongPredictionWithTheTrueLabelByEventIdAtShareOne() {
        List<LabelCorrection> corrections = review(new Corrector(1.0, 7), 10);

        assertThat(corrections).hasSize(10);
        LabelCorrection first = corrections.get(0);
        assertThat(first.getEventId()).isEqualTo("run/0");
        assertThat(first.getLabel()).isEqualTo("neg");
        assertThat(first.getPreviousLabel()).isEqualTo("pos");
        assertThat(first.getAnnotator()).isEqualTo(Corrector.ANNOTATOR);
        assertThat(first.getCorrectedTime()).isEqualTo(NOW);
    }

    @Test
    void shouldSendEveryOtherCorrectionWithItsTextAndTheRestByIdOnly() {
        List<LabelCorrection> corrections = review(new Corrector(1.0, 7), 6);

        assertThat(corrections)
                .extracting(LabelCorrection::getText)
                .containsExactly("text 0", null, "text 2", null, "text 4", null);
    }

    @Test
    void shouldNeverCorrectARightPrediction() {
        Corrector corrector = new Corrector(1.0, 7);

        assertThat(corrector.review(new ClassifiedEvent(0, "run/0", "pos", "pos", 1), "fine", NOW))
                .isEmpty();
    }

    @Test
    void shouldCorrectAboutTheShareOfWrongPredictionsAndTheSameOnesForTheSameSeed() {
        List<LabelCorrection> first = review(new Corrector(0.3, 42), 1000);
        List<LabelCorrection> again = review(new Corrector(0.3, 42), 1000);

        assertThat(first.size()).isBetween(250, 350);
        assertThat(again)
                .extracting(LabelCorrection::getEventId)
                .containsExactlyElementsOf(
                        first.stream().map(LabelCorrection::getEventId).toList());
        assertThat(review(new Corrector(0.0, 42), 100)).isEmpty();
    }

    @Test
    void shouldRefuseAShareOutsideZeroToOne() {
        assertThatThrownBy(() -> new Corrector(1.5, 1)).hasMessageContaining("between 0 and 1");
    }
}
