package io.streamtune.deployment;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The JSON-schema validation of {@code ops/kubernetes/schema-check} (npm's kubernetes-models, with the KEDA and
 * Prometheus Operator models), run by node. It is there once {@code npm ci} ran in that folder, as {@code .ci/run}
 * does.
 */
final class SchemaCheck {

    static final Path FOLDER = KubernetesManifests.ROOT.resolve("schema-check");

    /** What the validator said: one line per resource, and its exit code. */
    record Result(int exitCode, List<String> lines) {}

    private SchemaCheck() {}

    static boolean installed() {
        return Files.isDirectory(FOLDER.resolve("node_modules/kubernetes-models")) && Kustomize.onPath("node");
    }

    static Result validate(List<Map<String, Object>> resources) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(
                        "node", FOLDER.resolve("validate.mjs").toString())
                .directory(FOLDER.toFile())
                .redirectErrorStream(true)
                .start();
        try (OutputStream input = process.getOutputStream()) {
            input.write(new ObjectMapper().writeValueAsBytes(resources));
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the schema check did not finish within 60 s");
        }
        return new Result(process.exitValue(), output.lines().toList());
    }
}
