package io.streamtune.trainer.round;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ReplaySamplerTest {

    private static final List<Example> EARLIER = IntStream.range(0, 100)
            .mapToObj(i -> new Example("e" + i, "text " + i, i % 2 == 0 ? "pos" : "neg"))
            .toList();

    @Test
    void shouldSampleRatioTimesNewCorrections() {
        List<Example> sample = new ReplaySampler(1.5).sample(EARLIER, 10, 7);

        assertThat(sample).hasSize(15).doesNotHaveDuplicates();
        assertThat(EARLIER).containsAll(sample);
    }

    @Test
    void shouldNotSampleMoreThanExists() {
        assertThat(new ReplaySampler(5).sample(EARLIER, 50, 7)).hasSize(100);
        assertThat(new ReplaySampler(0).sample(EARLIER, 50, 7)).isEmpty();
    }

    @Test
    void shouldFillASmallRoundUpWithEarlierExamples() {
        assertThat(new ReplaySampler(3, 80).sample(EARLIER, 10, 7))
                .as("10 new, 30 by the ratio, filled up to 80 in all")
                .hasSize(70)
                .doesNotHaveDuplicates();
        assertThat(new ReplaySampler(3, 500).sample(EARLIER, 10, 7))
                .as("the whole earlier set while it is smaller than the fill")
                .hasSize(100);
        assertThat(new ReplaySampler(3, 80).sample(EARLIER, 25, 7))
                .as("the ratio where it asks for more than the fill")
                .hasSize(75);
    }

    @Test
    void shouldDrawTheSameSampleForTheSameSeedWhateverTheInputOrder() {
        List<Example> shuffled = new ArrayList<>(EARLIER);
        Collections.shuffle(shuffled);

        List<Example> first = new ReplaySampler(1).sample(EARLIER, 20, 42);
        List<Example> second = new ReplaySampler(1).sample(shuffled, 20, 42);
        List<Example> otherSeed = new ReplaySampler(1).sample(EARLIER, 20, 43);

        assertThat(second).isEqualTo(first);
        assertThat(otherSeed).isNotEqualTo(first);
    }
}
