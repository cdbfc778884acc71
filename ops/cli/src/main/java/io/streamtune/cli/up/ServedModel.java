package io.streamtune.cli.up;

import io.streamtune.cli.client.CommandException;
import io.streamtune.cli.models.ModelVersionsTopic;
import io.streamtune.runtime.config.SharedKeys;
import io.streamtune.schemas.ModelVersion;
import io.streamtune.schemas.versions.ServedVersion;
import io.streamtune.schemas.versions.VersionState;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/**
 * The version {@code up} will serve, read from {@code model-versions} before anything starts: without one the
 * classifier would wait for a first version, so {@code up} refuses and says how to train it. Its labels become
 * {@code model.labels} when the file names none; a file whose labels differ from the served version's is refused.
 *
 * @param version the version number
 * @param labels its classes, in output order
 */
record ServedModel(long version, List<String> labels) {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    /**
     * Reads the version to serve and settles {@code model.labels}.
     *
     * @throws CommandException when the model has no version to serve, or the file's labels differ from it
     */
    static ServedModel settle(UpSettings settings, String versionsTopic, OptionalLong pinned) {
        String model = settings.modelName();
        ServedVersion served = ModelVersionsTopic.read(settings.clients(), versionsTopic, READ_TIMEOUT)
                .toServe(model, pinned)
                .orElseThrow(() -> new CommandException("model " + model + " has no version in service on "
                        + versionsTopic + " (" + settings.effective(SharedKeys.KAFKA_BOOTSTRAP_SERVERS)
                        + "): train version 1 first with: streamtune bootstrap --config " + settings.file()
                        + " --data FILE --model " + model));
        List<String> labels = served.latest()
                .map(VersionState::record)
                .map(ModelVersion::getLabels)
                .map(List::copyOf)
                .orElseThrow(() -> new CommandException("version " + served.version() + " of " + model + " ("
                        + SharedKeys.MODEL_VERSION_PINNED + ") is not on " + versionsTopic));
        settings.given(SharedKeys.MODEL_LABELS)
                .ifPresentOrElse(
                        given -> requireSame(given, labels, served.version(), settings),
                        () -> settings.decide(SharedKeys.MODEL_LABELS, String.join(",", labels)));
        return new ServedModel(served.version(), labels);
    }

    private static void requireSame(String given, List<String> labels, long version, UpSettings settings) {
        List<String> configured = List.of(given.split("\\s*,\\s*"));
        if (!configured.equals(labels)) {
            throw new CommandException("invalid configuration: " + SharedKeys.MODEL_LABELS + "=" + given + " in "
                    + settings.file() + " differs from the labels of version " + version + " in service "
                    + String.join(",", labels) + ": remove the key (up then takes the served version's labels)"
                    + " or make it the same");
        }
    }
}
