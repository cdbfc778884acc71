package io.streamtune.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class TopicNamesTest {

    private static final UUID RANDOM = UUID.fromString("0123abcd-0000-0000-0000-000000000000");

    @Test
    void shouldKeepThePrefixAndAddASequenceAndRandomPart() {
        assertThat(TopicNames.unique("text-events", 7, RANDOM)).isEqualTo("text-events-7-0123abcd");
    }

    @Test
    void shouldReplaceCharactersKafkaRefuses() {
        assertThat(TopicNames.unique("my test/topic", 1, RANDOM)).isEqualTo("my-test-topic-1-0123abcd");
    }

    @Test
    void shouldNameAnUnnamedTopic() {
        assertThat(TopicNames.unique(" ", 2, RANDOM)).isEqualTo("topic-2-0123abcd");
    }
}
