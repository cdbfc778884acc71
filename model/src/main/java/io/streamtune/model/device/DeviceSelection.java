package io.streamtune.model.device;

import ai.djl.engine.Engine;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the device once, at start-up, from what the configuration asks for and the GPUs PyTorch sees. {@code cpu}
 * is the CPU. {@code auto} is GPU 0 when there is a GPU, else the CPU. {@code gpu:N} is GPU N when it exists; when it
 * does not, the CPU, unless the required key is true, which refuses to start. With {@code auto} the required key
 * refuses to start when there is no GPU at all. The choice is logged once: at WARN when it was not stated outright
 * ({@code auto}, or a fallback to the CPU), else at INFO.
 */
public final class DeviceSelection {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceSelection.class);

    private static final String NO_GPU_HINT =
            "see model/README.md; DJL's logger ai.djl.util.cuda.CudaUtils at WARN" + " says why it found none";

    private final String deviceKey;
    private final String requiredKey;
    private final IntSupplier gpuCount;

    /**
     * @param deviceKey the key of the request, named in the log and in errors
     * @param requiredKey the key that forbids the CPU fallback, named in the log and in errors
     * @param gpuCount how many GPUs PyTorch sees; asked only when the request is not {@code cpu}
     */
    public DeviceSelection(String deviceKey, String requiredKey, IntSupplier gpuCount) {
        this.deviceKey = deviceKey;
        this.requiredKey = requiredKey;
        this.gpuCount = gpuCount;
    }

    /** A selection on the GPUs DJL's default engine (PyTorch) sees; the engine loads when first asked. */
    public static DeviceSelection onEngine(String deviceKey, String requiredKey) {
        return new DeviceSelection(
                deviceKey, requiredKey, () -> Engine.getInstance().getGpuCount());
    }

    /**
     * Chooses and logs the device.
     *
     * @param request what the configuration asks for
     * @param required whether the CPU fallback is refused
     * @throws IllegalArgumentException naming both keys when {@code required} and the GPU asked for is not there
     */
    public DeviceChoice choose(DeviceRequest request, boolean required) {
        DeviceChoice choice = decide(request, required);
        boolean stated = request.kind() == DeviceRequest.Kind.CPU
                || (request.kind() == DeviceRequest.Kind.GPU && choice.isGpu());
        if (stated) {
            LOG.info("Running on {}: {}", choice, choice.reason());
        } else {
            LOG.warn("Running on {}: {}", choice, choice.reason());
        }
        return choice;
    }

    private DeviceChoice decide(DeviceRequest request, boolean required) {
        if (request.kind() == DeviceRequest.Kind.CPU) {
            return DeviceChoice.cpu(deviceKey + "=cpu");
        }
        int gpus = gpuCount.getAsInt();
        if (request.kind() == DeviceRequest.Kind.AUTO) {
            return auto(gpus, required);
        }
        int index = request.gpuIndex();
        if (index < gpus) {
            return DeviceChoice.gpu(index, deviceKey + "=" + request + " and PyTorch sees " + gpus + " GPU(s)");
        }
        String missing = deviceKey + "=" + request + " but PyTorch sees " + gpus + " GPU(s)";
        if (required) {
            throw new IllegalArgumentException(
                    missing + ", and " + requiredKey + "=true refuses the CPU instead (" + NO_GPU_HINT + ")");
        }
        return DeviceChoice.cpu(missing + ", so the CPU instead (" + requiredKey + "=false; set it to true to refuse"
                + " to start without the GPU; " + NO_GPU_HINT + ")");
    }

    private DeviceChoice auto(int gpus, boolean required) {
        if (gpus > 0) {
            return DeviceChoice.gpu(
                    0,
                    deviceKey + "=auto and PyTorch sees " + gpus + " GPU(s), so GPU 0 (set " + deviceKey
                            + "=gpu:N to choose another, or cpu)");
        }
        if (required) {
            throw new IllegalArgumentException(deviceKey + "=auto but PyTorch sees no GPU, and " + requiredKey
                    + "=true refuses the CPU instead (" + NO_GPU_HINT + ")");
        }
        return DeviceChoice.cpu(deviceKey + "=auto and PyTorch sees no GPU, so the CPU (" + NO_GPU_HINT + ")");
    }
}
