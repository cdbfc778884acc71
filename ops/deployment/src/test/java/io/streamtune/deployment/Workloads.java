package io.streamtune.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The pod templates of Deployments and Jobs, and what their containers declare. */
final class Workloads {

    private Workloads() {}

    /** The pod spec of a Deployment or Job, empty for other kinds. */
    static Map<String, Object> podSpec(Map<String, Object> resource) {
        Object kind = resource.get("kind");
        if (!"Deployment".equals(kind) && !"Job".equals(kind)) {
            return Yamls.map(null);
        }
        return Yamls.at(resource, "spec", "template", "spec");
    }

    static Map<String, Object> podLabels(Map<String, Object> resource) {
        return Yamls.at(resource, "spec", "template", "metadata", "labels");
    }

    /** The init containers and containers of a workload. */
    static List<Map<String, Object>> containers(Map<String, Object> resource) {
        Map<String, Object> pod = podSpec(resource);
        List<Map<String, Object>> containers = new ArrayList<>(Yamls.maps(pod.get("initContainers")));
        containers.addAll(Yamls.maps(pod.get("containers")));
        return containers;
    }

    static Map<String, Object> container(Map<String, Object> resource, String name) {
        return containers(resource).stream()
                .filter(container -> name.equals(container.get("name")))
                .findFirst()
                .orElseThrow(
                        () -> new AssertionError("no container " + name + " in " + KubernetesManifests.name(resource)));
    }

    /** The named container port's number. */
    static Optional<Integer> port(Map<String, Object> container, String name) {
        return Yamls.maps(container.get("ports")).stream()
                .filter(port -> name.equals(port.get("name")))
                .map(port -> (Integer) port.get("containerPort"))
                .findFirst();
    }

    /** The pod volume mounted at this path in the container, if any. */
    static Optional<Map<String, Object>> volumeAt(
            Map<String, Object> resource, Map<String, Object> container, String path) {
        return Yamls.maps(container.get("volumeMounts")).stream()
                .filter(mount -> path.equals(mount.get("mountPath")))
                .flatMap(mount -> volume(resource, String.valueOf(mount.get("name"))).stream())
                .findFirst();
    }

    static Optional<Map<String, Object>> volume(Map<String, Object> resource, String name) {
        return Yamls.maps(podSpec(resource).get("volumes")).stream()
                .filter(volume -> name.equals(volume.get("name")))
                .findFirst();
    }

    /** The probes of a container: readiness, liveness and startup, those it has. */
    static List<Map<String, Object>> probes(Map<String, Object> container) {
        List<Map<String, Object>> probes = new ArrayList<>();
        for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
            if (container.get(probe) != null) {
                probes.add(Yamls.map(container.get(probe)));
            }
        }
        return probes;
    }
}
