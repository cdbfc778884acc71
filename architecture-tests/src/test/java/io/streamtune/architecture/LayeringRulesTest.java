package io.streamtune.architecture;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import io.streamtune.classifier.violation.ImportsTrainer;
import io.streamtune.cyclea.First;
import io.streamtune.cyclea.inner.Inner;
import io.streamtune.cycleb.Second;
import io.streamtune.model.violation.ImportsKafka;
import io.streamtune.review.violation.ImportsTheTrainer;
import io.streamtune.schemas.violation.ImportsTheCli;
import io.streamtune.trainer.violation.ImportsClassifier;
import org.junit.jupiter.api.Test;

/**
 * Each layering rule fails on a fixture class that breaks it (the fixtures live in this module's test sources, which
 * {@link ArchitectureTest} does not import), so a rule that silently stopped matching would show here.
 */
class LayeringRulesTest {

    private static JavaClasses classes(Class<?>... types) {
        return new ClassFileImporter().importClasses(types);
    }

    private static void assertViolated(ArchRule rule, JavaClasses classes, String expected) {
        assertThatThrownBy(() -> rule.check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(expected);
    }

    @Test
    void shouldFailWhenTheClassifierImportsTheTrainer() {
        assertViolated(
                LayeringRules.CLASSIFIER_DOES_NOT_IMPORT_TRAINER,
                classes(ImportsTrainer.class),
                "io.streamtune.trainer.config.TrainerConfig");
    }

    @Test
    void shouldFailWhenTheTrainerImportsTheClassifier() {
        assertViolated(
                LayeringRules.TRAINER_DOES_NOT_IMPORT_CLASSIFIER,
                classes(ImportsClassifier.class),
                "io.streamtune.classifier.config.ClassifierConfig");
    }

    @Test
    void shouldFailWhenTheReviewWorkbenchImportsAnApp() {
        assertViolated(
                LayeringRules.REVIEW_DOES_NOT_IMPORT_THE_APPS,
                classes(ImportsTheTrainer.class),
                "io.streamtune.trainer.config.TrainerConfig");
    }

    @Test
    void shouldFailWhenTheModelImportsKafka() {
        assertViolated(
                LayeringRules.MODEL_DOES_NOT_IMPORT_KAFKA,
                classes(ImportsKafka.class),
                "org.apache.kafka.clients.producer.ProducerRecord");
    }

    @Test
    void shouldFailWhenALowerModuleImportsATool() {
        assertViolated(
                LayeringRules.LOWER_MODULES_DO_NOT_IMPORT_APPS_OR_TOOLS,
                classes(ImportsTheCli.class),
                "io.streamtune.cli.Main");
    }

    @Test
    void shouldFailWhenTwoTopLevelPackagesDependOnEachOther() {
        assertViolated(LayeringRules.MODULES_ARE_FREE_OF_CYCLES, classes(First.class, Second.class), "Cycle detected");
    }

    @Test
    void shouldFailWhenASubPackageAndItsParentDependOnEachOther() {
        JavaClasses parentAndChild = classes(First.class, Inner.class);

        assertViolated(LayeringRules.PACKAGES_ARE_FREE_OF_CYCLES, parentAndChild, "Cycle detected");
        assertThatCode(() -> LayeringRules.MODULES_ARE_FREE_OF_CYCLES.check(parentAndChild))
                .as("one top-level package: no cycle between modules")
                .doesNotThrowAnyException();
    }
}
