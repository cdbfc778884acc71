package io.streamtune.model.onnx;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of an ONNX {@code ModelProto} that hold a model's weights: the graph's initializers, its
 * nodes (to name anonymous initializers) and the names of its inputs and outputs.
 *
 * @param nodes the operators in graph order
 * @param initializers the constant tensors (the weights)
 * @param inputs the names of the graph inputs, initializers excluded where the export lists them
 * @param outputs the names of the graph outputs
 */
public record OnnxGraph(
        List<OnnxNode> nodes, List<OnnxTensor> initializers, List<String> inputs, List<String> outputs) {

    private static final int MODEL_GRAPH = 7;
    private static final int GRAPH_NODE = 1;
    private static final int GRAPH_INITIALIZER = 5;
    private static final int GRAPH_INPUT = 11;
    private static final int GRAPH_OUTPUT = 12;
    private static final int VALUE_INFO_NAME = 1;

    public OnnxGraph {
        nodes = List.copyOf(nodes);
        initializers = List.copyOf(initializers);
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    public static OnnxGraph read(Path file) throws IOException {
        return read(ByteBuffer.wrap(Files.readAllBytes(file)));
    }

    public static OnnxGraph read(InputStream in) throws IOException {
        return read(ByteBuffer.wrap(in.readAllBytes()));
    }

    /** Parses a serialised {@code ModelProto}; the returned tensors share the buffer's memory. */
    public static OnnxGraph read(ByteBuffer modelProto) {
        ProtoReader model = new ProtoReader(modelProto);
        while (model.hasMore()) {
            int tag = model.readTag();
            if (ProtoReader.fieldNumber(tag) == MODEL_GRAPH
                    && ProtoReader.wireType(tag) == ProtoReader.LENGTH_DELIMITED) {
                return readGraph(model.readMessage());
            }
            model.skip(tag);
        }
        throw new IllegalArgumentException("Not an ONNX model: no graph found");
    }

    private static OnnxGraph readGraph(ProtoReader graph) {
        List<OnnxNode> nodes = new ArrayList<>();
        List<OnnxTensor> initializers = new ArrayList<>();
        List<String> inputs = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        while (graph.hasMore()) {
            int tag = graph.readTag();
            switch (ProtoReader.fieldNumber(tag)) {
                case GRAPH_NODE -> nodes.add(OnnxNode.read(graph.readMessage()));
                case GRAPH_INITIALIZER -> initializers.add(OnnxTensor.read(graph.readMessage()));
                case GRAPH_INPUT -> inputs.add(valueName(graph.readMessage()));
                case GRAPH_OUTPUT -> outputs.add(valueName(graph.readMessage()));
                default -> graph.skip(tag);
            }
        }
        List<String> initializerNames =
                initializers.stream().map(OnnxTensor::name).toList();
        inputs.removeAll(initializerNames);
        return new OnnxGraph(nodes, initializers, inputs, outputs);
    }

    private static String valueName(ProtoReader valueInfo) {
        String name = "";
        while (valueInfo.hasMore()) {
            int tag = valueInfo.readTag();
            if (ProtoReader.fieldNumber(tag) == VALUE_INFO_NAME) {
                name = valueInfo.readString();
            } else {
                valueInfo.skip(tag);
            }
        }
        return name;
    }
}
