package io.streamtune.deployment;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * The rules of the trainer's JMX exporter configuration applied the way the exporter applies them: each pattern is
 * matched against {@code domain<key=value, ...><>attribute: value}, the first match names the metric (capture groups
 * substituted), lower-cased when configured, characters outside {@code [a-zA-Z0-9:_]} made {@code _}.
 */
final class JmxExporterRules {

    private final List<Pattern> patterns = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private final boolean lowercase;

    private JmxExporterRules(Map<String, Object> document) {
        this.lowercase = Boolean.TRUE.equals(document.get("lowercaseOutputName"));
        for (Object rule : (List<?>) document.get("rules")) {
            Map<?, ?> fields = (Map<?, ?>) rule;
            patterns.add(Pattern.compile("^.*(?:" + fields.get("pattern") + ").*$"));
            names.add(String.valueOf(fields.get("name")));
        }
    }

    static JmxExporterRules load(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return new JmxExporterRules(new Yaml().load(reader));
        }
    }

    /** The metric name the exporter gives this MBean attribute, or empty when no rule matches it. */
    Optional<String> metricName(String domain, String properties, String attribute) {
        String line = domain + "<" + properties + "><>" + attribute + ": 0.0";
        for (int i = 0; i < patterns.size(); i++) {
            Matcher matcher = patterns.get(i).matcher(line);
            if (matcher.matches()) {
                String name = matcher.replaceAll(names.get(i));
                return Optional.of(safe(lowercase ? name.toLowerCase(Locale.ROOT) : name));
            }
        }
        return Optional.empty();
    }

    private static String safe(String name) {
        return name.replaceAll("[^a-zA-Z0-9:_]", "_").replaceAll("__+", "_");
    }
}
