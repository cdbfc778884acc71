package io.streamtune.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the resources of an overlay name in each other, checked: each check returns the broken references it found,
 * one sentence each, empty when everything it names exists.
 */
final class ManifestReferences {

    private final KubernetesManifests manifests;

    ManifestReferences(KubernetesManifests manifests) {
        this.manifests = manifests;
    }

    /** Every Service selects the pods of a Deployment and targets a port their containers name. */
    List<String> services() {
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> service : manifests.ofKind("Service")) {
            String name = KubernetesManifests.name(service);
            Map<String, Object> selector = Yamls.at(service, "spec", "selector");
            List<Map<String, Object>> selected = selectedDeployments(selector);
            if (selector.isEmpty() || selected.isEmpty()) {
                problems.add("Service " + name + " selects no Deployment's pods with " + selector);
            }
            for (Map<String, Object> port :
                    Yamls.maps(Yamls.map(service.get("spec")).get("ports"))) {
                String target = String.valueOf(port.get("targetPort"));
                boolean declared = selected.stream()
                        .flatMap(deployment -> Workloads.containers(deployment).stream())
                        .anyMatch(container -> Workloads.port(container, target).isPresent());
                if (!declared) {
                    problems.add("Service " + name + " targets port " + target + ", which its pods do not name");
                }
            }
        }
        return problems;
    }

    /** Every HTTP probe names a port its container declares. */
    List<String> probes() {
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> resource : manifests.all()) {
            for (Map<String, Object> container : Workloads.containers(resource)) {
                for (Map<String, Object> probe : Workloads.probes(container)) {
                    String port = String.valueOf(Yamls.map(probe.get("httpGet")).get("port"));
                    if (Workloads.port(container, port).isEmpty()) {
                        problems.add(KubernetesManifests.name(resource) + "/" + container.get("name") + " probes port "
                                + port + ", which the container does not declare");
                    }
                }
            }
        }
        return problems;
    }

    /** Every ServiceMonitor selects a Service and scrapes a port that Service names. */
    List<String> serviceMonitors() {
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> monitor : manifests.ofKind("ServiceMonitor")) {
            String name = KubernetesManifests.name(monitor);
            Map<String, Object> selector = Yamls.at(monitor, "spec", "selector", "matchLabels");
            List<Map<String, Object>> services = manifests.ofKind("Service").stream()
                    .filter(service -> matches(selector, Yamls.at(service, "metadata", "labels")))
                    .toList();
            if (selector.isEmpty() || services.isEmpty()) {
                problems.add("ServiceMonitor " + name + " selects no Service with " + selector);
            }
            for (Map<String, Object> endpoint :
                    Yamls.maps(Yamls.map(monitor.get("spec")).get("endpoints"))) {
                Object port = endpoint.get("port");
                boolean named = services.stream()
                        .flatMap(service ->
                                Yamls.maps(Yamls.map(service.get("spec")).get("ports")).stream())
                        .anyMatch(servicePort -> servicePort.get("name").equals(port));
                if (!named) {
                    problems.add(
                            "ServiceMonitor " + name + " scrapes port " + port + ", which no selected Service names");
                }
            }
        }
        return problems;
    }

    /** Every PodDisruptionBudget covers the pods of a Deployment. */
    List<String> disruptionBudgets() {
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> budget : manifests.ofKind("PodDisruptionBudget")) {
            Map<String, Object> selector = Yamls.at(budget, "spec", "selector", "matchLabels");
            if (selector.isEmpty() || selectedDeployments(selector).isEmpty()) {
                problems.add("PodDisruptionBudget " + KubernetesManifests.name(budget) + " covers no Deployment");
            }
        }
        return problems;
    }

    /**
     * Every mount names a volume of its pod, and every ConfigMap (with its items) and PersistentVolumeClaim a volume
     * names exists; Secrets, which the manifests do not ship, only those in {@code externalSecrets}.
     */
    List<String> volumes(Set<String> externalSecrets) {
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> resource : manifests.all()) {
            String owner = KubernetesManifests.name(resource);
            for (Map<String, Object> container : Workloads.containers(resource)) {
                for (Map<String, Object> mount : Yamls.maps(container.get("volumeMounts"))) {
                    if (Workloads.volume(resource, String.valueOf(mount.get("name")))
                            .isEmpty()) {
                        problems.add(owner + " mounts the undeclared volume " + mount.get("name"));
                    }
                }
                for (Map<String, Object> variable : Yamls.maps(container.get("env"))) {
                    Object secret =
                            Yamls.at(variable, "valueFrom", "secretKeyRef").get("name");
                    if (secret != null && !externalSecrets.contains(String.valueOf(secret))) {
                        problems.add(owner + " reads the unknown Secret " + secret);
                    }
                }
            }
            for (Map<String, Object> volume :
                    Yamls.maps(Workloads.podSpec(resource).get("volumes"))) {
                problems.addAll(volumeSource(owner, volume, externalSecrets));
            }
        }
        return problems;
    }

    private List<String> volumeSource(String owner, Map<String, Object> volume, Set<String> externalSecrets) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> configMap = Yamls.map(volume.get("configMap"));
        if (!configMap.isEmpty()) {
            Map<String, String> data = manifests.configMaps().get(String.valueOf(configMap.get("name")));
            if (data == null) {
                problems.add(owner + " mounts the missing ConfigMap " + configMap.get("name"));
            } else {
                Yamls.maps(configMap.get("items")).stream()
                        .filter(item -> !data.containsKey(String.valueOf(item.get("key"))))
                        .forEach(item -> problems.add(owner + " mounts the missing key " + item.get("key")));
            }
        }
        Object claim = Yamls.map(volume.get("persistentVolumeClaim")).get("claimName");
        if (claim != null
                && manifests
                        .find("PersistentVolumeClaim", String.valueOf(claim))
                        .isEmpty()) {
            problems.add(owner + " mounts the missing PersistentVolumeClaim " + claim);
        }
        Object secret = Yamls.map(volume.get("secret")).get("secretName");
        if (secret != null && !externalSecrets.contains(String.valueOf(secret))) {
            problems.add(owner + " mounts the unknown Secret " + secret);
        }
        return problems;
    }

    private List<Map<String, Object>> selectedDeployments(Map<String, Object> selector) {
        return manifests.ofKind("Deployment").stream()
                .filter(deployment -> matches(selector, Workloads.podLabels(deployment)))
                .toList();
    }

    private static boolean matches(Map<String, Object> selector, Map<String, Object> labels) {
        return !selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet());
    }
}
