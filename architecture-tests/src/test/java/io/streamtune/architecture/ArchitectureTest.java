package io.streamtune.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layering rules against the main classes of every module (tests and fixtures excluded). */
@AnalyzeClasses(packages = LayeringRules.ROOT, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule shouldKeepTheClassifierFromImportingTheTrainer =
            LayeringRules.CLASSIFIER_DOES_NOT_IMPORT_TRAINER;

    @ArchTest
    static final ArchRule shouldKeepTheTrainerFromImportingTheClassifier =
            LayeringRules.TRAINER_DOES_NOT_IMPORT_CLASSIFIER;

    @ArchTest
    static final ArchRule shouldKeepTheReviewWorkbenchFromImportingTheApps =
            LayeringRules.REVIEW_DOES_NOT_IMPORT_THE_APPS;

    @ArchTest
    static final ArchRule shouldKeepKafkaOutOfTheModel = LayeringRules.MODEL_DOES_NOT_IMPORT_KAFKA;

    @ArchTest
    static final ArchRule shouldKeepTheLowerModulesFromImportingAppsOrTools =
            LayeringRules.LOWER_MODULES_DO_NOT_IMPORT_APPS_OR_TOOLS;

    @ArchTest
    static final ArchRule shouldHaveNoCycleBetweenModules = LayeringRules.MODULES_ARE_FREE_OF_CYCLES;

    @ArchTest
    static final ArchRule shouldHaveNoCycleBetweenPackages = LayeringRules.PACKAGES_ARE_FREE_OF_CYCLES;
}
