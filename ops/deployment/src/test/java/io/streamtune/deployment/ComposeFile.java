package io.streamtune.deployment;

import io.streamtune.stack.RepositoryRoot;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.Yaml;

/** The repository's docker-compose.yml with anchors and merge keys resolved, read the way Compose reads it. */
final class ComposeFile {

    static final Path ROOT = RepositoryRoot.locate();

    private final Map<String, Object> services;

    private ComposeFile(Map<String, Object> services) {
        this.services = services;
    }

    static ComposeFile load() throws IOException {
        try (Reader reader = Files.newBufferedReader(ROOT.resolve("docker-compose.yml"))) {
            Map<String, Object> document = new Yaml().load(reader);
            return new ComposeFile(map(document.get("services"), "services"));
        }
    }

    Set<String> serviceNames() {
        return services.keySet();
    }

    Map<String, Object> service(String name) {
        return map(services.get(name), "service " + name);
    }

    /** The services built from or running the image whose name starts with this prefix. */
    List<String> servicesWithImage(String imagePrefix) {
        return services.keySet().stream()
                .filter(name -> String.valueOf(service(name).get("image")).startsWith(imagePrefix))
                .toList();
    }

    Set<String> dependsOn(String name) {
        Object dependsOn = service(name).get("depends_on");
        if (dependsOn == null) {
            return Set.of();
        }
        if (dependsOn instanceof List<?> list) {
            return Set.copyOf(list.stream().map(String::valueOf).toList());
        }
        return map(dependsOn, "depends_on of " + name).keySet();
    }

    /** The environment of a service as strings (map or list form). */
    Map<String, String> environment(String name) {
        Object environment = service(name).get("environment");
        Map<String, String> values = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> entries) {
            entries.forEach((key, value) -> values.put(String.valueOf(key), String.valueOf(value)));
        } else if (environment instanceof List<?> list) {
            list.stream().map(String::valueOf).forEach(entry -> {
                int equals = entry.indexOf('=');
                values.put(entry.substring(0, equals), entry.substring(equals + 1));
            });
        }
        return values;
    }

    List<String> command(String name) {
        return strings(service(name).get("command"));
    }

    List<String> volumes(String name) {
        return strings(service(name).get("volumes"));
    }

    /** The host file bind-mounted at this container path, if any ({@code ./host:/container[:ro]}). */
    Optional<Path> hostPathOf(String name, String containerPath) {
        return volumes(name).stream()
                .map(volume -> volume.split(":"))
                .filter(parts -> parts[0].startsWith("./") && parts[1].equals(containerPath))
                .map(parts -> ROOT.resolve(parts[0]).normalize())
                .findFirst();
    }

    /** The named volume mounted at this container path, if any ({@code volume:/container}). */
    Optional<String> namedVolumeAt(String name, String containerPath) {
        return volumes(name).stream()
                .map(volume -> volume.split(":"))
                .filter(parts -> !parts[0].startsWith(".") && !parts[0].startsWith("/"))
                .filter(parts -> parts[1].equals(containerPath))
                .map(parts -> parts[0])
                .findFirst();
    }

    private static List<String> strings(Object value) {
        List<String> strings = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(item -> strings.add(String.valueOf(item)));
        }
        return strings;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String what) {
        if (!(value instanceof Map<?, ?>)) {
            throw new IllegalStateException("docker-compose.yml: " + what + " is not a mapping");
        }
        return (Map<String, Object>) value;
    }
}
