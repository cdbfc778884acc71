package io.streamtune.classifier.config;

/**
 * Where inference runs: the CPU, or GPU number {@code gpuIndex}.
 *
 * @param gpuIndex the GPU's index, or -1 for the CPU
 */
public record Device(int gpuIndex) {

    public static final Device CPU = new Device(-1);

    /**
     * Parses {@code cpu} or {@code gpu:N}.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static Device parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("must be cpu or gpu:N");
        }
        if ("cpu".equals(text)) {
            return CPU;
        }
        if (text.matches("gpu:\\d{1,3}")) {
            return new Device(Integer.parseInt(text.substring(4)));
        }
        throw new IllegalArgumentException("must be cpu or gpu:N");
    }

    public boolean isGpu() {
        return gpuIndex >= 0;
    }

    @Override
    public String toString() {
        return isGpu() ? "gpu:" + gpuIndex : "cpu";
    }
}
