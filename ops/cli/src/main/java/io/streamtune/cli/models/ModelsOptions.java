package io.streamtune.cli.models;

import io.streamtune.cli.client.ClientOptions;
import io.streamtune.runtime.config.SharedKeys;
import io.streamtune.schemas.Topics;
import io.streamtune.schemas.versions.ModelVersionHistory;
import java.time.Duration;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options every {@code models} subcommand takes. */
public final class ModelsOptions {

    @Option(
            names = "--model",
            paramLabel = "NAME",
            description = "Model name (default: model.name of --config, else the only model on the topic).")
    String model;

    @Option(
            names = "--topic",
            paramLabel = "TOPIC",
            description = "Model versions topic (default: topic.model.versions of --config, else "
                    + Topics.MODEL_VERSIONS + ").")
    String topic;

    @Mixin
    ClientOptions client;

    ModelVersionHistory read() {
        topic = client.topic(topic, SharedKeys.TOPIC_MODEL_VERSIONS, Topics.MODEL_VERSIONS);
        return ModelVersionsTopic.read(client.settings(), topic, Duration.ofSeconds(30));
    }

    String model(ModelVersionHistory history) {
        return ModelChoice.resolve(history, client.model(model), topic);
    }
}
