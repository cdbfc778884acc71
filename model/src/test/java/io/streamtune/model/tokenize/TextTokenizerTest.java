package io.streamtune.model.tokenize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamtune.model.base.BuiltInBase;
import io.streamtune.model.training.SentimentData;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TextTokenizerTest {

    /** The first stream record of the sentiment data; ids read by hand from the MiniLM vocabulary. */
    private static final String KNOWN = "We won't be going back anytime soon!";

    private static final long[] KNOWN_IDS = {101, 2057, 2180, 1005, 1056, 2022, 2183, 2067, 15933, 2574, 999, 102};

    private static TextTokenizer tokenizer;

    @BeforeAll
    static void load() throws IOException {
        tokenizer = BuiltInBase.ALL_MINILM_L6_V2.loadTokenizer(TokenizerConfig.defaults());
    }

    @AfterAll
    static void close() {
        tokenizer.close();
    }

    @Test
    void shouldEncodeKnownSentenceToExactIds() {
        TokenizedText text = tokenizer.encode(KNOWN);

        assertThat(text.ids()).containsExactly(KNOWN_IDS);
        assertThat(text.typeIds()).hasSize(12).containsOnly(0L);
        assertThat(text.truncated()).isFalse();
        assertThat(text.fullLength()).isEqualTo(12);
    }

    @Test
    void shouldPadBatchToLongestTextNotToMaxLength() {
        TokenBatch batch = tokenizer.batch(List.of("It was so BORING!", KNOWN));

        assertThat(batch.sequenceLength()).isEqualTo(12);
        assertThat(batch.inputIds()[0]).containsExactly(101, 2009, 2001, 2061, 11771, 999, 102, 0, 0, 0, 0, 0);
        assertThat(batch.attentionMask()[0]).containsExactly(1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0);
        assertThat(batch.attentionMask()[1]).containsOnly(1L);
        assertThat(batch.inputIds()[1]).containsExactly(KNOWN_IDS);
        assertThat(batch.tokenTypeIds()[0]).containsOnly(0L);
        assertThat(batch.length(0)).isEqualTo(7);
        assertThat(batch.tokenCount()).isEqualTo(19);
        assertThat(batch.originalIndices()).containsExactly(0, 1);
    }

    @Test
    void shouldPadToFixedLengthWhenAsked() {
        List<TokenizedText> texts = tokenizer.encodeAll(List.of("It was so BORING!", KNOWN));

        TokenBatch batch = TokenBatch.packToLength(texts, new int[] {5, 9}, 0L, 16);

        assertThat(batch.sequenceLength()).isEqualTo(16);
        assertThat(batch.attentionMask()[1]).containsExactly(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0);
        assertThat(batch.inputIds()[0]).startsWith(101, 2009).endsWith(102, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        assertThat(batch.originalIndices()).containsExactly(5, 9);
    }

    @Test
    void shouldKeepHeadAndTailOfTextLongerThanMaxLength() throws IOException {
        try (TextTokenizer small = BuiltInBase.ALL_MINILM_L6_V2.loadTokenizer(new TokenizerConfig(8, 2))) {
            TokenizedText text = small.encode(KNOWN);

            assertThat(text.ids()).containsExactly(101, 2057, 2180, 2067, 15933, 2574, 999, 102);
            assertThat(text.truncated()).isTrue();
            assertThat(text.length()).isEqualTo(8);
            assertThat(text.fullLength()).isEqualTo(12);
        }
    }

    @Test
    void shouldNotFlagTextThatFitsExactly() throws IOException {
        try (TextTokenizer exact = BuiltInBase.ALL_MINILM_L6_V2.loadTokenizer(TokenizerConfig.ofMaxLength(12))) {
            TokenizedText text = exact.encode(KNOWN);

            assertThat(text.ids()).containsExactly(KNOWN_IDS);
            assertThat(text.truncated()).isFalse();
        }
    }

    @Test
    void shouldFlagExactlyTheRealTextsThatDoNotFit() throws IOException {
        List<String> texts = SentimentData.texts("stream");
        List<TokenizedText> full = tokenizer.encodeAll(texts);
        try (TextTokenizer short16 = BuiltInBase.ALL_MINILM_L6_V2.loadTokenizer(TokenizerConfig.ofMaxLength(16))) {
            List<TokenizedText> cut = short16.encodeAll(texts);

            long expectedTruncated = full.stream().filter(t -> t.length() > 16).count();
            assertThat(expectedTruncated).isBetween(500L, 1500L);
            assertThat(cut.stream().filter(TokenizedText::truncated).count()).isEqualTo(expectedTruncated);
            assertThat(cut).allSatisfy(t -> assertThat(t.length()).isLessThanOrEqualTo(16));
            for (int i = 0; i < texts.size(); i++) {
                assertThat(cut.get(i).fullLength()).isEqualTo(full.get(i).length());
            }
        }
    }

    @Test
    void shouldGroupRealTextsByLengthAndRestoreOriginalOrder() {
        List<String> texts = SentimentData.texts("test").subList(0, 100);
        BatchPlan plan = tokenizer.plan(texts, 16);

        assertThat(plan.batches()).hasSize(7);
        assertThat(plan.textCount()).isEqualTo(100);
        int previousLongest = 0;
        List<List<String>> echoed = new ArrayList<>();
        for (TokenBatch batch : plan.batches()) {
            int longest =
                    IntStream.range(0, batch.size()).map(batch::length).max().orElseThrow();
            int shortest =
                    IntStream.range(0, batch.size()).map(batch::length).min().orElseThrow();
            assertThat(batch.sequenceLength()).isEqualTo(longest);
            assertThat(shortest).isGreaterThanOrEqualTo(previousLongest);
            previousLongest = longest;
            echoed.add(IntStream.range(0, batch.size())
                    .mapToObj(row -> texts.get(batch.originalIndex(row)))
                    .toList());
        }
        assertThat(plan.<String>restore(echoed)).containsExactlyElementsOf(texts);
    }

    @Test
    void shouldRefuseMaxLengthOutsideBertPositions() {
        assertThatThrownBy(() -> TokenizerConfig.ofMaxLength(513))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxLength");
        assertThatThrownBy(() -> TokenizerConfig.ofMaxLength(2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenizerConfig(64, 63))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("headLength");
    }

    @Test
    void shouldSplitDefaultBudgetQuarterHeadThreeQuartersTail() {
        TokenizerConfig config = TokenizerConfig.ofMaxLength(512);

        assertThat(config.headLength()).isEqualTo(128);
        assertThat(config.tailLength()).isEqualTo(382);
    }

    @Test
    void shouldCutLongTextIntoOverlappingWindowsWithTheLastAlignedToTheEnd() throws IOException {
        try (TextTokenizer small = BuiltInBase.ALL_MINILM_L6_V2.loadTokenizer(new TokenizerConfig(8, 2, 3, 4))) {
            TextWindows windows = small.windows(List.of(KNOWN, "It was so BORING!"));

            assertThat(windows.textCount()).isEqualTo(2);
            assertThat(windows.windowCount(0)).isEqualTo(3);
            assertThat(windows.windows().get(0).ids()).containsExactly(101, 2057, 2180, 1005, 1056, 2022, 2183, 102);
            assertThat(windows.windows().get(1).ids()).containsExactly(101, 1056, 2022, 2183, 2067, 15933, 2574, 102);
            assertThat(windows.windows().get(2).ids()).containsExactly(101, 2022, 2183, 2067, 15933, 2574, 999, 102);
            assertThat(windows.truncated(0)).isFalse();
            assertThat(windows.windowCount(1)).isEqualTo(1);
            assertThat(windows.firstWindow(1)).isEqualTo(3);
            assertThat(windows.owner(3)).isEqualTo(1);
            assertThat(windows.tokenCount(0)).isEqualTo(24);
        }
    }

    @Test
    void shouldKeepFirstWindowsAndTheLastWhenTheCapIsReached() throws IOException {
        try (TextTokenizer capped = BuiltInBase.ALL_MINILM_L6_V2.loadTokenizer(new TokenizerConfig(5, 1, 3, 2))) {
            TextWindows windows = capped.windows(List.of(KNOWN));

            assertThat(windows.windowCount(0)).isEqualTo(2);
            assertThat(windows.windows().get(0).ids()).containsExactly(101, 2057, 2180, 1005, 102);
            assertThat(windows.windows().get(1).ids()).containsExactly(101, 15933, 2574, 999, 102);
            assertThat(windows.truncated(0)).isTrue();
        }
    }

    @Test
    void shouldHeadAndTailTruncateWithOneWindow() throws IOException {
        try (TextTokenizer single = BuiltInBase.ALL_MINILM_L6_V2.loadTokenizer(new TokenizerConfig(8, 2))) {
            TextWindows windows = single.windows(List.of(KNOWN));

            assertThat(windows.windowCount(0)).isEqualTo(1);
            assertThat(windows.windows().get(0).ids()).containsExactly(101, 2057, 2180, 2067, 15933, 2574, 999, 102);
            assertThat(windows.truncated(0)).isTrue();
        }
    }

    @Test
    void shouldPoolWindowLogitsByMeanOrMax() throws IOException {
        try (TextTokenizer small = BuiltInBase.ALL_MINILM_L6_V2.loadTokenizer(new TokenizerConfig(8, 2, 3, 4))) {
            TextWindows windows = small.windows(List.of(KNOWN, "short"));
            List<float[]> logits =
                    List.of(new float[] {1f, 0f}, new float[] {2f, 3f}, new float[] {0f, 6f}, new float[] {5f, -1f});

            assertThat(windows.pool(logits, TextWindows.Pooling.MEAN)[0]).containsExactly(1f, 3f);
            assertThat(windows.pool(logits, TextWindows.Pooling.MAX)[0]).containsExactly(2f, 6f);
            assertThat(windows.pool(logits, TextWindows.Pooling.MEAN)[1]).containsExactly(5f, -1f);
            assertThatThrownBy(() -> windows.pool(logits.subList(0, 3), TextWindows.Pooling.MEAN))
                    .hasMessageContaining("4 windows");
        }
    }

    @Test
    void shouldRefuseInvalidWindowSettingsNamingTheField() {
        assertThatThrownBy(() -> new TokenizerConfig(8, 2, 7, 4)).hasMessageContaining("windowStride");
        assertThatThrownBy(() -> new TokenizerConfig(8, 2, 3, 0)).hasMessageContaining("maxWindows");
        assertThat(TokenizerConfig.windowed(128, 8).windowStride()).isEqualTo(95);
    }
}
