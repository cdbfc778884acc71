package io.streamtune.classifier.engine;

import io.streamtune.classifier.config.ClassifierConfig;
import io.streamtune.classifier.reload.LoadedModel;
import io.streamtune.classifier.reload.ModelLoader;
import io.streamtune.classifier.reload.ModelTarget;
import io.streamtune.classifier.reload.StoreUnreachableException;
import io.streamtune.model.artifact.ArtifactVerificationException;
import io.streamtune.model.artifact.FileSystemModelStore;
import io.streamtune.model.artifact.ModelStore;
import io.streamtune.model.artifact.StoredVersion;
import io.streamtune.model.classify.ClassifierSettings;
import io.streamtune.model.classify.DjlTextClassifier;
import io.streamtune.model.classify.OfflineEngine;
import io.streamtune.model.device.DeviceChoice;
import io.streamtune.model.device.DeviceRequest;
import io.streamtune.model.device.DeviceSelection;
import io.streamtune.model.tokenize.TextWindows;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.kafka.common.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a version from the {@link ModelStore}: the record's artifact location must be that version's own folder in
 * the configured store (a location elsewhere, e.g. {@code ../../etc}, another scheme or a link out of the store root,
 * refuses it), resolving it verifies the SHA-256 of every file against the manifest (a changed byte refuses it), the
 * manifest's own SHA-256 must match the one the ModelVersion record announced, then the DJL classifier loads it on
 * the configured device and warms it up. A store that cannot be read is reported as {@link
 * StoreUnreachableException}, so the version is tried again later; every other failure refuses it.
 */
public final class EngineModelLoader implements ModelLoader {

    private static final Logger log = LoggerFactory.getLogger(EngineModelLoader.class);

    private final ModelStore store;
    private final ClassifierSettings settings;

    public EngineModelLoader(ModelStore store, ClassifierSettings settings) {
        this.store = store;
        this.settings = settings;
    }

    /**
     * A loader on the configured store root and device, batching like the stream. Switches DJL offline first (no
     * download, no telemetry), so the application's only outbound connections are to the broker and the registry;
     * then chooses the device once, from {@value ClassifierConfig#DEVICE} and the GPUs PyTorch sees.
     *
     * @throws ConfigException naming {@value ClassifierConfig#DEVICE_REQUIRED} when the GPU it requires is not there
     */
    public static EngineModelLoader fromConfig(ClassifierConfig config) {
        OfflineEngine.enforce();
        return fromConfig(config, DeviceSelection.onEngine(ClassifierConfig.DEVICE, ClassifierConfig.DEVICE_REQUIRED));
    }

    /** {@link #fromConfig(ClassifierConfig)} with the device chosen by this selection. */
    static EngineModelLoader fromConfig(ClassifierConfig config, DeviceSelection selection) {
        ClassifierSettings settings = settings(config, choose(config, selection));
        try {
            return new EngineModelLoader(new FileSystemModelStore(config.modelStoreRoot()), settings);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the model store at " + config.modelStoreRoot(), e);
        }
    }

    private static DeviceChoice choose(ClassifierConfig config, DeviceSelection selection) {
        try {
            return selection.choose(DeviceRequest.parse(config.device().toString()), config.deviceRequired());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    /** How versions are loaded: on this device, with the configured windows and batch size. */
    static ClassifierSettings settings(ClassifierConfig config, DeviceChoice device) {
        return ClassifierSettings.defaults()
                .withDevice(device.device())
                .withMaxLength(config.modelMaxLength())
                .withBatchSize(config.batchMaxRecords())
                .withWindows(config.modelMaxWindows(), TextWindows.Pooling.valueOf(config.modelWindowPooling()));
    }

    /** How versions are loaded (device, windows, batch size). */
    public ClassifierSettings settings() {
        return settings;
    }

    /** The device versions are loaded on: {@code cpu} or {@code gpu:N}. */
    @Override
    public String device() {
        return settings.device();
    }

    /**
     * Loads a version.
     *
     * @throws StoreUnreachableException if the store could not be read (see {@link LoadFailureCause}): the version
     *     is tried again later
     * @throws IOException if the version fails verification; it is refused for good, as for any other exception
     */
    @Override
    public LoadedModel load(ModelTarget target) throws IOException {
        try {
            return verifyAndLoad(target);
        } catch (IOException | RuntimeException e) {
            if (LoadFailureCause.of(e) == LoadFailureCause.STORE_UNREACHABLE) {
                throw new StoreUnreachableException(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
            }
            throw e;
        }
    }

    private LoadedModel verifyAndLoad(ModelTarget target) throws IOException {
        long start = System.nanoTime();
        StoredVersion stored = target.artifactUri() == null
                ? store.resolve(target.modelName(), target.version())
                : store.resolveAnnounced(target.modelName(), target.version(), target.artifactUri());
        String announced = target.manifestSha256();
        if (announced != null && !announced.equalsIgnoreCase(stored.manifestSha256())) {
            throw new ArtifactVerificationException(
                    stored.folder(),
                    "manifest.json",
                    ArtifactVerificationException.Problem.CHECKSUM_MISMATCH,
                    "its SHA-256 is " + stored.manifestSha256() + " but the model-versions record says " + announced);
        }
        DjlTextClassifier classifier = DjlTextClassifier.load(stored.folder(), settings);
        log.info(
                "{} verified, loaded and warmed up from {} in {} ms",
                target,
                stored.folder(),
                (System.nanoTime() - start) / 1_000_000);
        return new DjlLoadedModel(target.modelName(), target.version(), classifier);
    }
}
