package io.streamtune.deployment;

import io.streamtune.classifier.config.ClassifierConfig;
import io.streamtune.review.config.ReviewConfig;
import io.streamtune.runtime.config.ConfigReference;
import io.streamtune.runtime.config.SharedKeys;
import io.streamtune.trainer.config.TrainerConfig;
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
        ConfigDef review = ReviewConfig.definition();
        return START + "\n\n### Shared keys (every app)\n\n"
                + ConfigReference.markdownTable(ConfigReference.sharedDefinition(), SharedKeys.names())
                + "\n### classifier-stream (`classifier.*`)\n\n"
                + ConfigReference.markdownTable(
                        classifier, ConfigReference.ownKeys(classifier, ClassifierConfig.NAMESPACE))
                + "\n### trainer (`trainer.*`)\n\n"
                + ConfigReference.markdownTable(trainer, ConfigReference.ownKeys(trainer, TrainerConfig.NAMESPACE))
                + "\n### review workbench (`review.*`)\n\n"
                + ConfigReference.markdownTable(review, ConfigReference.ownKeys(review, ReviewConfig.NAMESPACE))
                + "\n" + END;
    }
}
