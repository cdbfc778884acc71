package io.streamtune.classifier.it;

import io.streamtune.classifier.ClassifierApp;

/**
 * The classifier application with the stand-in model, for tests that run it as a child process and kill it:
 * {@code java -cp <test classpath> io.streamtune.classifier.it.StandInClassifierMain classifier.properties}.
 */
public final class StandInClassifierMain {

    private StandInClassifierMain() {}

    public static void main(String[] args) {
        ClassifierApp.run(ClassifierApp.loadOrExit(args), new FakeLoader());
    }
}
