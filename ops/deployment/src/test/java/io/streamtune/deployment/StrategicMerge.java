package io.streamtune.deployment;

import java.util.List;
import java.util.Map;

/**
 * The part of Kubernetes' strategic merge patch the overlays use: mappings merge key by key, and lists of named
 * items (containers, env, volumes, ports) merge item by item on {@code name}; other lists are replaced.
 */
final class StrategicMerge {

    private StrategicMerge() {}

    static void merge(Map<String, Object> target, Map<String, Object> patch) {
        patch.forEach((key, value) -> {
            Object current = target.get(key);
            if (value instanceof Map<?, ?> && current instanceof Map<?, ?>) {
                merge(Yamls.map(current), Yamls.map(value));
            } else if (isNamedList(value) && isNamedList(current)) {
                target.put(key, mergeNamed(Yamls.maps(current), Yamls.maps(value)));
            } else {
                target.put(key, value);
            }
        });
    }

    private static List<Map<String, Object>> mergeNamed(
            List<Map<String, Object>> current, List<Map<String, Object>> patch) {
        List<Map<String, Object>> merged = new java.util.ArrayList<>(current);
        for (Map<String, Object> item : patch) {
            merged.stream()
                    .filter(existing -> existing.get("name").equals(item.get("name")))
                    .findFirst()
                    .ifPresentOrElse(existing -> merge(existing, item), () -> merged.add(item));
        }
        return merged;
    }

    private static boolean isNamedList(Object value) {
        return value instanceof List<?> list
                && !list.isEmpty()
                && list.stream().allMatch(item -> item instanceof Map<?, ?> map && map.containsKey("name"));
    }
}
