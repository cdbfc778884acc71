package io.streamtune.quality.loop;

import io.streamtune.trainer.config.TrainerConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigException;

/**
 * A variant of the trainer under test: a name and overrides in the trainer's own configuration language ({@code
 * training.learning.rate=1e-4 round.replay.ratio=3}), so any key the trainer defines, now or later, can be varied.
 * A run's configuration is the trainer's defaults, then the overrides, then the keys the harness owns: the model
 * name, labels and store, and stand-ins for the broker and registry settings that validation requires (nothing
 * connects to them). The run seed moves {@code round.seed}: run seed {@code s} uses {@code R + s - 1}, where R is
 * the configured {@code round.seed}, so seed 1 runs the trainer exactly as configured.
 *
 * @param label the variant's name in reports
 * @param overrides trainer settings, key to value
 */
public record Variant(String label, Map<String, String> overrides) {

    /** Keys the harness sets for every run; a variant cannot override them. */
    public static final Set<String> HARNESS_KEYS =
            Set.of(TrainerConfig.MODEL_NAME, TrainerConfig.MODEL_LABELS, TrainerConfig.MODEL_STORE_ROOT);

    private static final String BOOTSTRAP_SERVERS = TrainerConfig.KAFKA_PREFIX + "bootstrap.servers";

    public Variant {
        if (label == null || label.isBlank() || !label.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("a variant label is letters, digits, '.', '_' or '-': " + label);
        }
        overrides = Map.copyOf(overrides);
        overrides.keySet().stream().filter(HARNESS_KEYS::contains).findFirst().ifPresent(key -> {
            throw new IllegalArgumentException(key + " is set by the harness for each proxy and cannot be overridden");
        });
    }

    /**
     * Parses {@code key=value} arguments.
     *
     * @throws IllegalArgumentException for an argument without {@code =} or a key given twice
     */
    public static Map<String, String> parseOverrides(List<String> arguments) {
        Map<String, String> overrides = new LinkedHashMap<>();
        for (String argument : arguments) {
            int equals = argument.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("expected key=value, got '" + argument + "'");
            }
            String key = argument.substring(0, equals).trim();
            if (overrides.put(key, argument.substring(equals + 1).trim()) != null) {
                throw new IllegalArgumentException(key + " is given twice");
            }
        }
        return overrides;
    }

    /**
     * The trainer configuration of one run.
     *
     * @throws ConfigException naming an unknown key or an invalid value
     */
    public TrainerConfig configFor(String proxy, List<String> labels, long runSeed, Path storeRoot) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(TrainerConfig.SCHEMA_REGISTRY_URL, "http://schema-registry.unused.invalid");
        settings.put(BOOTSTRAP_SERVERS, "broker.unused.invalid:9092");
        settings.putAll(overrides);
        settings.put(TrainerConfig.MODEL_NAME, "quality-" + proxy);
        settings.put(TrainerConfig.MODEL_LABELS, String.join(",", labels));
        settings.put(TrainerConfig.MODEL_STORE_ROOT, storeRoot.toString());
        long configuredSeed = new TrainerConfig(settings).seed();
        settings.put(TrainerConfig.ROUND_SEED, Long.toString(configuredSeed + runSeed - 1));
        return new TrainerConfig(settings);
    }

    /** The overrides as one {@code key=value} list, sorted by key (empty for the trainer's defaults). */
    public String describe() {
        return new TreeMap<>(overrides)
                .entrySet().stream()
                        .map(entry -> entry.getKey() + "=" + entry.getValue())
                        .collect(Collectors.joining(" "));
    }
}
