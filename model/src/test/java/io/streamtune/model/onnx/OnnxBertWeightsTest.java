package io.streamtune.model.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamtune.model.base.BuiltInBase;
import java.nio.ByteBuffer;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OnnxBertWeightsTest {

    @Test
    void shouldNameAnonymousKernelAfterItsMatMulNodeAndTransposeIt() {
        ProtoWriter kernel = tensor("onnx::MatMul_7", new long[] {2, 3}).floats(9, 1, 2, 3, 4, 5, 6);
        ProtoWriter bias =
                tensor("encoder.layer.0.output.dense.bias", new long[] {3}).floats(9, 7, 8, 9);
        ProtoWriter node = new ProtoWriter()
                .string(1, "hidden")
                .string(1, "onnx::MatMul_7")
                .string(2, "out")
                .string(3, "/encoder/layer.0/output/dense/MatMul")
                .string(4, "MatMul");
        ProtoWriter graph = new ProtoWriter()
                .message(1, node)
                .message(5, kernel)
                .message(5, bias)
                .message(11, new ProtoWriter().string(1, "input_ids"))
                .message(12, new ProtoWriter().string(1, "last_hidden_state"));
        byte[] model = new ProtoWriter().varint(1, 8).message(7, graph).toByteArray();

        OnnxGraph parsed = OnnxGraph.read(ByteBuffer.wrap(model));
        Map<String, WeightTensor> weights = OnnxBertWeights.fromGraph(parsed);

        assertThat(parsed.inputs()).containsExactly("input_ids");
        assertThat(parsed.outputs()).containsExactly("last_hidden_state");
        assertThat(weights)
                .containsOnlyKeys("encoder.layer.0.output.dense.weight", "encoder.layer.0.output.dense.bias");
        WeightTensor transposed = weights.get("encoder.layer.0.output.dense.weight");
        assertThat(transposed.shape()).containsExactly(3, 2);
        assertThat(transposed.values()).containsExactly(1, 4, 2, 5, 3, 6);
        assertThat(weights.get("encoder.layer.0.output.dense.bias").values()).containsExactly(7, 8, 9);
    }

    @Test
    void shouldReadPackedFloatDataAsWellAsRawData() {
        ProtoWriter packed = new ProtoWriter()
                .varint(1, 2)
                .varint(2, OnnxTensor.FLOAT)
                .floats(4, 0.5f, -1f)
                .string(8, "w");
        OnnxTensor tensor = OnnxTensor.read(new ProtoReader(ByteBuffer.wrap(packed.toByteArray())));

        assertThat(tensor.toWeight().values()).containsExactly(0.5f, -1f);
    }

    @Test
    void shouldTurnModulePathIntoHuggingFaceWeightName() {
        assertThat(OnnxBertWeights.weightNameOf("/encoder/layer.11/attention/self/query/MatMul"))
                .isEqualTo("encoder.layer.11.attention.self.query.weight");
        assertThat(OnnxBertWeights.weightNameOf("MatMul_42")).isNull();
    }

    @Test
    void shouldRefuseTruncatedMessage() {
        byte[] truncated = {(byte) 0x3A, 0x10, 0x01};

        assertThatThrownBy(() -> OnnxGraph.read(ByteBuffer.wrap(truncated)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exceeds the message");
    }

    @Test
    void shouldMapEveryMiniLmWeightToItsHuggingFaceName() {
        Map<String, WeightTensor> weights = OnnxBertWeights.fromGraph(BuiltInBase.ALL_MINILM_L6_V2.readGraph());

        assertThat(weights).hasSize(5 + 6 * 16);
        assertThat(weights.keySet()).noneMatch(name -> name.startsWith("onnx::"));
        assertThat(weights.get("embeddings.word_embeddings.weight").shape()).containsExactly(30522, 384);
        assertThat(weights.get("encoder.layer.5.attention.self.query.weight").shape())
                .containsExactly(384, 384);
        assertThat(weights.get("encoder.layer.0.intermediate.dense.weight").shape())
                .containsExactly(1536, 384);
        assertThat(weights.get("encoder.layer.0.output.dense.weight").shape()).containsExactly(384, 1536);
        assertThat(weights.get("encoder.layer.3.output.LayerNorm.weight").shape())
                .containsExactly(384);
    }

    private static ProtoWriter tensor(String name, long[] dims) {
        ProtoWriter tensor = new ProtoWriter();
        for (long dim : dims) {
            tensor.varint(1, dim);
        }
        return tensor.varint(2, OnnxTensor.FLOAT).string(8, name);
    }
}
