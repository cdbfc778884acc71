package io.streamtune.cli.up;

import io.streamtune.classifier.config.ClassifierConfig;
import io.streamtune.classifier.config.ConfigLoader;
import io.streamtune.cli.client.ClientSettings;
import io.streamtune.cli.client.CommandException;
import io.streamtune.runtime.config.ConfigReference;
import io.streamtune.runtime.config.ConfigSources;
import io.streamtune.runtime.config.SharedKeys;
import io.streamtune.trainer.config.TrainerConfig;
import io.streamtune.trainer.config.TrainerConfigLoader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;

/**
 * The settings {@code up} runs with: the one configuration file, then the {@code STREAMTUNE_*} environment, as each
 * app reads them on its own, then what {@code up} decided itself (the local stack's endpoints when no cluster is
 * named, the labels of the version in service when the file names none). The decided values are applied as the
 * environment layer, so both apps go through their own loaders and checks.
 */
final class UpSettings {

    private final Path file;
    private final Map<String, String> environment;
    private final Map<String, String> given;
    private final Map<String, String> decided = new HashMap<>();

    private UpSettings(Path file, Map<String, String> environment, Map<String, String> given) {
        this.file = file;
        this.environment = environment;
        this.given = given;
    }

    /**
     * Reads the file and the environment.
     *
     * @throws CommandException when the file cannot be read or does not name the model
     */
    static UpSettings read(Path file, Map<String, String> environment) {
        Map<String, String> given = new HashMap<>();
        try {
            given.putAll(ConfigSources.readFile(file));
        } catch (ConfigException e) {
            throw new CommandException(e.getMessage(), e);
        }
        given.putAll(ConfigSources.fromEnvironment(environment));
        UpSettings settings = new UpSettings(file, environment, given);
        if (settings.given(SharedKeys.MODEL_NAME).isEmpty()) {
            throw new CommandException("invalid configuration: " + SharedKeys.MODEL_NAME + " is not set in " + file
                    + ": name the model that streamtune bootstrap trained");
        }
        return settings;
    }

    /** A value of the file or the environment; the starter file's placeholder of a required key is no value. */
    Optional<String> given(String key) {
        return Optional.ofNullable(given.get(key))
                .filter(value -> !value.isBlank() && !value.equals(ConfigReference.REQUIRED_PLACEHOLDER));
    }

    /** Sets a key for both apps, over the file and the environment. */
    void decide(String key, String value) {
        decided.put(key, value);
    }

    Path file() {
        return file;
    }

    String modelName() {
        return given(SharedKeys.MODEL_NAME).orElseThrow();
    }

    /** The CLI clients' settings for the same cluster and registry. */
    ClientSettings clients() {
        return ClientSettings.load(
                file, effective(SharedKeys.KAFKA_BOOTSTRAP_SERVERS), effective(SharedKeys.REGISTRY_URL));
    }

    /** What the apps will see for a key: the decided value, else the given one, else null. */
    String effective(String key) {
        return decided.containsKey(key) ? decided.get(key) : given(key).orElse(null);
    }

    /** @throws CommandException naming the key of the first invalid or missing value */
    ClassifierConfig classifier() {
        return checked("classifier", () -> ConfigLoader.load(file, layered()));
    }

    /** @throws CommandException naming the key of the first invalid or missing value */
    TrainerConfig trainer() {
        return checked("trainer", () -> TrainerConfigLoader.load(file, layered()));
    }

    private Map<String, String> layered() {
        Map<String, String> layered = new HashMap<>(environment);
        decided.forEach((key, value) -> layered.put(ConfigSources.variableOf(key), value));
        return layered;
    }

    private interface Load<T> {
        T load();
    }

    private <T> T checked(String app, Load<T> load) {
        try {
            return load.load();
        } catch (ConfigException e) {
            throw new CommandException(
                    "invalid configuration for the " + app + " in " + file + ": " + e.getMessage(), e);
        }
    }
}
