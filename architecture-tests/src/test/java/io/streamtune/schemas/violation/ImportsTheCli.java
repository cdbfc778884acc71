package io.streamtune.schemas.violation;

import io.streamtune.cli.Main;

/** Fixture of LayeringRulesTest: a schemas class that reaches up into the command-line tool. */
public final class ImportsTheCli {

    private ImportsTheCli() {}

    static String name() {
        return Main.class.getName();
    }
}
