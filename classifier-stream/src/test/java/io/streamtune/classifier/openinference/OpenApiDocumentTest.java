package io.streamtune.classifier.openinference;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenApiDocumentTest {

    private final JsonNode document = read();

    @Test
    void shouldBeOpenApi3AndDescribeEveryServedPathAndNoOther() {
        List<String> documented = new ArrayList<>();
        document.get("paths").fieldNames().forEachRemaining(documented::add);

        assertThat(document.get("openapi").asText()).startsWith("3.");
        assertThat(documented).containsExactlyInAnyOrderElementsOf(InferenceRoutes.SERVED_PATHS);
    }

    @Test
    void shouldDocumentEachModelPathWithTheMethodItTakesAndTheBearerScheme() {
        for (String path : InferenceRoutes.SERVED_PATHS) {
            String method = path.endsWith("/infer") ? "post" : "get";
            assertThat(document.get("paths").get(path).has(method))
                    .as(path + " " + method)
                    .isTrue();
        }
        JsonNode infer = document.get("paths").get("/v2/models/{name}/infer").get("post");
        assertThat(infer.get("responses").fieldNames())
                .toIterable()
                .contains("200", "400", "401", "404", "405", "413", "503");
        assertThat(document.at("/components/securitySchemes/bearer/scheme").asText())
                .isEqualTo("bearer");
    }

    private static JsonNode read() {
        try {
            return new ObjectMapper().readTree(OpenApiDocument.text());
        } catch (Exception e) {
            throw new AssertionError("openapi.json is not valid JSON", e);
        }
    }
}
