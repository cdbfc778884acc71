package io.streamtune.cycleb;

import io.streamtune.cyclea.First;

/** Fixture of LayeringRulesTest: the other half of a cycle between two packages. */
public final class Second {

    private Second() {}

    /** Called by the other half. */
    public static Second create() {
        First.name();
        return new Second();
    }
}
