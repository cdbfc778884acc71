package io.streamtune.cyclea;

import io.streamtune.cyclea.inner.Inner;
import io.streamtune.cycleb.Second;

/** Fixture of LayeringRulesTest: one half of a cycle between two packages. */
public final class First {

    private First() {}

    static Second next() {
        return Second.create();
    }

    static String innerName() {
        return Inner.parentName();
    }

    /** Called by the other half and by the sub-package. */
    public static String name() {
        return "first";
    }
}
