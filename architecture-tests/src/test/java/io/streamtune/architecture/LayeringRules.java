package io.streamtune.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering of the system picture (root README), as ArchUnit rules over {@code io.streamtune}. {@link
 * ArchitectureTest} checks them against every module's main classes; {@link LayeringRulesTest} proves each one fails
 * on a class that breaks it.
 */
final class LayeringRules {

    static final String ROOT = "io.streamtune";

    /** The classifier meets the trainer only through Kafka topics and the model store. */
    static final ArchRule CLASSIFIER_DOES_NOT_IMPORT_TRAINER = noClasses()
            .that()
            .resideInAPackage("io.streamtune.classifier..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.streamtune.trainer..")
            .because("classifier-stream and trainer meet only through Kafka topics and the model store");

    /** The trainer meets the classifier only through Kafka topics and the model store. */
    static final ArchRule TRAINER_DOES_NOT_IMPORT_CLASSIFIER = noClasses()
            .that()
            .resideInAPackage("io.streamtune.trainer..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.streamtune.classifier..")
            .because("classifier-stream and trainer meet only through Kafka topics and the model store");

    /** The review workbench meets both apps only through Kafka topics: it imports neither. */
    static final ArchRule REVIEW_DOES_NOT_IMPORT_THE_APPS = noClasses()
            .that()
            .resideInAPackage("io.streamtune.review..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.streamtune.classifier..", "io.streamtune.trainer..", "io.streamtune.model..")
            .because("the review workbench reads classifications and writes corrections; it needs no model");

    /** The model module is BERT on DJL and knows no Kafka. */
    static final ArchRule MODEL_DOES_NOT_IMPORT_KAFKA = noClasses()
            .that()
            .resideInAPackage("io.streamtune.model..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.apache.kafka..")
            .because("model is the engine below both apps; Kafka belongs to schemas and the apps");

    /** What both apps need lives below them: the lower modules never reach up into an app or a tool. */
    static final ArchRule LOWER_MODULES_DO_NOT_IMPORT_APPS_OR_TOOLS = noClasses()
            .that()
            .resideInAnyPackage(
                    "io.streamtune.schemas..",
                    "io.streamtune.runtime..",
                    "io.streamtune.model..",
                    "io.streamtune.stack..",
                    "io.streamtune.testsupport..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "io.streamtune.classifier..",
                    "io.streamtune.trainer..",
                    "io.streamtune.review..",
                    "io.streamtune.cli..",
                    "io.streamtune.demo..",
                    "io.streamtune.quality..")
            .because("schemas, model, local-stack and test-support sit below the apps and the ops tools");

    /** No two top-level packages (one per module: classifier, trainer, model, ...) depend on each other. */
    static final ArchRule MODULES_ARE_FREE_OF_CYCLES =
            slices().matching("io.streamtune.(*)..").namingSlices("$1").should().beFreeOfCycles();

    /** No cycle between any two packages of io.streamtune, sub-packages included. */
    static final ArchRule PACKAGES_ARE_FREE_OF_CYCLES =
            slices().matching("io.streamtune.(**)").namingSlices("$1").should().beFreeOfCycles();

    private LayeringRules() {}
}
