package io.streamtune.model.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One initializer of an ONNX graph ({@code TensorProto}) as stored: name, element type, dimensions and
 * either {@code raw_data} or {@code float_data}.
 */
public final class OnnxTensor {

    /** The {@code TensorProto.DataType} code of 32-bit floats. */
    public static final int FLOAT = 1;

    private static final int EXTERNAL = 1;

    private final String name;
    private final int dataType;
    private final long[] dims;
    private final ByteBuffer rawData;
    private final float[] floatData;
    private final boolean external;

    private OnnxTensor(
            String name, int dataType, long[] dims, ByteBuffer rawData, float[] floatData, boolean external) {
        this.name = name;
        this.dataType = dataType;
        this.dims = dims;
        this.rawData = rawData;
        this.floatData = floatData;
        this.external = external;
    }

    public String name() {
        return name;
    }

    public int dataType() {
        return dataType;
    }

    public long[] dims() {
        return dims.clone();
    }

    /** Decodes the values as fp32 in row-major order, refusing other types and external data. */
    public WeightTensor toWeight() {
        if (dataType != FLOAT) {
            throw new IllegalArgumentException("ONNX tensor '" + name + "' has data type " + dataType + ", not fp32");
        }
        if (external) {
            throw new IllegalArgumentException("ONNX tensor '" + name + "' keeps its data in an external file");
        }
        long count = Arrays.stream(dims).reduce(1L, Math::multiplyExact);
        float[] values;
        if (rawData != null) {
            values = new float[Math.toIntExact(count)];
            rawData.duplicate().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        } else {
            values = floatData;
        }
        if (values.length != count) {
            throw new IllegalArgumentException(
                    "ONNX tensor '" + name + "' holds " + values.length + " values for shape " + Arrays.toString(dims));
        }
        return new WeightTensor(dims, values);
    }

    static OnnxTensor read(ProtoReader reader) {
        String name = "";
        int dataType = 0;
        List<Long> dims = new ArrayList<>();
        ByteBuffer raw = null;
        float[] floats = new float[0];
        boolean external = false;
        while (reader.hasMore()) {
            int tag = reader.readTag();
            switch (ProtoReader.fieldNumber(tag)) {
                case 1 -> readInt64s(reader, tag, dims);
                case 2 -> dataType = (int) reader.readVarint();
                case 4 -> floats = readFloats(reader, tag, floats);
                case 8 -> name = reader.readString();
                case 9 -> raw = reader.readBytes();
                case 14 -> external = reader.readVarint() == EXTERNAL;
                default -> reader.skip(tag);
            }
        }
        long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
        return new OnnxTensor(name, dataType, shape, raw, floats, external);
    }

    private static void readInt64s(ProtoReader reader, int tag, List<Long> out) {
        if (ProtoReader.wireType(tag) == ProtoReader.LENGTH_DELIMITED) {
            ProtoReader packed = reader.readMessage();
            while (packed.hasMore()) {
                out.add(packed.readVarint());
            }
        } else {
            out.add(reader.readVarint());
        }
    }

    private static float[] readFloats(ProtoReader reader, int tag, float[] sofar) {
        if (ProtoReader.wireType(tag) != ProtoReader.LENGTH_DELIMITED) {
            float[] grown = Arrays.copyOf(sofar, sofar.length + 1);
            grown[sofar.length] = reader.readFloat();
            return grown;
        }
        ByteBuffer packed = reader.readBytes();
        float[] grown = Arrays.copyOf(sofar, sofar.length + packed.remaining() / Float.BYTES);
        packed.asFloatBuffer().get(grown, sofar.length, packed.remaining() / Float.BYTES);
        return grown;
    }
}
