package io.streamtune.stack;

import java.nio.file.Path;

/** Renders the Dropwizard configuration of the Hortonworks registry for the local stack. */
final class RegistryYaml {

    private static final String AVRO = "com.hortonworks.registries.schemaregistry.avro.AvroSchemaProvider";
    private static final String SERDES = "com.hortonworks.registries.schemaregistry.serdes.avro.";

    private RegistryYaml() {}

    /**
     * One HTTP connector on 127.0.0.1 (the registry would bind every interface otherwise), the admin
     * pages under {@code /admin} on the same port, and in-memory storage.
     */
    static String render(int port, Path jarDirectory) {
        return String.join(
                "\n",
                "# Written by Streamtune's local stack on every start; edits are overwritten.",
                "modules:",
                "  - name: schema-registry",
                "    className: com.hortonworks.registries.schemaregistry.webservice.SchemaRegistryModule",
                "    config:",
                "      schemaProviders:",
                "        - providerClass: \"" + AVRO + "\"",
                "          defaultSerializerClass: \"" + SERDES + "AvroSnapshotSerializer\"",
                "          defaultDeserializerClass: \"" + SERDES + "AvroSnapshotDeserializer\"",
                "      schemaCacheSize: 10000",
                "      schemaCacheExpiryInterval: 3600",
                "fileStorageConfiguration:",
                "  className: \"com.hortonworks.registries.common.util.LocalFileSystemStorage\"",
                "  properties:",
                "    directory: \"" + yamlPath(jarDirectory) + "\"",
                "storageProviderConfiguration:",
                "  providerClass: \"com.hortonworks.registries.storage.impl.memory.InMemoryStorageManager\"",
                "swagger:",
                "  resourcePackage: com.hortonworks.registries.schemaregistry.webservice",
                "enableCors: false",
                "server:",
                "  type: simple",
                "  applicationContextPath: /",
                "  adminContextPath: /admin",
                "  connector:",
                "    type: http",
                "    bindHost: " + Ports.HOST,
                "    port: " + port,
                "logging:",
                "  level: INFO",
                "");
    }

    private static String yamlPath(Path path) {
        return path.toAbsolutePath().toString().replace("\\", "/").replace("\"", "\\\"");
    }
}
