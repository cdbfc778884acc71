package io.streamtune.cli.review;

import io.streamtune.cli.client.CommandException;
import io.streamtune.review.ReviewApp;
import io.streamtune.review.config.ReviewConfig;
import io.streamtune.runtime.app.AppLifecycle;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.apache.kafka.common.config.ConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code streamtune review --config FILE}: the review workbench until Ctrl-C. */
@Command(
        name = "review",
        mixinStandardHelpOptions = true,
        subcommands = AddUserCommand.class,
        description = {
            "Run the review workbench until Ctrl-C: a web page where people see what the model is least sure of"
                    + " (and a uniform audit sample), and correct, confirm or audit it by click or keyboard.",
            "It reads classifications, label-corrections, model-versions and review-leases, and writes"
                    + " label-corrections (with the logged-in user as annotator) and review-leases. The --config file"
                    + " is the apps' file; review.users.file names the users (streamtune review add-user writes it)."
        })
public final class ReviewCommand implements Callable<Integer> {

    // not required by picocli: it would then be required for add-user too
    @Option(names = "--config", paramLabel = "FILE", description = "The apps' configuration file (required).")
    Path config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        if (config == null) {
            throw new CommandException("review needs --config FILE (the apps' file; streamtune init writes one)");
        }
        ReviewConfig settings;
        try {
            settings = ReviewConfig.load(config, System.getenv());
        } catch (ConfigException e) {
            throw new CommandException(
                    "invalid configuration for the review workbench in " + config + ": " + e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        return AppLifecycle.of("streamtune review").runUntilStopped(onFatal -> {
            ReviewApp app = ReviewApp.start(settings, Clock.systemUTC());
            String scheme = settings.tlsKeyStore().isPresent() ? "https" : "http";
            out.println("Review workbench for model " + settings.modelName() + ": " + scheme + "://"
                    + settings.httpHost() + ":" + app.port() + "/ (Ctrl-C stops it)");
            out.flush();
            return app;
        });
    }
}
