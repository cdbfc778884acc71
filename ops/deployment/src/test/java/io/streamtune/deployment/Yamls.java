package io.streamtune.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Typed views of parsed YAML: a missing value reads as an empty map or list. */
final class Yamls {

    private Yamls() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        if (value == null) {
            return new java.util.LinkedHashMap<>();
        }
        if (!(value instanceof Map<?, ?>)) {
            throw new AssertionError("expected a mapping, found " + value);
        }
        return (Map<String, Object>) value;
    }

    static List<Object> list(Object value) {
        if (value == null) {
            return new ArrayList<>();
        }
        if (!(value instanceof List<?> items)) {
            throw new AssertionError("expected a list, found " + value);
        }
        return new ArrayList<>(items);
    }

    static List<Map<String, Object>> maps(Object value) {
        return list(value).stream().map(Yamls::map).toList();
    }

    static List<String> strings(Object value) {
        return list(value).stream().map(String::valueOf).toList();
    }

    /** The mapping at a path of keys, empty where any step is missing. */
    static Map<String, Object> at(Map<String, Object> root, String... keys) {
        Map<String, Object> current = root;
        for (String key : keys) {
            current = map(current.get(key));
        }
        return current;
    }
}
