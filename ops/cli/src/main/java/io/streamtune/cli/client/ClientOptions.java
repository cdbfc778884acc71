package io.streamtune.cli.client;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options that say which cluster and registry a command talks to. */
public final class ClientOptions {

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "Kafka client properties file (SASL, TLS, ... passed through unchanged); registry keys"
                    + " (schema.registry.url, basic.auth.*, schema.registry.ssl.*) go to the schema registry client.")
    Path configFile;

    @Option(
            names = {"-b", "--bootstrap-servers"},
            paramLabel = "HOST:PORT",
            description = "Kafka bootstrap servers (default: bootstrap.servers of --config, else "
                    + ClientSettings.DEFAULT_BOOTSTRAP_SERVERS + ").")
    String bootstrapServers;

    @Option(
            names = "--schema-registry",
            paramLabel = "URL",
            description = "Schema registry URL (default: schema.registry.url of --config, else "
                    + ClientSettings.DEFAULT_SCHEMA_REGISTRY + ", the local stack).")
    String schemaRegistry;

    private ClientSettings settings;

    /** The {@code --config} file, or null. */
    public Path configFile() {
        return configFile;
    }

    /**
     * The topic a command uses: the one its option named, else the file's {@code topic.*} key, else the standard
     * name.
     */
    public String topic(String chosen, String key, String standard) {
        return chosen != null ? chosen : settings().topic(key, standard);
    }

    /** The model a command is about: the one its option named, else the file's {@code model.name}, else null. */
    public String model(String chosen) {
        return chosen != null ? chosen : settings().modelName().orElse(null);
    }

    /** The settings: these options, then the file, then the local stack's defaults; the file is read once. */
    public ClientSettings settings() {
        if (settings == null) {
            settings = ClientSettings.load(configFile, bootstrapServers, schemaRegistry);
        }
        return settings;
    }
}
