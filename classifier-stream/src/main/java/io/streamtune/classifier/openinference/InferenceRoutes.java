package io.streamtune.classifier.openinference;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.streamtune.classifier.inference.BatchClassifier;
import io.streamtune.classifier.inference.ServedModel;
import io.streamtune.runtime.ops.OperationsServer;
import io.streamtune.runtime.ops.OperationsServer.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Open Inference Protocol's HTTP routes on the operations server: {@code /v2/health/live}, {@code
 * /v2/health/ready}, {@code /v2} (server metadata), {@code /v2/openapi.json}, and every path under {@value
 * ModelPath#PREFIX} (bearer token first, then path, method, model and version). A client's mistake is answered
 * with its 4xx and {@code {"error": ...}}; only a failing model is a 500.
 */
public final class InferenceRoutes {

    private static final Logger log = LoggerFactory.getLogger(InferenceRoutes.class);
    static final String SERVER_NAME = "streamtune-classifier";
    static final List<String> SERVED_PATHS = List.of(
            "/v2",
            "/v2/health/live",
            "/v2/health/ready",
            "/v2/openapi.json",
            "/v2/models/{name}",
            "/v2/models/{name}/ready",
            "/v2/models/{name}/infer",
            "/v2/models/{name}/versions/{version}",
            "/v2/models/{name}/versions/{version}/ready",
            "/v2/models/{name}/versions/{version}/infer");

    private final ModelEndpoint model;
    private final InferenceRequestReader reader;
    private final InferenceLimits limits;
    private final BearerToken token;
    private final BooleanSupplier serverReady;

    /**
     * @param served the version served now
     * @param classifier the stream's own classifier, so HTTP sees a reload at once
     * @param serverReady the instance's readiness, for {@code /v2/health/ready}
     */
    public InferenceRoutes(
            InferenceSettings settings,
            Supplier<Optional<ServedModel>> served,
            BatchClassifier classifier,
            BooleanSupplier serverReady) {
        this.model = new ModelEndpoint(settings.modelName(), served, classifier, settings.maxLength());
        this.limits = settings.limits();
        this.reader = new InferenceRequestReader(limits);
        this.token = new BearerToken(settings.token());
        this.serverReady = serverReady;
    }

    /** Adds the routes to an operations server being built. */
    public OperationsServer.Builder addTo(OperationsServer.Builder builder) {
        String server = Json.write(Json.object()
                .put("name", SERVER_NAME)
                .put(
                        "version",
                        Optional.ofNullable(InferenceRoutes.class.getPackage().getImplementationVersion())
                                .orElse("dev"))
                .set("extensions", Json.MAPPER.createArrayNode()));
        String openApi = OpenApiDocument.text();
        return builder.route(
                        "GET",
                        "/v2/health/live",
                        exchange -> Response.json(Json.write(Json.object().put("live", true))))
                .route("GET", "/v2/health/ready", exchange -> readiness(serverReady.getAsBoolean(), Json.object()))
                .route("GET", "/v2", exchange -> Response.json(server))
                .route("GET", "/v2/openapi.json", exchange -> Response.json(openApi))
                .prefixRoute(ModelPath.PREFIX, this::answer);
    }

    Response answer(HttpExchange exchange) throws IOException {
        try {
            token.check(exchange.getRequestHeaders().getFirst("Authorization"));
            ModelPath path = ModelPath.parse(exchange.getRequestURI().getPath());
            String method = path.action().method();
            if (!exchange.getRequestMethod().equals(method)) {
                return error(new RequestRefused(
                                405,
                                "use " + method + " on "
                                        + exchange.getRequestURI().getPath()))
                        .withHeader("Allow", method);
            }
            return switch (path.action()) {
                case METADATA -> Response.json(model.metadata(path));
                case READY -> readyAnswer(path);
                case INFER -> Response.json(model.infer(path, reader.read(body(exchange))));
            };
        } catch (RequestRefused refused) {
            return error(refused);
        } catch (RuntimeException e) {
            log.warn("{} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            return Response.json(500, Json.error("inference failed: " + e));
        }
    }

    private Response readyAnswer(ModelPath path) {
        return readiness(model.ready(path), Json.object().put("name", path.modelName()));
    }

    private byte[] body(HttpExchange exchange) throws IOException {
        long max = limits.maxBodyBytes();
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null && declared.matches("\\d{1,18}") && Long.parseLong(declared) > max) {
            throw tooLargeBody(max);
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes((int) max + 1);
            if (body.length > max) {
                throw tooLargeBody(max);
            }
            return body;
        }
    }

    private RequestRefused tooLargeBody(long max) {
        return RequestRefused.tooLarge("the request body is over " + max + " bytes (twice "
                + limits.maxTexts() + " texts of classifier.text.max.bytes " + limits.textMaxBytes()
                + ", plus 64 KiB)");
    }

    /** 200 with {@code "ready": true}, or 503 with false, after what the answer already says. */
    private static Response readiness(boolean ready, ObjectNode answer) {
        return Response.json(ready ? 200 : 503, Json.write(answer.put("ready", ready)));
    }

    private static Response error(RequestRefused refused) {
        return Response.json(refused.status(), Json.error(refused.getMessage()));
    }
}
