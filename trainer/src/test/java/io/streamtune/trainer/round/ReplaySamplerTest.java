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
