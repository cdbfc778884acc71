package io.streamtune.model.onnx;

import java.util.List;

/**
 * One operator of an ONNX graph ({@code NodeProto}): only what weight naming needs.
 *
 * @param name the node name; PyTorch exports put the module path here, e.g. {@code
 *     /encoder/layer.0/attention/self/query/MatMul}
 * @param opType the operator, e.g. {@code MatMul}
 * @param inputs the names of its input values, in order
 * @param outputs the names of its output values, in order
 */
public record OnnxNode(String name, String opType, List<String> inputs, List<String> outputs) {

    public OnnxNode {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    static OnnxNode read(ProtoReader reader) {
        String name = "";
        String opType = "";
        List<String> inputs = new java.util.ArrayList<>();
        List<String> outputs = new java.util.ArrayList<>();
        while (reader.hasMore()) {
            int tag = reader.readTag();
            switch (ProtoReader.fieldNumber(tag)) {
                case 1 -> inputs.add(reader.readString());
                case 2 -> outputs.add(reader.readString());
                case 3 -> name = reader.readString();
                case 4 -> opType = reader.readString();
                default -> reader.skip(tag);
            }
        }
        return new OnnxNode(name, opType, inputs, outputs);
    }
}
