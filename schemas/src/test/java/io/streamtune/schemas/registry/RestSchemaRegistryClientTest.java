package io.streamtune.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamtune.schemas.TextEvent;
import io.streamtune.schemas.serde.PortableSchema;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RestSchemaRegistryClientTest {

    private static final Schema SCHEMA = PortableSchema.of(TextEvent.getClassSchema());
    private static final RetryPolicy FAST_RETRIES = new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(5));

    private final ScriptedHttpServer server = new ScriptedHttpServer();

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void shouldRegisterWithConfluentContentTypeAndCacheTheId() throws Exception {
        server.answer(200, "{\"id\":7}");
        RestSchemaRegistryClient client = client(RegistryClientConfig.builder(List.of(URI.create(server.baseUrl()))));

        int first = client.register("text-events-value", SCHEMA);
        int second = client.register("text-events-value", SCHEMA);

        assertThat(first).isEqualTo(7);
        assertThat(second).isEqualTo(7);
        assertThat(server.requests()).hasSize(1);
        ScriptedHttpServer.Request request = server.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/subjects/text-events-value/versions");
        assertThat(request.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
        String sentSchema =
                new ObjectMapper().readTree(request.body()).get("schema").asText();
        assertThat(new Schema.Parser().parse(sentSchema)).isEqualTo(SCHEMA);
    }

    @Test
    void shouldKeepIdsPerSubjectBecauseSomeRegistriesGiveEachSubjectItsOwnId() {
        server.answer(200, "{\"id\":1}").answer(200, "{\"id\":2}");
        RestSchemaRegistryClient client = client(RegistryClientConfig.builder(List.of(URI.create(server.baseUrl()))));

        assertThat(client.register("a-value", SCHEMA)).isEqualTo(1);
        assertThat(client.register("b-value", SCHEMA)).isEqualTo(2);
        assertThat(client.schemaById(2)).isEqualTo(SCHEMA);
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void shouldFetchSchemaByIdOnce() {
        server.answer(200, "{\"schema\":" + quoted(SCHEMA.toString()) + "}");
        RestSchemaRegistryClient client = client(RegistryClientConfig.builder(List.of(URI.create(server.baseUrl()))));

        assertThat(client.schemaById(3)).isEqualTo(SCHEMA);
        assertThat(client.schemaById(3)).isEqualTo(SCHEMA);
        assertThat(server.requests()).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("GET");
            assertThat(request.path()).isEqualTo("/schemas/ids/3");
        });
    }

    @Test
    void shouldReadLatestVersionOfSubjectUnderABasePath() {
        server.answer(
                200,
                "{\"subject\":\"text-events-value\",\"id\":9,\"version\":4,\"schema\":" + quoted(SCHEMA.toString())
                        + "}");
        RestSchemaRegistryClient client =
                client(RegistryClientConfig.builder(List.of(URI.create(server.baseUrl() + "/api/v1/confluent/"))));

        RegisteredSchema latest = client.latest("text-events-value");

        assertThat(latest).isEqualTo(new RegisteredSchema("text-events-value", 9, 4, SCHEMA));
        assertThat(server.requests().get(0).path())
                .isEqualTo("/api/v1/confluent/subjects/text-events-value/versions/latest");
    }

    @Test
    void shouldTurnRegistryErrorIntoTypedExceptionWithoutRetrying() {
        server.answer(404, "{\"error_code\":40403,\"message\":\"Schema not found\"}");
        RestSchemaRegistryClient client = client(RegistryClientConfig.builder(List.of(URI.create(server.baseUrl())))
                .retryPolicy(FAST_RETRIES));

        SchemaRegistryException error = catchThrowableOfType(SchemaRegistryException.class, () -> client.schemaById(5));

        assertThat(error.httpStatus()).isEqualTo(404);
        assertThat(error.errorCode()).isEqualTo(SchemaRegistryException.SCHEMA_NOT_FOUND);
        assertThat(error.isNotFound()).isTrue();
        assertThat(error).hasMessageContaining("Schema not found").hasMessageContaining("40403");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void shouldRetryServerErrorsUntilAnAnswerComes() {
        server.answer(503, "busy")
                .answer(500, "{\"error_code\":50001,\"message\":\"store\"}")
                .answer(200, "{\"id\":4}");
        RestSchemaRegistryClient client = client(RegistryClientConfig.builder(List.of(URI.create(server.baseUrl())))
                .retryPolicy(FAST_RETRIES));

        assertThat(client.register("text-events-value", SCHEMA)).isEqualTo(4);
        assertThat(server.requests()).hasSize(3);
    }

    @Test
    void shouldGiveUpAfterTheLastRetry() {
        server.answer(500, "{\"error_code\":50001,\"message\":\"store down\"}");
        RestSchemaRegistryClient client = client(RegistryClientConfig.builder(List.of(URI.create(server.baseUrl())))
                .retryPolicy(FAST_RETRIES));

        SchemaRegistryException error =
                catchThrowableOfType(SchemaRegistryException.class, () -> client.register("s", SCHEMA));

        assertThat(error.httpStatus()).isEqualTo(500);
        assertThat(error.errorCode()).isEqualTo(50001);
        assertThat(server.requests()).hasSize(1 + FAST_RETRIES.maxRetries());
    }

    @Test
    void shouldFailOverToTheNextUrlWhenOneDoesNotAnswer() throws Exception {
        server.answer(200, "{\"id\":11}");
        URI deadUrl = URI.create("http://127.0.0.1:" + unusedPort());
        RestSchemaRegistryClient client =
                client(RegistryClientConfig.builder(List.of(deadUrl, URI.create(server.baseUrl())))
                        .retryPolicy(FAST_RETRIES));

        assertThat(client.register("text-events-value", SCHEMA)).isEqualTo(11);
    }

    @Test
    void shouldReportNoAnswerWithStatusZero() throws Exception {
        URI deadUrl = URI.create("http://127.0.0.1:" + unusedPort());
        RestSchemaRegistryClient client =
                client(RegistryClientConfig.builder(List.of(deadUrl)).retryPolicy(RetryPolicy.NONE));

        SchemaRegistryException error = catchThrowableOfType(SchemaRegistryException.class, () -> client.schemaById(1));

        assertThat(error.httpStatus()).isZero();
        assertThat(error.isRetriable()).isTrue();
    }

    @Test
    void shouldSendBasicAuthCredentials() {
        server.answer(200, "{\"id\":1}");
        client(RegistryClientConfig.builder(List.of(URI.create(server.baseUrl())))
                        .basicAuth("fred:letmein"))
                .register("s", SCHEMA);

        assertThat(server.requests().get(0).authorization()).isEqualTo("Basic ZnJlZDpsZXRtZWlu");
    }

    @Test
    void shouldSendBearerToken() {
        server.answer(200, "{\"id\":1}");
        client(RegistryClientConfig.builder(List.of(URI.create(server.baseUrl())))
                        .bearerToken("t0ken"))
                .register("s", SCHEMA);

        assertThat(server.requests().get(0).authorization()).isEqualTo("Bearer t0ken");
    }

    @Test
    void shouldLookUpRegisteredSchemaAndAnswerEmptyWhenAbsent() {
        server.answer(200, "{\"subject\":\"s\",\"id\":6,\"version\":2,\"schema\":" + quoted(SCHEMA.toString()) + "}")
                .answer(404, "{\"error_code\":40403,\"message\":\"Schema not found\"}");
        RestSchemaRegistryClient client = client(RegistryClientConfig.builder(List.of(URI.create(server.baseUrl()))));

        assertThat(client.lookup("s", SCHEMA)).hasValue(new RegisteredSchema("s", 6, 2, SCHEMA));
        assertThat(client.lookup("other", SCHEMA)).isEmpty();
        assertThat(server.requests().get(0).path()).isEqualTo("/subjects/s");
    }

    @Test
    void shouldTestCompatibilityAgainstLatestVersion() {
        server.answer(200, "{\"is_compatible\":false}")
                .answer(404, "{\"error_code\":40401,\"message\":\"Subject not found\"}");
        RestSchemaRegistryClient client = client(RegistryClientConfig.builder(List.of(URI.create(server.baseUrl()))));

        assertThat(client.testCompatibility("s", SCHEMA)).isFalse();
        assertThat(client.testCompatibility("new-subject", SCHEMA)).isTrue();
        assertThat(server.requests().get(0).path()).isEqualTo("/compatibility/subjects/s/versions/latest");
    }

    @Test
    void shouldEncodeSubjectInPath() {
        server.answer(200, "{\"id\":1}");
        client(RegistryClientConfig.builder(List.of(URI.create(server.baseUrl()))))
                .register("odd subject/x", SCHEMA);

        assertThat(server.requests().get(0).path()).isEqualTo("/subjects/odd%20subject%2Fx/versions");
    }

    private static RestSchemaRegistryClient client(RegistryClientConfig.Builder builder) {
        return new RestSchemaRegistryClient(builder.build());
    }

    private static String quoted(String text) {
        try {
            return new ObjectMapper().writeValueAsString(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int unusedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
