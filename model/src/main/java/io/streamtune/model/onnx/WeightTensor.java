package io.streamtune.model.onnx;

import java.util.Arrays;

/**
 * A dense fp32 tensor in row-major order, independent of any engine.
 *
 * @param shape the dimensions
 * @param values the values, {@code product(shape)} of them
 */
public record WeightTensor(long[] shape, float[] values) {

    public WeightTensor {
        shape = shape.clone();
        long count = Arrays.stream(shape).reduce(1L, Math::multiplyExact);
        if (count != values.length) {
            throw new IllegalArgumentException(
                    "Shape " + Arrays.toString(shape) + " needs " + count + " values, got " + values.length);
        }
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** Returns the transpose of a matrix: [rows, cols] becomes [cols, rows]. */
    public WeightTensor transpose() {
        if (shape.length != 2) {
            throw new IllegalStateException("Only a matrix can be transposed, shape " + Arrays.toString(shape));
        }
        int rows = (int) shape[0];
        int cols = (int) shape[1];
        float[] out = new float[values.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[c * rows + r] = values[r * cols + c];
            }
        }
        return new WeightTensor(new long[] {cols, rows}, out);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WeightTensor that
                && Arrays.equals(shape, that.shape)
                && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "WeightTensor" + Arrays.toString(shape);
    }
}
