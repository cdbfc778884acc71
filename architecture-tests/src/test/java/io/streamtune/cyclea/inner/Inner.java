package io.streamtune.cyclea.inner;

import io.streamtune.cyclea.First;

/** Fixture of LayeringRulesTest: a sub-package that depends on its parent package, which depends on it. */
public final class Inner {

    private Inner() {}

    /** Called by the parent package. */
    public static String parentName() {
        return First.name();
    }
}
