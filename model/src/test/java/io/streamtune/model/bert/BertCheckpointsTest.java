package io.streamtune.model.bert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BertCheckpointsTest {

    private NDManager manager;

    @BeforeEach
    void openManager() {
        Engine.getInstance().setRandomSeed(7);
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void closeManager() {
        manager.close();
    }

    @Test
    void shouldRoundTripClassifierThroughSafetensorsByHuggingFaceName(@TempDir Path dir) throws Exception {
        BertSequenceClassifier original = randomClassifier(3, Pooling.MEAN);
        Path file = dir.resolve(BertCheckpoints.WEIGHTS_FILE);

        BertCheckpoints.saveClassifier(original, file);
        BertSequenceClassifier loaded =
                BertCheckpoints.loadClassifier(file, original.config(), 3, Pooling.MEAN, manager);

        assertThat(loaded.namedParameters().keySet())
                .containsExactlyElementsOf(original.namedParameters().keySet())
                .contains("bert.encoder.layer.1.attention.self.query.weight", "classifier.weight");
        assertThat(logits(loaded).toFloatArray())
                .containsExactly(logits(original).toFloatArray());
    }

    @Test
    void shouldGiveProbabilitiesThatSumToOneForEveryLabel() {
        BertSequenceClassifier classifier = randomClassifier(4, Pooling.CLS);

        NDArray scores = BertSequenceClassifier.scores(logits(classifier));

        assertThat(scores.getShape()).isEqualTo(new Shape(2, 4));
        for (float sum : scores.sum(new int[] {1}).toFloatArray()) {
            assertThat((double) sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
        }
    }

    @Test
    void shouldLoadHuggingFaceFolderWithBertPrefixedNames(@TempDir Path dir) throws Exception {
        BertSequenceClassifier original = randomClassifier(2, Pooling.CLS);
        Files.writeString(
                dir.resolve(BertCheckpoints.CONFIG_FILE),
                original.config().toJson().toString());
        BertCheckpoints.saveClassifier(original, dir.resolve(BertCheckpoints.WEIGHTS_FILE));

        BertEncoder encoder = BertCheckpoints.loadEncoder(dir, manager);

        assertThat(hidden(encoder).toFloatArray())
                .containsExactly(hidden(original.encoder()).toFloatArray());
    }

    @Test
    void shouldRefuseCheckpointMissingATensorNamingIt(@TempDir Path dir) throws Exception {
        BertSequenceClassifier original = randomClassifier(2, Pooling.CLS);
        Map<String, Parameter> partial = new LinkedHashMap<>(original.namedParameters());
        partial.remove("bert.encoder.layer.1.output.dense.bias");
        Path file = dir.resolve(BertCheckpoints.WEIGHTS_FILE);
        try (OutputStream out = Files.newOutputStream(file)) {
            BertWeights.writeSafetensors(partial, out);
        }

        assertThatThrownBy(() -> BertCheckpoints.loadClassifier(file, original.config(), 2, Pooling.CLS, manager))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Missing tensor 'bert.encoder.layer.1.output.dense.bias'");
    }

    @Test
    void shouldWidenHalfPrecisionCheckpointToFloat32(@TempDir Path dir) throws Exception {
        BertSequenceClassifier original = randomClassifier(2, Pooling.MEAN);
        NDList half = new NDList();
        original.namedParameters().forEach((name, parameter) -> {
            NDArray narrowed = parameter.getArray().toType(DataType.FLOAT16, true);
            narrowed.setName(name);
            half.add(narrowed);
        });
        Path file = dir.resolve(BertCheckpoints.WEIGHTS_FILE);
        try (OutputStream out = Files.newOutputStream(file)) {
            half.encode(out, NDList.Encoding.SAFETENSORS);
        }

        BertSequenceClassifier loaded =
                BertCheckpoints.loadClassifier(file, original.config(), 2, Pooling.MEAN, manager);

        float[] expected = logits(original).toFloatArray();
        float[] actual = logits(loaded).toFloatArray();
        for (int i = 0; i < expected.length; i++) {
            assertThat((double) actual[i]).isCloseTo(expected[i], org.assertj.core.data.Offset.offset(1e-2));
        }
    }

    private BertSequenceClassifier randomClassifier(int labels, Pooling pooling) {
        BertEncoder encoder = new BertEncoder(BertConfigTest.tiny());
        encoder.initialize(manager, 1, 8);
        return BertCheckpoints.newClassifier(encoder, labels, pooling, manager);
    }

    private NDList tokens() {
        Shape shape = new Shape(2, 5);
        return new NDList(
                manager.create(new long[] {2, 7, 9, 11, 3, 2, 8, 3, 0, 0}, shape),
                manager.create(new long[] {1, 1, 1, 1, 1, 1, 1, 1, 0, 0}, shape));
    }

    private NDArray logits(BertSequenceClassifier classifier) {
        return classifier
                .forward(new ParameterStore(manager, false), tokens(), false)
                .singletonOrThrow();
    }

    private NDArray hidden(BertEncoder encoder) {
        return encoder.forward(new ParameterStore(manager, false), tokens(), false)
                .singletonOrThrow();
    }
}
