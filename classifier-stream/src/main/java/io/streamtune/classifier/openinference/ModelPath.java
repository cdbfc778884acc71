package io.streamtune.classifier.openinference;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalLong;

/**
 * A path under {@value #PREFIX}: {@code <name>[/versions/<version>]} followed by nothing (metadata), {@code /ready}
 * or {@code /infer}.
 *
 * @param modelName the model named in the path
 * @param version the version named in the path, if any
 * @param action what is asked of the model
 */
record ModelPath(String modelName, OptionalLong version, Action action) {

    static final String PREFIX = "/v2/models/";

    /** What a model path asks, and the method it takes. */
    enum Action {
        METADATA("GET"),
        READY("GET"),
        INFER("POST");

        private final String method;

        Action(String method) {
            this.method = method;
        }

        String method() {
            return method;
        }
    }

    /** @throws RequestRefused with 404 when the path is not one of the protocol's model paths */
    static ModelPath parse(String path) {
        if (!path.startsWith(PREFIX)) {
            throw notFound(path);
        }
        List<String> segments = List.of(path.substring(PREFIX.length()).split("/", -1));
        String name = URLDecoder.decode(segments.get(0), StandardCharsets.UTF_8);
        if (name.isEmpty()) {
            throw notFound(path);
        }
        int rest = 1;
        OptionalLong version = OptionalLong.empty();
        if (segments.size() >= 3 && segments.get(1).equals("versions")) {
            version = OptionalLong.of(version(segments.get(2), path));
            rest = 3;
        }
        List<String> tail = segments.subList(rest, segments.size());
        Action action = tail.isEmpty() ? Action.METADATA : tail.size() == 1 ? action(tail.get(0), path) : null;
        if (action == null) {
            throw notFound(path);
        }
        return new ModelPath(name, version, action);
    }

    private static Action action(String segment, String path) {
        return switch (segment) {
            case "ready" -> Action.READY;
            case "infer" -> Action.INFER;
            default -> throw notFound(path);
        };
    }

    private static long version(String segment, String path) {
        try {
            return Long.parseLong(segment);
        } catch (NumberFormatException e) {
            throw new RequestRefused(404, "version '" + segment + "' in " + path + " is not a version number");
        }
    }

    private static RequestRefused notFound(String path) {
        return new RequestRefused(
                404,
                "no such path: " + path + " (the model paths are " + PREFIX
                        + "<name>[/versions/<version>][/ready|/infer])");
    }
}
