package io.streamtune.model.bert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BertConfigTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldReadHuggingFaceConfigJson(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("config.json");
        Files.writeString(file, """
                {"model_type": "bert", "architectures": ["BertForMaskedLM"], "vocab_size": 30522,
                 "hidden_size": 768, "num_hidden_layers": 12, "num_attention_heads": 12,
                 "intermediate_size": 3072, "hidden_act": "gelu", "max_position_embeddings": 512,
                 "type_vocab_size": 2, "layer_norm_eps": 1e-12, "hidden_dropout_prob": 0.1}
                """);

        BertConfig config = BertConfig.read(file);

        assertThat(config.hiddenSize()).isEqualTo(768);
        assertThat(config.headSize()).isEqualTo(64);
        assertThat(config.layerNormEps()).isEqualTo(1e-12);
        assertThat(config.attentionProbsDropoutProb()).isEqualTo(0.1);
    }

    @Test
    void shouldRefuseOtherModelTypeNamingIt() {
        ObjectNode json = tiny().toJson();
        json.put("model_type", "roberta");

        assertThatThrownBy(() -> BertConfig.fromJson(json, "x/config.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unsupported model_type 'roberta'");
    }

    @Test
    void shouldRefuseUnsupportedArchitectureAndActivation() {
        ObjectNode architecture = tiny().toJson();
        architecture.putArray("architectures").add("BertLMHeadModel");
        ObjectNode activation = tiny().toJson();
        activation.put("hidden_act", "relu");

        assertThatThrownBy(() -> BertConfig.fromJson(architecture, "a"))
                .hasMessageContaining("unsupported architecture 'BertLMHeadModel'");
        assertThatThrownBy(() -> BertConfig.fromJson(activation, "b")).hasMessageContaining("hidden_act 'relu'");
    }

    @Test
    void shouldRoundTripThroughJsonWithLabels() throws Exception {
        ObjectNode json = tiny().toJson(List.of("neg", "pos"));

        BertConfig back = BertConfig.fromJson(JSON.readTree(json.toString()), "round trip");

        assertThat(back).isEqualTo(tiny());
        assertThat(json.get("id2label").get("1").asText()).isEqualTo("pos");
        assertThat(json.get("label2id").get("neg").asInt()).isZero();
    }

    @Test
    void shouldSynthesiseConfigFromWeightShapes() {
        Map<String, long[]> shapes = Map.of(
                "embeddings.word_embeddings.weight", new long[] {30522, 384},
                "embeddings.position_embeddings.weight", new long[] {512, 384},
                "embeddings.token_type_embeddings.weight", new long[] {2, 384},
                "encoder.layer.0.intermediate.dense.weight", new long[] {1536, 384},
                "encoder.layer.5.output.LayerNorm.bias", new long[] {384});

        BertConfig config = BertConfig.fromWeightShapes(shapes, 12);

        assertThat(config).isEqualTo(new BertConfig(30522, 384, 6, 12, 1536, 512, 2, 1e-12, 0.1, 0.1));
    }

    @Test
    void shouldRefuseHiddenSizeNotDivisibleByHeads() {
        assertThatThrownBy(() -> new BertConfig(10, 30, 1, 4, 8, 16, 2, 1e-12, 0, 0))
                .hasMessageContaining("not a multiple of num_attention_heads");
    }

    static BertConfig tiny() {
        return new BertConfig(50, 16, 2, 4, 32, 24, 2, 1e-12, 0.1, 0.1);
    }
}
