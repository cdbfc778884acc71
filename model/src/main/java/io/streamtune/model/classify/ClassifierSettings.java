package io.streamtune.model.classify;

import ai.djl.Device;
import io.streamtune.model.tokenize.TokenizerConfig;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a {@link DjlTextClassifier} runs.
 *
 * @param device {@code cpu} or {@code gpu:N} (GPU N, which must exist; see model/README.md for the CUDA
 *     set-up)
 * @param maxLength the longest token sequence, special tokens included, in [3, 512]; longer texts keep
 *     their head and tail and are flagged truncated
 * @param batchSize the most texts per forward pass; texts of similar length are grouped
 * @param warmupRuns forward passes made on load, so the first real call is not slow
 */
public record ClassifierSettings(String device, int maxLength, int batchSize, int warmupRuns) {

    private static final Pattern GPU = Pattern.compile("gpu:(\\d+)");

    public ClassifierSettings {
        parseDevice(device);
        if (maxLength < 3 || maxLength > TokenizerConfig.MODEL_MAX_LENGTH) {
            throw new IllegalArgumentException("maxLength must be in [3, 512], got " + maxLength);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
        }
        if (warmupRuns < 0) {
            throw new IllegalArgumentException("warmupRuns must not be negative, got " + warmupRuns);
        }
    }

    /** CPU, maximum length 128, batches of up to 32 texts, two warm-up passes. */
    public static ClassifierSettings defaults() {
        return new ClassifierSettings("cpu", TokenizerConfig.DEFAULT_MAX_LENGTH, 32, 2);
    }

    public ClassifierSettings withDevice(String newDevice) {
        return new ClassifierSettings(newDevice, maxLength, batchSize, warmupRuns);
    }

    public ClassifierSettings withMaxLength(int newMaxLength) {
        return new ClassifierSettings(device, newMaxLength, batchSize, warmupRuns);
    }

    public ClassifierSettings withBatchSize(int newBatchSize) {
        return new ClassifierSettings(device, maxLength, newBatchSize, warmupRuns);
    }

    /** The DJL device of {@link #device()}. */
    public Device djlDevice() {
        return parseDevice(device);
    }

    private static Device parseDevice(String device) {
        if ("cpu".equals(device)) {
            return Device.cpu();
        }
        Matcher gpu = GPU.matcher(device == null ? "" : device);
        if (gpu.matches()) {
            return Device.gpu(Integer.parseInt(gpu.group(1)));
        }
        throw new IllegalArgumentException("device must be 'cpu' or 'gpu:N', got '" + device + "'");
    }
}
