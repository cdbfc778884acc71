package io.streamtune.model.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.streamtune.model.base.BuiltInBase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.Map;

/** The reference: ONNX Runtime running a BERT ONNX export, returning {@code last_hidden_state}. */
public final class OnnxRuntimeEncoder implements AutoCloseable {

    private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
    private final OrtSession session;

    /**
     * Creates a session.
     *
     * @param model the serialised ONNX model
     * @param threads intra-op threads
     * @param spinning whether idle intra-op threads spin (ONNX Runtime's default) or sleep at once, as
     *     libgomp does under {@code OMP_WAIT_POLICY=PASSIVE}
     */
    public OnnxRuntimeEncoder(byte[] model, int threads, boolean spinning) throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(threads);
        options.addConfigEntry("session.intra_op.allow_spinning", spinning ? "1" : "0");
        options.setInterOpNumThreads(1);
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        session = environment.createSession(model, options);
    }

    /** A built-in base's own ONNX export. */
    public static OnnxRuntimeEncoder of(BuiltInBase base, int threads, boolean spinning)
            throws OrtException, IOException {
        try (InputStream in = base.openOnnx()) {
            return new OnnxRuntimeEncoder(in.readAllBytes(), threads, spinning);
        }
    }

    /**
     * Runs the model on a padded batch.
     *
     * @param ids (batch, seq) token ids, row-major
     * @param mask (batch, seq) attention mask, row-major
     * @return (batch, seq, hidden) last hidden state, row-major
     */
    public float[] lastHiddenState(long[] ids, long[] mask, int batch, int seq) throws OrtException {
        long[] shape = {batch, seq};
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape));
            inputs.put("attention_mask", OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape));
            if (session.getInputNames().contains("token_type_ids")) {
                inputs.put(
                        "token_type_ids",
                        OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[ids.length]), shape));
            }
            try (OrtSession.Result result = session.run(inputs)) {
                FloatBuffer values = ((OnnxTensor) result.get(0)).getFloatBuffer();
                float[] out = new float[values.remaining()];
                values.get(out);
                return out;
            }
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
