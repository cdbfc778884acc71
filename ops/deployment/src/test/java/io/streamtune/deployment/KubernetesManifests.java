package io.streamtune.deployment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.Yaml;

/**
 * The resources of one kustomize overlay under {@code ops/kubernetes}, either as this class assembles them from the
 * files (resources, components, configMapGenerator, strategic-merge patches and image tags, the parts of kustomize
 * the manifests use) or as {@code kustomize build} printed them. Each kustomization reference must exist, or loading
 * fails naming it.
 */
final class KubernetesManifests {

    static final Path ROOT = ComposeFile.ROOT.resolve("ops/kubernetes");

    private final List<Map<String, Object>> resources;
    private final Map<String, Map<String, String>> configMaps;

    private KubernetesManifests(List<Map<String, Object>> resources, Map<String, Map<String, String>> configMaps) {
        this.resources = resources;
        this.configMaps = configMaps;
    }

    /** The overlay assembled from its files, with each component and base it names. */
    static KubernetesManifests assemble(Path kustomizationDir) throws IOException {
        KubernetesManifests manifests = new KubernetesManifests(new ArrayList<>(), new LinkedHashMap<>());
        manifests.add(kustomizationDir);
        return manifests;
    }

    /** The resources {@code kustomize build} printed; its ConfigMaps keep their generated (hashed) names. */
    static KubernetesManifests rendered(String yaml) {
        List<Map<String, Object>> resources = documents(yaml);
        Map<String, Map<String, String>> configMaps = new LinkedHashMap<>();
        for (Map<String, Object> resource : resources) {
            if ("ConfigMap".equals(resource.get("kind"))) {
                Map<String, String> data = new LinkedHashMap<>();
                Yamls.map(resource.get("data")).forEach((key, value) -> data.put(key, String.valueOf(value)));
                configMaps.put(name(resource), data);
            }
        }
        return new KubernetesManifests(resources, configMaps);
    }

    List<Map<String, Object>> all() {
        return resources;
    }

    List<Map<String, Object>> ofKind(String kind) {
        return resources.stream().filter(r -> kind.equals(r.get("kind"))).toList();
    }

    Optional<Map<String, Object>> find(String kind, String name) {
        return ofKind(kind).stream().filter(r -> name.equals(name(r))).findFirst();
    }

    Map<String, Object> one(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    /** Every ConfigMap (generated or declared) by name, with its data by key. */
    Map<String, Map<String, String>> configMaps() {
        return configMaps;
    }

    static String name(Map<String, Object> resource) {
        return String.valueOf(Yamls.map(resource.get("metadata")).get("name"));
    }

    static List<Map<String, Object>> documents(String yaml) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Yaml().loadAll(yaml)) {
            if (document != null) {
                documents.add(Yamls.map(document));
            }
        }
        return documents;
    }

    private void add(Path dir) throws IOException {
        Map<String, Object> kustomization = Yamls.map(new Yaml().load(read(dir.resolve("kustomization.yaml"))));
        for (String entry : Yamls.strings(kustomization.get("resources"))) {
            Path path = existing(dir, entry);
            if (Files.isDirectory(path)) {
                add(path);
            } else {
                resources.addAll(documents(read(path)));
            }
        }
        for (String component : Yamls.strings(kustomization.get("components"))) {
            add(existing(dir, component));
        }
        for (Object generator : Yamls.list(kustomization.get("configMapGenerator"))) {
            Map<String, String> data = new LinkedHashMap<>();
            for (String file : Yamls.strings(Yamls.map(generator).get("files"))) {
                data.put(Path.of(file).getFileName().toString(), read(existing(dir, file)));
            }
            configMaps.put(String.valueOf(Yamls.map(generator).get("name")), data);
        }
        for (Object patch : Yamls.list(kustomization.get("patches"))) {
            applyPatch(
                    documents(read(existing(dir, String.valueOf(Yamls.map(patch).get("path"))))));
        }
        for (Object image : Yamls.list(kustomization.get("images"))) {
            retag(
                    String.valueOf(Yamls.map(image).get("name")),
                    String.valueOf(Yamls.map(image).get("newTag")));
        }
    }

    private void applyPatch(List<Map<String, Object>> patches) {
        for (Map<String, Object> patch : patches) {
            Map<String, Object> target = one(String.valueOf(patch.get("kind")), name(patch));
            StrategicMerge.merge(target, patch);
        }
    }

    private void retag(String image, String tag) {
        for (Map<String, Object> resource : resources) {
            for (Map<String, Object> container : Workloads.containers(resource)) {
                String current = String.valueOf(container.get("image"));
                if (current.equals(image) || current.startsWith(image + ":")) {
                    container.put("image", image + ":" + tag);
                }
            }
        }
    }

    private static Path existing(Path dir, String entry) {
        Path path = dir.resolve(entry).normalize();
        boolean isKustomization = Files.isDirectory(path) && Files.exists(path.resolve("kustomization.yaml"));
        if (!Files.isRegularFile(path) && !isKustomization) {
            throw new AssertionError(dir.resolve("kustomization.yaml") + " names " + entry + ", which does not exist");
        }
        return path;
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file);
    }
}
