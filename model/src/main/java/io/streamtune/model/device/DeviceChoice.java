package io.streamtune.model.device;

import ai.djl.Device;

/**
 * The device chosen at start-up, and why.
 *
 * @param gpuIndex the GPU chosen, or -1 for the CPU
 * @param reason one sentence saying why, for the log
 */
public record DeviceChoice(int gpuIndex, String reason) {

    public DeviceChoice {
        if (gpuIndex < -1) {
            throw new IllegalArgumentException("gpuIndex must be -1 (cpu) or a GPU number, got " + gpuIndex);
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("reason is required");
        }
    }

    /** The CPU, for this reason. */
    public static DeviceChoice cpu(String reason) {
        return new DeviceChoice(-1, reason);
    }

    /** GPU number {@code index}, for this reason. */
    public static DeviceChoice gpu(int index, String reason) {
        return new DeviceChoice(index, reason);
    }

    public boolean isGpu() {
        return gpuIndex >= 0;
    }

    /** {@code cpu} or {@code gpu:N}, as {@code ClassifierSettings} takes it. */
    public String device() {
        return isGpu() ? "gpu:" + gpuIndex : "cpu";
    }

    /** The DJL device. */
    public Device djlDevice() {
        return isGpu() ? Device.gpu(gpuIndex) : Device.cpu();
    }

    @Override
    public String toString() {
        return device();
    }
}
