package io.streamtune.classifier.batching;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VisibleTextTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " \t\n\r\u000b\f",
                "\u2003\u3000\u2028\u2029",
                "\u00a0\u2007\u202f",
                "\u200b\u200c\u200d\ufeff",
                "\u200e\u200f\u202e\u202c",
                "\u0000\u0001\u0002\u0007\u001b\u007f\u0085",
                "\u00a0\u200b\u0000 \u2060"
            })
    void shouldFindNothingVisibleInTextsOfSpacesControlsAndFormatCharacters(String text) {
        assertThat(VisibleText.isAbsent(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "a",
                "\u200b\u200bx\u200b",
                "\u0000good\u0007",
                "\ud83d\ude00",
                "\u05e9\u05dc\u05d5\u05dd",
                "\u0301",
                "\ufffd",
                "\ud800",
                ".",
                "\u00a0\u00a0 7"
            })
    void shouldFindTextWithAnyLetterDigitMarkSymbolOrPunctuation(String text) {
        assertThat(VisibleText.isAbsent(text)).isFalse();
    }
}
