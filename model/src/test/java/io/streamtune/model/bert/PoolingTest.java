package io.streamtune.model.bert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class PoolingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldAverageOnlyRealTokensAndTakeFirstTokenForCls() {
        try (NDManager manager = NDManager.newBaseManager()) {
            // batch 1, seq 3, hidden 2; the last position is padding with values that must not count
            NDArray hidden = manager.create(new float[] {1, 2, 3, 4, 100, 200}, new Shape(1, 3, 2));
            NDArray mask = manager.create(new long[] {1, 1, 0}, new Shape(1, 3));

            assertThat(Pooling.MEAN.pool(hidden, mask).toFloatArray()).containsExactly(2f, 3f);
            assertThat(Pooling.CLS.pool(hidden, mask).toFloatArray()).containsExactly(1f, 2f);
            assertThat(Pooling.MEAN.pool(hidden, mask).getShape()).isEqualTo(new Shape(1, 2));
        }
    }

    @Test
    void shouldReadPoolingFromConfigWithMeanAsDefault() throws Exception {
        assertThat(Pooling.fromConfig(JSON.readTree("{\"pooling\": \"cls\"}"))).isEqualTo(Pooling.CLS);
        assertThat(Pooling.fromConfig(JSON.readTree("{}"))).isEqualTo(Pooling.MEAN);
        assertThatThrownBy(() -> Pooling.fromConfig(JSON.readTree("{\"pooling\": \"max\"}")))
                .hasMessageContaining("Unknown pooling 'max'");
    }
}
