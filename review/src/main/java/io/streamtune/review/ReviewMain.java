package io.streamtune.review;

import io.streamtune.review.config.ReviewConfig;
import io.streamtune.runtime.app.AppLifecycle;
import java.nio.file.Path;
import java.time.Clock;

/**
 * {@code java -cp ... io.streamtune.review.ReviewMain [FILE]}: the workbench on the settings of the file (if any)
 * and the {@code STREAMTUNE_*} environment. {@code streamtune review --config FILE} runs the same.
 */
public final class ReviewMain {

    private ReviewMain() {}

    public static void main(String[] args) throws InterruptedException {
        AppLifecycle lifecycle = AppLifecycle.of("review");
        Path file = args.length > 0 ? Path.of(args[0]) : null;
        ReviewConfig config = lifecycle.configuration(() -> ReviewConfig.load(file, System.getenv()));
        System.exit(lifecycle.runUntilStopped(onFatal -> ReviewApp.start(config, Clock.systemUTC())));
    }
}
