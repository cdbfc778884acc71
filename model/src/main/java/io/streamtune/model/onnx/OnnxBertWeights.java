package io.streamtune.model.onnx;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Maps the fp32 initializers of a PyTorch BERT ONNX export to HuggingFace {@code BertModel} parameter
 * names.
 *
 * <p>Most initializers already carry their HuggingFace name. The dense kernels are exported anonymously
 * ({@code onnx::MatMul_NNN}) as input 1 of a {@code MatMul} node whose name is the module path
 * ({@code /encoder/layer.0/attention/self/value/MatMul}); they are stored {@code [in, out]} and are
 * transposed here to HuggingFace's {@code [out, in]}. Initializers that are neither (constants of the
 * graph, non-float tensors) are left out.
 */
public final class OnnxBertWeights {

    private static final String ANONYMOUS_PREFIX = "onnx::";
    private static final String MATMUL = "MatMul";

    private OnnxBertWeights() {}

    /** Returns the weights keyed by HuggingFace name, in the order the export stores them. */
    public static Map<String, WeightTensor> fromGraph(OnnxGraph graph) {
        Map<String, String> kernelNames = kernelNamesByInitializer(graph);
        Map<String, WeightTensor> weights = new LinkedHashMap<>();
        for (OnnxTensor tensor : graph.initializers()) {
            if (tensor.dataType() != OnnxTensor.FLOAT) {
                continue;
            }
            String kernelName = kernelNames.get(tensor.name());
            if (kernelName != null) {
                weights.put(kernelName, tensor.toWeight().transpose());
            } else if (!tensor.name().startsWith(ANONYMOUS_PREFIX)) {
                weights.put(tensor.name(), tensor.toWeight());
            }
        }
        return weights;
    }

    /**
     * Turns a MatMul node's module path into the HuggingFace name of its weight, or returns null if the
     * node name is not a module path: {@code /encoder/layer.0/output/dense/MatMul} becomes {@code
     * encoder.layer.0.output.dense.weight}.
     */
    static String weightNameOf(String nodeName) {
        String suffix = "/" + MATMUL;
        if (!nodeName.startsWith("/") || !nodeName.endsWith(suffix) || nodeName.length() <= suffix.length() + 1) {
            return null;
        }
        String modulePath = nodeName.substring(1, nodeName.length() - suffix.length());
        return modulePath.replace('/', '.') + ".weight";
    }

    private static Map<String, String> kernelNamesByInitializer(OnnxGraph graph) {
        Map<String, String> names = new HashMap<>();
        for (OnnxNode node : graph.nodes()) {
            if (!MATMUL.equals(node.opType()) || node.inputs().size() < 2) {
                continue;
            }
            String kernel = node.inputs().get(1);
            String weightName = weightNameOf(node.name());
            if (kernel.startsWith(ANONYMOUS_PREFIX) && weightName != null) {
                names.put(kernel, weightName);
            }
        }
        return names;
    }
}
