package io.streamtune.deployment;

import io.streamtune.classifier.config.ClassifierConfig;
import io.streamtune.classifier.config.ConfigLoader;
import io.streamtune.review.config.ReviewConfig;
import io.streamtune.trainer.config.TrainerConfig;
import io.streamtune.trainer.config.TrainerConfigLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The configuration each app container of an overlay gets, loaded by the app's own loader: the properties file its
 * arguments name, read from the ConfigMap mounted there, and its environment. A value from a Secret, which the
 * manifests do not hold, reads as a placeholder long enough for any secret's minimum.
 */
final class KubernetesConfigs {

    static final String CLASSIFIER = "streamtune-classifier";
    static final String TRAINER = "streamtune-trainer";
    static final String REVIEW = "streamtune-review";

    private final KubernetesManifests manifests;
    private final Path dir;

    /**
     * @param dir where the ConfigMaps' properties files are written for the loaders
     */
    KubernetesConfigs(KubernetesManifests manifests, Path dir) {
        this.manifests = manifests;
        this.dir = dir;
    }

    ClassifierConfig classifier() {
        Map<String, Object> container = container(CLASSIFIER, "classifier");
        return ConfigLoader.load(configFile(CLASSIFIER, container), environment(container));
    }

    TrainerConfig trainer(String containerName) {
        Map<String, Object> container = container(TRAINER, containerName);
        return TrainerConfigLoader.load(configFile(TRAINER, container), environment(container));
    }

    ReviewConfig review() {
        Map<String, Object> container = container(REVIEW, "review");
        return ReviewConfig.load(configFile(REVIEW, container), environment(container));
    }

    Map<String, Object> container(String deployment, String name) {
        return Workloads.container(manifests.one("Deployment", deployment), name);
    }

    /** The properties file that the container's arguments name, read from the ConfigMap mounted there. */
    Path configFile(String deployment, Map<String, Object> container) {
        return mountedFile(manifests.one("Deployment", deployment), container, Yamls.strings(container.get("args")));
    }

    /** The script that the container's command runs, read from the ConfigMap mounted there. */
    Path scriptFile(Map<String, Object> workload, Map<String, Object> container) {
        return mountedFile(workload, container, Yamls.strings(container.get("command")));
    }

    private Path mountedFile(Map<String, Object> workload, Map<String, Object> container, List<String> words) {
        String owner = KubernetesManifests.name(workload) + "/" + container.get("name");
        for (Map<String, Object> mount : Yamls.maps(container.get("volumeMounts"))) {
            String mountPath = mount.get("mountPath") + "/";
            Map<String, Object> volume = Workloads.volume(workload, String.valueOf(mount.get("name")))
                    .orElseThrow(() -> new AssertionError(owner + " mounts the undeclared volume " + mount));
            if (volume.get("configMap") == null) {
                continue;
            }
            String configMap = String.valueOf(Yamls.map(volume.get("configMap")).get("name"));
            for (String word : words) {
                if (word.startsWith(mountPath)) {
                    return write(configMap, word.substring(mountPath.length()));
                }
            }
        }
        throw new AssertionError(owner + ": no argument names a file of a mounted ConfigMap");
    }

    static Map<String, String> environment(Map<String, Object> container) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (Map<String, Object> variable : Yamls.maps(container.get("env"))) {
            Map<String, Object> secret = Yamls.at(variable, "valueFrom", "secretKeyRef");
            String value = secret.isEmpty()
                    ? String.valueOf(variable.get("value"))
                    : "the key " + secret.get("key") + " of the Secret " + secret.get("name") + " at deploy time";
            environment.put(String.valueOf(variable.get("name")), value);
        }
        return environment;
    }

    private Path write(String configMap, String key) {
        Map<String, String> data = manifests.configMaps().get(configMap);
        if (data == null || !data.containsKey(key)) {
            throw new AssertionError("no key " + key + " in ConfigMap " + configMap);
        }
        try {
            Path file = dir.resolve(configMap + "-" + key);
            Files.writeString(file, data.get(key));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
