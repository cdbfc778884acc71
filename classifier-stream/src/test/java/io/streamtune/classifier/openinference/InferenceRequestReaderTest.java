package io.streamtune.classifier.openinference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InferenceRequestReaderTest {

    private final InferenceRequestReader reader = new InferenceRequestReader(new InferenceLimits(3, 10));

    @Test
    void shouldReadTheTextsIdAndAskedOutputs() {
        InferenceRequest request = read(
                "{\"id\":\"r-1\",\"inputs\":[{\"name\":\"text\",\"datatype\":\"BYTES\","
                        + "\"shape\":[2],\"data\":[\"good\",\"bad\"]}],\"outputs\":[{\"name\":\"label\"},{\"name\":\"scores\"}]}");

        assertThat(request.id()).contains("r-1");
        assertThat(request.texts()).containsExactly("good", "bad");
        assertThat(request.outputs()).containsExactlyInAnyOrder(InferenceOutput.LABEL, InferenceOutput.SCORES);
    }

    @Test
    void shouldReadNestedDataRowMajorAndAnswerEveryOutputWhenNoneIsAsked() {
        InferenceRequest request = read(
                "{\"inputs\":[{\"name\":\"text\",\"datatype\":\"BYTES\",\"shape\":[3,1],\"data\":[[\"a\"],[\"b\"],[\"c\"]]}]}");

        assertThat(request.id()).isEmpty();
        assertThat(request.texts()).isEqualTo(List.of("a", "b", "c"));
        assertThat(request.outputs()).isEqualTo(EnumSet.allOf(InferenceOutput.class));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "malformed JSON|{\"inputs\": [|400|not valid JSON",
                "not an object|[1,2]|400|must be a JSON object",
                "empty body||400|the request body is empty",
                "no inputs|{\"id\":\"x\"}|400|'inputs' is missing",
                "two inputs|{\"inputs\":[{},{}]}|400|exactly one input",
                "wrong input name|{\"inputs\":[{\"name\":\"sentence\",\"datatype\":\"BYTES\",\"shape\":[1],\"data\":[\"a\"]}]}"
                        + "|400|inputs[0].name must be 'text', not \"sentence\"",
                "wrong datatype|{\"inputs\":[{\"name\":\"text\",\"datatype\":\"FP32\",\"shape\":[1],\"data\":[1.0]}]}"
                        + "|400|inputs[0].datatype must be 'BYTES', not \"FP32\"",
                "no shape|{\"inputs\":[{\"name\":\"text\",\"datatype\":\"BYTES\",\"data\":[\"a\"]}]}|400|inputs[0].shape",
                "negative shape|{\"inputs\":[{\"name\":\"text\",\"datatype\":\"BYTES\",\"shape\":[-1],\"data\":[\"a\"]}]}"
                        + "|400|non-negative integers",
                "shape not matching|{\"inputs\":[{\"name\":\"text\",\"datatype\":\"BYTES\",\"shape\":[2],\"data\":[\"a\"]}]}"
                        + "|400|holds 2 elements but data has 1",
                "non-string data|{\"inputs\":[{\"name\":\"text\",\"datatype\":\"BYTES\",\"shape\":[2],\"data\":[\"a\",7]}]}"
                        + "|400|inputs[0].data[1] must be a string, not number",
                "empty data|{\"inputs\":[{\"name\":\"text\",\"datatype\":\"BYTES\",\"shape\":[0],\"data\":[]}]}"
                        + "|400|inputs[0].data is empty",
                "data not an array|{\"inputs\":[{\"name\":\"text\",\"datatype\":\"BYTES\",\"shape\":[1],\"data\":\"a\"}]}"
                        + "|400|inputs[0].data must be an array",
                "too many texts|{\"inputs\":[{\"name\":\"text\",\"datatype\":\"BYTES\",\"shape\":[4],\"data\":[\"a\",\"b\",\"c\",\"d\"]}]}"
                        + "|413|more than 3 texts in one request (the limit classifier.inference.http.max.texts)",
                "text too long|{\"inputs\":[{\"name\":\"text\",\"datatype\":\"BYTES\",\"shape\":[1],\"data\":[\"ééééé é\"]}]}"
                        + "|413|inputs[0].data[0] has 13 UTF-8 bytes, more than the limit of 10 (classifier.text.max.bytes)",
                "id not a string|{\"id\":5,\"inputs\":[{\"name\":\"text\",\"datatype\":\"BYTES\",\"shape\":[1],\"data\":[\"a\"]}]}"
                        + "|400|'id' must be a string",
                "unknown output|{\"inputs\":[{\"name\":\"text\",\"datatype\":\"BYTES\",\"shape\":[1],\"data\":[\"a\"]}],"
                        + "\"outputs\":[{\"name\":\"logits\"}]}|400|unknown output \"logits\"; the outputs are label,"
            })
    void shouldRefuseABadRequestWithItsStatusAndTheFieldNamed(String problem, String body, int status, String message) {
        RequestRefused refused = catchThrowableOfType(RequestRefused.class, () -> read(body == null ? "" : body));

        assertThat(refused).as(problem).isNotNull();
        assertThat(refused.status()).as(problem).isEqualTo(status);
        assertThat(refused.getMessage()).as(problem).contains(message);
    }

    private InferenceRequest read(String body) {
        return reader.read(body.getBytes(StandardCharsets.UTF_8));
    }
}
