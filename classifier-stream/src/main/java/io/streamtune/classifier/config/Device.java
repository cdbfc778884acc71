package io.streamtune.classifier.config;

/**
 * The inference device asked for: {@code auto}, the CPU, or GPU number {@code gpuIndex}. The engine package chooses
 * the device used from it at start-up (the model module's {@code DeviceRequest} and {@code DeviceSelection}, which
 * this package does not import: only the engine package knows the model module).
 *
 * @param gpuIndex the GPU's index, {@code -1} for the CPU, {@code -2} for auto
 */
public record Device(int gpuIndex) {

    public static final Device AUTO = new Device(-2);
    public static final Device CPU = new Device(-1);

    public Device {
        if (gpuIndex < -2) {
            throw new IllegalArgumentException("gpuIndex must be -2 (auto), -1 (cpu) or a GPU, got " + gpuIndex);
        }
    }

    /**
     * Parses {@code auto}, {@code cpu} or {@code gpu:N}.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static Device parse(String text) {
        if ("auto".equals(text)) {
            return AUTO;
        }
        if ("cpu".equals(text)) {
            return CPU;
        }
        if (text != null && text.matches("gpu:\\d{1,3}")) {
            return new Device(Integer.parseInt(text.substring(4)));
        }
        throw new IllegalArgumentException("must be auto, cpu or gpu:N");
    }

    /** GPU 0 when PyTorch sees a GPU, else the CPU. */
    public boolean isAuto() {
        return gpuIndex == AUTO.gpuIndex;
    }

    /** A GPU named outright ({@code gpu:N}). */
    public boolean isGpu() {
        return gpuIndex >= 0;
    }

    @Override
    public String toString() {
        if (isAuto()) {
            return "auto";
        }
        return isGpu() ? "gpu:" + gpuIndex : "cpu";
    }
}
