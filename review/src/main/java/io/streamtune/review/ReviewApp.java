package io.streamtune.review;

import io.streamtune.review.config.ReviewConfig;
import io.streamtune.review.state.ReviewState;
import io.streamtune.review.web.ReviewServer;
import io.streamtune.review.web.Role;
import io.streamtune.review.web.SessionCookie;
import io.streamtune.review.web.UsersFile;
import io.streamtune.review.web.Views;
import io.streamtune.review.workbench.Workbench;
import java.time.Clock;
import org.apache.kafka.common.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running workbench: its state followed from Kafka and its page. */
public final class ReviewApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReviewApp.class);

    private final ReviewState state;
    private final ReviewServer server;

    private ReviewApp(ReviewState state, ReviewServer server) {
        this.state = state;
        this.server = server;
    }

    /**
     * Starts it.
     *
     * @throws ConfigException when the users file cannot be used (naming {@link ReviewConfig#USERS_FILE})
     */
    public static ReviewApp start(ReviewConfig config, Clock clock) {
        UsersFile users;
        try {
            users = UsersFile.read(config.usersFile());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(
                    ReviewConfig.USERS_FILE, config.usersFile().toString(), e.getMessage());
        }
        if (config.sessionSecret().isEmpty()) {
            LOG.warn(
                    "{} is not set: sessions are signed with a random key, so a restart logs everyone out and"
                            + " instances do not share logins",
                    ReviewConfig.SESSION_SECRET);
        }
        UsersFile known = users;
        ReviewState state = new ReviewState(config, clock, name -> known.user(name)
                        .map(user -> user.role() == Role.REVIEWER)
                        .orElse(false))
                .start();
        try {
            SessionCookie sessions = new SessionCookie(config.sessionSecret(), config.sessionLifetime(), clock);
            Views views =
                    new Views(state, config.modelName(), config.undoWindow().toSeconds());
            ReviewServer.Parts parts = new ReviewServer.Parts(
                    new Workbench(state, clock),
                    users,
                    sessions,
                    views,
                    config.tlsKeyStore().isPresent(),
                    config.rateLimitPerMinute(),
                    config.loginMaxFailures(),
                    clock);
            ReviewServer server = ReviewServer.start(parts, config.httpHost(), config.httpPort(), config.tlsKeyStore());
            return new ReviewApp(state, server);
        } catch (RuntimeException e) {
            state.close();
            throw e;
        }
    }

    /** The port the page listens on. */
    public int port() {
        return server.port();
    }

    public ReviewState state() {
        return state;
    }

    /** Stops the page, then sends every label still in its undo window, then stops reading. */
    @Override
    public void close() {
        server.close();
        state.close();
    }
}
