package io.streamtune.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamtune.schemas.Topics.TopicSpec;
import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void shouldListEveryTopicOnceWithItsCleanupPolicy() {
        assertThat(Topics.all())
                .containsExactly(
                        new TopicSpec("text-events", false),
                        new TopicSpec("classifications", false),
                        new TopicSpec("label-corrections", false),
                        new TopicSpec("model-versions", true),
                        new TopicSpec("training-set", true),
                        new TopicSpec("text-events-dlq", false),
                        new TopicSpec("label-corrections-dlq", false),
                        new TopicSpec("review-leases", true));
    }

    @Test
    void shouldCompactOnlyModelVersionsTrainingSetAndReviewLeases() {
        assertThat(Topics.all().stream().filter(TopicSpec::compacted).map(TopicSpec::name))
                .containsExactlyInAnyOrder(Topics.MODEL_VERSIONS, Topics.TRAINING_SET, Topics.REVIEW_LEASES);
    }

    @Test
    void shouldNameSubjectsAfterTheTopic() {
        assertThat(Subjects.valueSubject(Topics.TEXT_EVENTS)).isEqualTo("text-events-value");
        assertThat(Subjects.keySubject(Topics.TEXT_EVENTS)).isEqualTo("text-events-key");
        assertThat(Subjects.subject(Topics.CLASSIFICATIONS, true)).isEqualTo("classifications-key");
        assertThat(Subjects.subject(Topics.CLASSIFICATIONS, false)).isEqualTo("classifications-value");
    }

    @Test
    void shouldRefuseBlankTopic() {
        assertThatThrownBy(() -> Subjects.valueSubject(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
