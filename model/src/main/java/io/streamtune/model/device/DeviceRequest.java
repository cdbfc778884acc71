package io.streamtune.model.device;

/**
 * The device a configuration asks for: {@code auto} (GPU 0 when PyTorch sees a GPU, else the CPU), {@code cpu} or
 * {@code gpu:N}. {@link DeviceSelection} turns it into the device used.
 *
 * @param kind auto, the CPU or one GPU
 * @param gpuIndex the GPU asked for; -1 unless {@code kind} is {@link Kind#GPU}
 */
public record DeviceRequest(Kind kind, int gpuIndex) {

    /** What {@link #parse} accepts, for config documentation. */
    public static final String VALUES = "auto, cpu, gpu:N";

    public static final DeviceRequest AUTO = new DeviceRequest(Kind.AUTO, -1);
    public static final DeviceRequest CPU = new DeviceRequest(Kind.CPU, -1);

    /** The three kinds of request. */
    public enum Kind {
        AUTO,
        CPU,
        GPU
    }

    public DeviceRequest {
        if (kind == null) {
            throw new IllegalArgumentException("kind is required");
        }
        if ((kind == Kind.GPU) != (gpuIndex >= 0) || gpuIndex < -1) {
            throw new IllegalArgumentException("gpuIndex " + gpuIndex + " does not fit " + kind);
        }
    }

    /** GPU number {@code index}. */
    public static DeviceRequest gpu(int index) {
        return new DeviceRequest(Kind.GPU, index);
    }

    /**
     * Parses {@code auto}, {@code cpu} or {@code gpu:N}.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static DeviceRequest parse(String text) {
        if ("auto".equals(text)) {
            return AUTO;
        }
        if ("cpu".equals(text)) {
            return CPU;
        }
        if (text != null && text.matches("gpu:\\d{1,3}")) {
            return gpu(Integer.parseInt(text.substring(4)));
        }
        throw new IllegalArgumentException("must be auto, cpu or gpu:N");
    }

    @Override
    public String toString() {
        return switch (kind) {
            case AUTO -> "auto";
            case CPU -> "cpu";
            case GPU -> "gpu:" + gpuIndex;
        };
    }
}
