package io.streamtune.deployment;

import io.streamtune.classifier.config.ClassifierConfig;
import io.streamtune.runtime.config.ConfigReference;
import io.streamtune.runtime.config.SharedKeys;
import io.streamtune.trainer.config.TrainerConfig;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.config.ConfigDef;

/**
 * The README's configuration reference, rendered from the apps' definitions: the shared keys once, then each app's
 * own keys. {@link ConfigurationReferenceTest} keeps the README equal to it.
 */
final class ConfigurationReference {

    static final String START = "<!-- configuration reference: generated from the apps' ConfigDef by"
            + " ConfigurationReferenceTest; regenerate with -Dstreamtune.regenerate=true -->";
    static final String END = "<!-- end of the generated configuration reference -->";

    private ConfigurationReference() {}

    static String render() {
        ConfigDef classifier = ClassifierConfig.definition();
        ConfigDef trainer = TrainerConfig.definition();
        ConfigDef shared = SharedKeys.define(new ConfigDef(), SharedKeys.names().toArray(String[]::new));
        return START + "\n\n### Shared keys (every app)\n\n"
                + ConfigReference.markdownTable(shared, List.copyOf(SharedKeys.names()))
                + "\n### classifier-stream (`classifier.*`)\n\n"
                + ConfigReference.markdownTable(classifier, ownKeys(classifier, ClassifierConfig.NAMESPACE))
                + "\n### trainer (`trainer.*`)\n\n"
                + ConfigReference.markdownTable(trainer, ownKeys(trainer, TrainerConfig.NAMESPACE))
                + "\n" + END;
    }

    private static List<String> ownKeys(ConfigDef definition, String namespace) {
        Set<String> keys = new LinkedHashSet<>();
        for (String key : definition.names()) {
            if (key.startsWith(namespace)) {
                keys.add(key);
            }
        }
        return new ArrayList<>(keys);
    }
}
