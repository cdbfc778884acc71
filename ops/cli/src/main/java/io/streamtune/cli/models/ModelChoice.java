package io.streamtune.cli.models;

import io.streamtune.cli.client.CommandException;
import io.streamtune.schemas.versions.ModelVersionHistory;
import io.streamtune.schemas.versions.VersionState;
import java.util.Set;

/** Which model a command is about: the one named, else the only one on the topic. */
public final class ModelChoice {

    private ModelChoice() {}

    /**
     * The model name.
     *
     * @param named the {@code --model} value, or null
     * @throws CommandException when the named model has no versions, or none is named and the topic holds none or
     *     several
     */
    public static String resolve(ModelVersionHistory history, String named, String topic) {
        Set<String> names = history.modelNames();
        if (named != null) {
            if (!names.contains(named)) {
                throw new CommandException("model '" + named + "' has no versions on " + topic
                        + (names.isEmpty() ? " (the topic is empty)" : " (models: " + String.join(", ", names) + ")"));
            }
            return named;
        }
        if (names.isEmpty()) {
            throw new CommandException("no model versions on " + topic + " yet");
        }
        if (names.size() > 1) {
            throw new CommandException(
                    "several models on " + topic + " (" + String.join(", ", names) + "): choose one with --model");
        }
        return names.iterator().next();
    }

    /**
     * The version in service of a model.
     *
     * @throws CommandException when none is PROMOTED
     */
    public static VersionState inService(ModelVersionHistory history, String model, String topic) {
        return history.inService(model)
                .orElseThrow(() -> new CommandException("model '" + model + "' has no PROMOTED version on " + topic));
    }
}
