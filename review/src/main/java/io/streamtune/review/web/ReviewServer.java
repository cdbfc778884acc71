package io.streamtune.review.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import io.streamtune.review.queue.ItemFilter;
import io.streamtune.review.state.Decision;
import io.streamtune.review.web.SessionCookie.Session;
import io.streamtune.review.workbench.ReviewException;
import io.streamtune.review.workbench.Workbench;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The page and its API on Javalin (Jetty underneath: a well-kept embedded server, routing, static files and
 * request parsing that a hand-written server would repeat badly). Every API route needs a session; every change
 * also needs the session's CSRF token in {@code X-CSRF-Token}; each user has a request budget per minute.
 */
public final class ReviewServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReviewServer.class);
    private static final String SESSION = "session";
    private static final Set<String> OPEN_PATHS = Set.of(
            "/login",
            "/login.html",
            "/health/live",
            "/health/ready",
            "/metrics",
            "/assets/login.js",
            "/assets/review.css");

    private final Javalin app;

    private ReviewServer(Javalin app) {
        this.app = app;
    }

    /** What the server needs. */
    public record Parts(
            Workbench workbench,
            UsersFile users,
            SessionCookie sessions,
            Views views,
            boolean secureCookies,
            int requestsPerMinute,
            int loginFailures,
            Clock clock) {}

    /**
     * Starts the server.
     *
     * @param tls the PKCS12 key store and its password, to serve HTTPS
     */
    public static ReviewServer start(
            Parts parts, String host, int port, Optional<Map.Entry<java.nio.file.Path, String>> tls) {
        Throttle requests = new Throttle(parts.requestsPerMinute(), Duration.ofMinutes(1), parts.clock());
        Throttle failedLogins = new Throttle(parts.loginFailures(), Duration.ofMinutes(5), parts.clock());
        Routes routes = new Routes(parts, requests, failedLogins);
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jetty.host = host;
            config.jetty.port = port;
            tls.ifPresent(store -> TlsConnector.install(config, host, port, store.getKey(), store.getValue()));
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/review/static";
                files.location = Location.CLASSPATH;
            });
            config.routes.before(routes::authenticate);
            config.routes.get("/", ctx -> ctx.redirect("/index.html"));
            config.routes.post("/login", routes::login);
            config.routes.post("/logout", routes::logout);
            config.routes.get("/api/me", routes::me);
            config.routes.get("/api/next", routes::next);
            config.routes.post("/api/decide", routes::decide);
            config.routes.post("/api/skip", routes::skip);
            config.routes.post("/api/undo", routes::undo);
            config.routes.post("/api/resolve", routes::resolve);
            config.routes.get("/api/accuracy", routes::accuracy);
            config.routes.get("/health/live", ctx -> ctx.result("live"));
            config.routes.get("/health/ready", routes::ready);
            config.routes.get("/metrics", routes::metrics);
            config.routes.exception(ReviewException.class, (e, ctx) -> routes.error(ctx, e.status(), e.getMessage()));
            config.routes.exception(IOException.class, (e, ctx) -> routes.error(ctx, 400, "unreadable request"));
        });
        app.start();
        LOG.info("Review workbench at http{}://{}:{}/", tls.isPresent() ? "s" : "", host, app.port());
        return new ReviewServer(app);
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }

    /** The handlers. */
    private static final class Routes {

        private static final ObjectMapper JSON = new ObjectMapper();

        private final Parts parts;
        private final Throttle requests;
        private final Throttle failedLogins;

        Routes(Parts parts, Throttle requests, Throttle failedLogins) {
            this.parts = parts;
            this.requests = requests;
            this.failedLogins = failedLogins;
        }

        void authenticate(Context ctx) {
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'");
            ctx.header("Referrer-Policy", "no-referrer");
            Optional<Session> session = parts.sessions().read(ctx.cookie(SessionCookie.NAME));
            session.ifPresent(s -> ctx.attribute(SESSION, s));
            if (OPEN_PATHS.contains(ctx.path())) {
                return;
            }
            if (session.isEmpty()) {
                if (ctx.path().startsWith("/api/")) {
                    throw new ReviewException(401, "log in first");
                }
                ctx.redirect("/login.html");
                ctx.skipRemainingHandlers();
                return;
            }
            if (ctx.path().startsWith("/api/")) {
                if (!requests.allow(session.get().user())) {
                    throw new ReviewException(429, "too many requests; slow down");
                }
                if (ctx.method().name().equals("POST")
                        && !parts.sessions().validCsrf(session.get(), ctx.header("X-CSRF-Token"))) {
                    throw new ReviewException(403, "missing or wrong CSRF token; reload the page");
                }
            }
        }

        void login(Context ctx) {
            String user = Optional.ofNullable(ctx.formParam("user")).orElse("").trim();
            String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
            if (failedLogins.blocked(user)) {
                ctx.status(429).redirect("/login.html?error=throttled");
                return;
            }
            Optional<UsersFile.User> known = parts.users().authenticate(user, password);
            if (known.isEmpty()) {
                failedLogins.allow(user);
                LOG.warn("Failed login for user name '{}'", user.replaceAll("[^A-Za-z0-9._-]", "?"));
                ctx.redirect("/login.html?error=wrong");
                return;
            }
            failedLogins.clear(user);
            String cookie =
                    parts.sessions().issue(known.get().name(), known.get().role());
            ctx.header(
                    "Set-Cookie",
                    cookieHeader(cookie, parts.sessions().lifetime().toSeconds()));
            ctx.redirect("/index.html");
        }

        void logout(Context ctx) {
            ctx.header("Set-Cookie", cookieHeader("", 0));
            ctx.redirect("/login.html");
        }

        private String cookieHeader(String value, long maxAgeSeconds) {
            return SessionCookie.NAME + "=" + value + "; Path=/; Max-Age=" + maxAgeSeconds
                    + "; HttpOnly; SameSite=Strict" + (parts.secureCookies() ? "; Secure" : "");
        }

        void me(Context ctx) throws IOException {
            Session session = ctx.attribute(SESSION);
            json(
                    ctx,
                    Map.of(
                            "user", session.user(),
                            "role", session.role().key(),
                            "csrf", parts.sessions().csrfToken(session),
                            "undoSeconds", parts.views().undoSeconds()));
        }

        void next(Context ctx) throws IOException {
            Session session = ctx.attribute(SESSION);
            ItemFilter filter = new ItemFilter(
                    Optional.ofNullable(ctx.queryParam("label")),
                    version(ctx.queryParam("version")),
                    Optional.ofNullable(ctx.queryParam("q")));
            var offer = parts.workbench().next(session.user(), filter);
            if (offer.isEmpty()) {
                ctx.status(204);
                return;
            }
            json(ctx, parts.views().item(offer.get()));
        }

        private static OptionalLong version(String value) {
            if (value == null || value.isBlank()) {
                return OptionalLong.empty();
            }
            try {
                return OptionalLong.of(Long.parseLong(value.trim()));
            } catch (NumberFormatException e) {
                throw new ReviewException(400, "a model version is a number: " + value);
            }
        }

        void decide(Context ctx) throws IOException {
            Session session = ctx.attribute(SESSION);
            JsonNode body = body(ctx);
            Decision decision = parts.workbench().decide(session.user(), text(body, "eventId"), text(body, "label"));
            json(
                    ctx,
                    Map.of(
                            "eventId",
                            decision.item().eventId(),
                            "kind",
                            decision.kind().name()));
        }

        void skip(Context ctx) throws IOException {
            Session session = ctx.attribute(SESSION);
            parts.workbench().skip(session.user(), text(body(ctx), "eventId"));
            json(ctx, Map.of("skipped", true));
        }

        void undo(Context ctx) throws IOException {
            Session session = ctx.attribute(SESSION);
            json(ctx, Map.of("eventId", parts.workbench().undo(session.user()).eventId()));
        }

        void resolve(Context ctx) throws IOException {
            Session session = ctx.attribute(SESSION);
            if (session.role() != Role.REVIEWER) {
                throw new ReviewException(403, "only a reviewer resolves disagreements");
            }
            JsonNode body = body(ctx);
            var resolution = parts.workbench().resolve(session.user(), text(body, "eventId"), text(body, "label"));
            json(ctx, Map.of("eventId", resolution.getEventId(), "label", resolution.getLabel()));
        }

        void accuracy(Context ctx) throws IOException {
            Session session = ctx.attribute(SESSION);
            json(ctx, parts.views().accuracy(session.role() == Role.REVIEWER));
        }

        void ready(Context ctx) {
            boolean ready = parts.views().ready();
            ctx.status(ready ? 200 : 503).result(ready ? "ready" : "reading state");
        }

        void metrics(Context ctx) {
            ctx.contentType(io.streamtune.runtime.ops.MetricsPage.CONTENT_TYPE)
                    .result(parts.views().metrics());
        }

        void error(Context ctx, int status, String message) {
            ctx.status(status).contentType("application/json");
            try {
                ctx.result(JSON.writeValueAsString(Map.of("error", message)));
            } catch (IOException e) {
                ctx.result("{\"error\":\"error\"}");
            }
        }

        private static JsonNode body(Context ctx) {
            try {
                JsonNode node = JSON.readTree(ctx.body());
                if (node == null || !node.isObject()) {
                    throw new ReviewException(400, "the request body must be a JSON object");
                }
                return node;
            } catch (IOException e) {
                throw new ReviewException(400, "the request body is not JSON");
            }
        }

        private static String text(JsonNode body, String field) {
            JsonNode value = body.get(field);
            if (value == null || !value.isTextual() || value.asText().isBlank()) {
                throw new ReviewException(400, "missing field '" + field + "'");
            }
            return value.asText();
        }

        private static void json(Context ctx, Object value) throws IOException {
            ctx.contentType("application/json").result(JSON.writeValueAsString(value));
        }
    }
}
