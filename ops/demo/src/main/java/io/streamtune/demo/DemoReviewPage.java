package io.streamtune.demo;

import io.streamtune.review.ReviewApp;
import io.streamtune.review.web.Role;
import io.streamtune.review.web.UsersFile;
import io.streamtune.schemas.FeedbackKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The review workbench beside the demo ({@code --review}): one reviewer, {@value #USER}, with a password made for
 * this run and printed with the address (the page listens on 127.0.0.1 only). What a person labels there goes to
 * {@code label-corrections} like any other feedback, so the trainer's next round learns from it.
 */
final class DemoReviewPage implements AutoCloseable {

    static final String USER = "demo";
    private static final String PASSWORD_LETTERS = "abcdefghijkmnpqrstuvwxyz23456789";
    private static final int PASSWORD_LENGTH = 12;

    private final ReviewApp app;
    private final String password;

    private DemoReviewPage(ReviewApp app, String password) {
        this.app = app;
        this.password = password;
    }

    /** Writes the run's users file and starts the workbench on the run's topics. */
    static DemoReviewPage start(DemoRun run, DemoSettings settings) throws IOException {
        String password = newPassword();
        Path usersFile = run.folder().resolve("review-users");
        Files.write(
                usersFile,
                List.of(
                        "# the demo's reviewer; the password is printed when the demo starts",
                        UsersFile.line(USER, Role.REVIEWER, password)),
                StandardCharsets.UTF_8);
        ReviewApp app = ReviewApp.start(run.reviewConfig(settings, usersFile), Clock.systemUTC());
        return new DemoReviewPage(app, password);
    }

    /** The line that tells a person where to go and how to log in. */
    String invitation() {
        return "Review page: http://127.0.0.1:" + app.port() + "/ (user " + USER + ", password " + password
                + "): correct or confirm what the model is least sure of while the stream runs";
    }

    /** Labels sent from the page so far, by kind. */
    Map<FeedbackKind, Long> sent() {
        Map<FeedbackKind, Long> sent = new EnumMap<>(FeedbackKind.class);
        sent.putAll(app.state().sender().sent());
        return sent;
    }

    /** Sends the labels still in their undo window, then stops the page. */
    @Override
    public void close() {
        app.close();
    }

    private static String newPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder(PASSWORD_LENGTH);
        for (int i = 0; i < PASSWORD_LENGTH; i++) {
            password.append(PASSWORD_LETTERS.charAt(random.nextInt(PASSWORD_LETTERS.length())));
        }
        return password.toString();
    }
}
