package io.streamtune.model.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import io.streamtune.model.onnx.OnnxBertWeights;
import io.streamtune.model.onnx.OnnxGraph;
import io.streamtune.model.onnx.WeightTensor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Moves tensors between checkpoints (safetensors, ONNX) and blocks, by HuggingFace parameter name.
 *
 * <p>Checkpoint names may carry the {@code bert.} prefix of HuggingFace task models; it is dropped on
 * reading, so {@code bert.encoder.layer.0.output.dense.bias} fills {@code
 * encoder.layer.0.output.dense.bias}. Names the target does not know (a pooler, {@code position_ids})
 * are ignored; a name the target needs and the checkpoint lacks is refused.
 */
public final class BertWeights {

    static final String BERT_PREFIX = "bert.";

    private BertWeights() {}

    /** Reads a safetensors file into arrays keyed by tensor name, attached to {@code manager}. */
    public static Map<String, NDArray> readSafetensors(Path file, NDManager manager) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            NDList tensors = NDList.decode(manager, in);
            Map<String, NDArray> byName = new LinkedHashMap<>();
            for (NDArray tensor : tensors) {
                byName.put(tensor.getName(), tensor);
            }
            return byName;
        }
    }

    /** Creates arrays, attached to {@code manager}, from the HuggingFace-named weights of an ONNX graph. */
    public static Map<String, NDArray> fromOnnx(OnnxGraph graph, NDManager manager) {
        Map<String, NDArray> arrays = new LinkedHashMap<>();
        for (Map.Entry<String, WeightTensor> entry :
                OnnxBertWeights.fromGraph(graph).entrySet()) {
            WeightTensor weight = entry.getValue();
            NDArray array = manager.create(weight.values(), new Shape(weight.shape()));
            array.setName(entry.getKey());
            arrays.put(entry.getKey(), array);
        }
        return arrays;
    }

    /** The shapes of named arrays, for {@link BertConfig#fromWeightShapes}. */
    public static Map<String, long[]> shapes(Map<String, NDArray> arrays) {
        Map<String, long[]> shapes = new LinkedHashMap<>();
        arrays.forEach(
                (name, array) -> shapes.put(stripPrefix(name), array.getShape().getShape()));
        return shapes;
    }

    /**
     * Sets every target parameter from the tensor of the same name (the {@code bert.} prefix ignored on
     * both sides), refusing a missing tensor or a shape
     * mismatch with a message that names the tensor. Targets must not be initialised yet.
     */
    public static void assign(Map<String, Parameter> targets, Map<String, NDArray> tensors, String source) {
        Map<String, NDArray> byName = new LinkedHashMap<>();
        tensors.forEach((name, array) -> byName.put(stripPrefix(name), array));
        for (Map.Entry<String, Parameter> target : targets.entrySet()) {
            NDArray tensor = byName.get(stripPrefix(target.getKey()));
            if (tensor == null) {
                throw new IllegalArgumentException("Missing tensor '" + target.getKey() + "' in " + source);
            }
            Shape expected = target.getValue().getShape();
            if (expected != null && !expected.equals(tensor.getShape())) {
                throw new IllegalArgumentException("Tensor '" + target.getKey() + "' in " + source + " has shape "
                        + tensor.getShape() + ", expected " + expected);
            }
            target.getValue().setArray(asFloat32(tensor));
        }
    }

    /** Writes parameters as safetensors, each tensor named by its key. Parameters stay as they are. */
    public static void writeSafetensors(Map<String, Parameter> parameters, OutputStream out) throws IOException {
        NDList list = new NDList();
        for (Map.Entry<String, Parameter> entry : parameters.entrySet()) {
            NDArray array = entry.getValue().getArray();
            array.setName(entry.getKey());
            list.add(array);
        }
        list.encode(out, NDList.Encoding.SAFETENSORS);
    }

    /** Half-precision checkpoints (fp16, bf16) are widened: the encoder computes in fp32. */
    private static NDArray asFloat32(NDArray tensor) {
        if (tensor.getDataType() == DataType.FLOAT32) {
            return tensor;
        }
        if (!tensor.getDataType().isFloating()) {
            throw new IllegalArgumentException(
                    "Tensor '" + tensor.getName() + "' is " + tensor.getDataType() + ", not a floating-point weight");
        }
        NDArray widened = tensor.toType(DataType.FLOAT32, false);
        widened.setName(tensor.getName());
        return widened;
    }

    static String stripPrefix(String name) {
        return name.startsWith(BERT_PREFIX) ? name.substring(BERT_PREFIX.length()) : name;
    }
}
