package io.streamtune.model.classify;

import ai.djl.Device;
import io.streamtune.model.tokenize.TextWindows;
import io.streamtune.model.tokenize.TokenizerConfig;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a {@link DjlTextClassifier} runs.
 *
 * @param device {@code cpu} or {@code gpu:N} (GPU N, which must exist; {@link
 *     io.streamtune.model.device.DeviceSelection} turns a configured {@code auto} into one of them; see
 *     model/README.md for the CUDA set-up)
 * @param maxLength the longest token sequence, special tokens included, in [3, 512]; longer texts keep
 *     their head and tail and are flagged truncated
 * @param batchSize the most texts per forward pass; texts of similar length are grouped
 * @param warmupRuns forward passes made on load, so the first real call is not slow
 * @param maxWindows the most windows of {@code maxLength} tokens a long text is cut into and scored by (1:
 *     head + tail truncation to one window); see {@link TokenizerConfig}
 * @param windowPooling how the logits of a text's windows are pooled
 */
public record ClassifierSettings(
        String device,
        int maxLength,
        int batchSize,
        int warmupRuns,
        int maxWindows,
        TextWindows.Pooling windowPooling) {

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
        if (maxWindows < 1) {
            throw new IllegalArgumentException("maxWindows must be at least 1, got " + maxWindows);
        }
        if (windowPooling == null) {
            throw new IllegalArgumentException("windowPooling is required");
        }
    }

    /**
     * CPU, windows of 128 tokens, at most {@value TokenizerConfig#DEFAULT_MAX_WINDOWS} per text with mean pooling
     * of their logits, batches of up to 32 windows, two warm-up passes.
     */
    public static ClassifierSettings defaults() {
        return new ClassifierSettings(
                "cpu",
                TokenizerConfig.DEFAULT_MAX_LENGTH,
                32,
                2,
                TokenizerConfig.DEFAULT_MAX_WINDOWS,
                TextWindows.Pooling.MEAN);
    }

    public ClassifierSettings withDevice(String newDevice) {
        return new ClassifierSettings(newDevice, maxLength, batchSize, warmupRuns, maxWindows, windowPooling);
    }

    public ClassifierSettings withMaxLength(int newMaxLength) {
        return new ClassifierSettings(device, newMaxLength, batchSize, warmupRuns, maxWindows, windowPooling);
    }

    public ClassifierSettings withBatchSize(int newBatchSize) {
        return new ClassifierSettings(device, maxLength, newBatchSize, warmupRuns, maxWindows, windowPooling);
    }

    /**
     * @param newMaxWindows the most windows per text
     * @param newPooling how window logits are pooled
     * @return a copy with them
     */
    public ClassifierSettings withWindows(int newMaxWindows, TextWindows.Pooling newPooling) {
        return new ClassifierSettings(device, maxLength, batchSize, warmupRuns, newMaxWindows, newPooling);
    }

    /** @return the tokenizer settings: windows of {@code maxLength}, at most {@code maxWindows} */
    public TokenizerConfig tokenizerConfig() {
        return TokenizerConfig.windowed(maxLength, maxWindows);
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
