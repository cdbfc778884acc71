package io.streamtune.model.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import io.streamtune.model.bert.BertCheckpoints;
import io.streamtune.model.bert.BertConfig;
import io.streamtune.model.bert.BertEncoder;
import java.nio.ByteBuffer;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OnnxCheckpointTest {

    private static final BertConfig TINY = new BertConfig(30, 8, 2, 2, 16, 12, 2, 1e-12, 0.1, 0.1);

    @Test
    void shouldLoadEncoderFromOnnxWithConfigInferredFromShapes() {
        try (NDManager manager = NDManager.newBaseManager()) {
            byte[] model = exportOf(randomEncoder(manager), null);

            BertEncoder loaded =
                    BertCheckpoints.fromOnnx(OnnxGraph.read(ByteBuffer.wrap(model)), 2, "tiny.onnx", manager);

            assertThat(loaded.config()).isEqualTo(TINY);
        }
    }

    @Test
    void shouldRefuseOnnxExportMissingATensorNamingIt() {
        try (NDManager manager = NDManager.newBaseManager()) {
            byte[] model = exportOf(randomEncoder(manager), "encoder.layer.1.attention.output.LayerNorm.bias");

            assertThatThrownBy(() ->
                            BertCheckpoints.fromOnnx(OnnxGraph.read(ByteBuffer.wrap(model)), 2, "tiny.onnx", manager))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Missing tensor 'encoder.layer.1.attention.output.LayerNorm.bias' in tiny.onnx");
        }
    }

    private static BertEncoder randomEncoder(NDManager manager) {
        BertEncoder encoder = new BertEncoder(TINY);
        encoder.initialize(manager, 1, 4);
        return encoder;
    }

    /** Writes every parameter as a named fp32 initializer, leaving out {@code skipped}. */
    private static byte[] exportOf(BertEncoder encoder, String skipped) {
        ProtoWriter graph = new ProtoWriter();
        for (Map.Entry<String, Parameter> entry : encoder.namedParameters().entrySet()) {
            if (entry.getKey().equals(skipped)) {
                continue;
            }
            ProtoWriter tensor = new ProtoWriter();
            for (long dim : entry.getValue().getShape().getShape()) {
                tensor.varint(1, dim);
            }
            tensor.varint(2, OnnxTensor.FLOAT).string(8, entry.getKey());
            tensor.floats(9, entry.getValue().getArray().toFloatArray());
            graph.message(5, tensor);
        }
        return new ProtoWriter().message(7, graph).toByteArray();
    }
}
