package io.streamtune.cli.bootstrap;

import io.streamtune.cli.client.ClientSettings;
import io.streamtune.cli.client.CommandException;
import io.streamtune.model.base.BuiltInBase;
import io.streamtune.runtime.config.SharedKeys;
import io.streamtune.schemas.serde.AvroSerdeConfig;
import io.streamtune.trainer.config.TrainerConfig;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;

/**
 * The trainer configuration of one bootstrap: the cluster and registry of the command's client settings, the
 * trainer's and the topics' keys of the {@code --config} file when it is the apps' own file ({@code trainer.*},
 * {@code topic.*}), then the command's options: model name, the labels found in the data, model store, base.
 */
final class TrainerSettings {

    /** Where versions are written unless {@code --store} or the file's {@code model.store.root} says otherwise. */
    static final String DEFAULT_STORE = ".streamtune/models";

    private TrainerSettings() {}

    /**
     * The trainer's settings, checked.
     *
     * @param file the settings of the {@code --config} file (empty without one)
     * @param store the {@code --store} folder, or null for the file's or the default
     * @param base a built-in base name or a checkpoint folder, or null for the file's or the trainer's default
     * @throws CommandException naming the setting that is invalid
     */
    static TrainerConfig config(
            ClientSettings client,
            Map<String, String> file,
            String model,
            List<String> labels,
            Path store,
            String base) {
        Map<String, Object> settings = new HashMap<>();
        file.forEach((key, value) -> {
            if (key.startsWith(TrainerConfig.NAMESPACE) || key.startsWith("topic.")) {
                settings.put(key, value);
            }
        });
        client.clientProperties().forEach((key, value) -> settings.put(SharedKeys.KAFKA_PREFIX + key, value));
        client.serdeConfig().forEach((key, value) -> settings.put(serdeKey(key), value));
        settings.put(TrainerConfig.MODEL_NAME, model);
        settings.put(TrainerConfig.MODEL_LABELS, labels);
        settings.put(
                TrainerConfig.MODEL_STORE_ROOT,
                store != null ? store.toString() : file.getOrDefault(SharedKeys.MODEL_STORE_ROOT, DEFAULT_STORE));
        if (base != null) {
            builtIn(base)
                    .ifPresentOrElse(
                            builtIn -> settings.put(TrainerConfig.MODEL_BASE, builtIn.key()),
                            () -> settings.put(TrainerConfig.MODEL_BASE_PATH, base));
        }
        try {
            return new TrainerConfig(settings);
        } catch (ConfigException e) {
            throw new CommandException("invalid trainer setting: " + e.getMessage(), e);
        }
    }

    private static String serdeKey(String key) {
        return key.equals(AvroSerdeConfig.SCHEMA_REGISTRY_URL)
                ? TrainerConfig.SCHEMA_REGISTRY_URL
                : TrainerConfig.REGISTRY_PREFIX + key;
    }

    private static Optional<BuiltInBase> builtIn(String base) {
        return Arrays.stream(BuiltInBase.values())
                .filter(builtIn -> builtIn.key().equalsIgnoreCase(base.strip()))
                .findFirst();
    }
}
