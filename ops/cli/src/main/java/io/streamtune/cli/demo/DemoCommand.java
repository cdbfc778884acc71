package io.streamtune.cli.demo;

import io.streamtune.cli.client.CommandException;
import io.streamtune.demo.Demo;
import io.streamtune.demo.DemoLogging;
import io.streamtune.demo.DemoOption;
import io.streamtune.demo.DemoResult;
import io.streamtune.demo.DemoSettings;
import io.streamtune.stack.RepositoryRoot;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.apache.kafka.common.config.ConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code streamtune demo}: the whole loop on this machine in one command (see {@link Demo}). Each option only sets
 * its value in a {@link DemoSettings.Builder}, which owns the defaults (the full demo) and checks the values. Ctrl-C
 * stops the demo and everything it started. A bad option or data line is one line on stderr.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Start a local stack, bootstrap model v1 from part of the sentiment data, run the classifier and the"
                    + " trainer, stream the rest while a simulated person corrects wrong predictions, and end with"
                    + " a summary and an accuracy chart (HTML and PNG).",
            "Defaults take about 5-8 minutes on a 2-core CPU."
        },
        modelTransformer = DemoCommand.Options.class)
public final class DemoCommand implements Callable<Integer> {

    static final int CANCELLED = 130;

    private final DemoSettings.Builder settings = DemoSettings.builder();

    @Override
    public Integer call() throws Exception {
        try {
            return run(settings(RepositoryRoot.locate()));
        } catch (IllegalArgumentException | ConfigException e) {
            throw new CommandException("demo: " + e.getMessage(), e);
        }
    }

    private static int run(DemoSettings settings) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Demo demo = new Demo(settings, out);
        Path log = Files.createDirectories(demo.folder()).resolve("demo.log");
        if (DemoLogging.toFile(log)) {
            out.println("Service logs (fine-tuning steps, reloads, stack): " + log);
        }
        Thread hook = new Thread(() -> stop(demo, out), "streamtune-demo-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        DemoResult result = demo.run();
        return result.cancelled() ? CANCELLED : 0;
    }

    private static void stop(Demo demo, PrintStream out) {
        demo.cancel();
        try {
            if (!demo.awaitStopped(Duration.ofMillis(1))) {
                out.println("Stopping the demo: producer, classifier, trainer, then the stack ...");
                demo.awaitStopped(Duration.ofMinutes(3));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The settings the options gave, the rest at the full demo's defaults in the checkout at {@code repositoryRoot}. */
    DemoSettings settings(Path repositoryRoot) {
        return settings.setRepositoryRoot(repositoryRoot).build();
    }

    /** Adds one option per {@link DemoOption}; parsing it sets its value in the command's settings builder. */
    public static final class Options implements IModelTransformer {

        @Override
        public CommandSpec transform(CommandSpec command) {
            DemoSettings.Builder settings = ((DemoCommand) command.userObject()).settings;
            for (DemoOption option : DemoOption.values()) {
                command.addOption(OptionSpec.builder(option.optionName())
                        .paramLabel(option.paramLabel())
                        .type(option.type())
                        .description(option.description())
                        .setter(new Setting(option, settings))
                        .build());
            }
            return command;
        }
    }

    /** Puts an option's parsed value in the builder (picocli also hands it the unset initial value, null). */
    private record Setting(DemoOption option, DemoSettings.Builder settings) implements ISetter {

        @Override
        public <T> T set(T value) {
            if (value != null) {
                option.applyTo(settings, value);
            }
            return null;
        }
    }
}
