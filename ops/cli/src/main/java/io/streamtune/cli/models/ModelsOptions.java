package io.streamtune.cli.models;

import io.streamtune.cli.client.ClientOptions;
import io.streamtune.schemas.Topics;
import io.streamtune.schemas.versions.ModelVersionHistory;
import java.time.Duration;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options every {@code models} subcommand takes. */
public final class ModelsOptions {

    @Option(names = "--model", paramLabel = "NAME", description = "Model name (default: the only model on the topic).")
    String model;

    @Option(names = "--topic", paramLabel = "TOPIC", description = "Model versions topic (default ${DEFAULT-VALUE}).")
    String topic = Topics.MODEL_VERSIONS;

    @Mixin
    ClientOptions client;

    ModelVersionHistory read() {
        return ModelVersionsTopic.read(client.settings(), topic, Duration.ofSeconds(30));
    }

    String model(ModelVersionHistory history) {
        return ModelChoice.resolve(history, model, topic);
    }
}
