package io.streamtune.review.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReviewQueueTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private long arrivals;

    private ReviewQueue queue(double auditShare, int overlap) {
        return new ReviewQueue(new QueueSettings(Uncertainty.MARGIN, auditShare, overlap, Duration.ofMinutes(5), 100));
    }

    private ReviewItem item(String id, double pos, Lane lane, long version) {
        Map<String, Double> scores = new LinkedHashMap<>();
        scores.put(pos >= 0.5 ? "pos" : "neg", Math.max(pos, 1 - pos));
        scores.put(pos >= 0.5 ? "neg" : "pos", Math.min(pos, 1 - pos));
        return new ReviewItem(
                id,
                "text of " + id,
                pos >= 0.5 ? "pos" : "neg",
                scores,
                "m",
                version,
                NOW,
                0,
                lane,
                Uncertainty.MARGIN.of(scores.values()),
                ++arrivals);
    }

    private static String next(ReviewQueue queue, String annotator) {
        return queue.next(annotator, ItemFilter.NONE, NOW)
                .map(o -> o.item().eventId())
                .orElse(null);
    }

    @Test
    void shouldGiveTheSmallestMarginFirst() {
        ReviewQueue queue = queue(0, 1);
        queue.offer(item("sure", 0.99, Lane.UNCERTAIN, 1));
        queue.offer(item("torn", 0.52, Lane.UNCERTAIN, 1));
        queue.offer(item("leaning", 0.7, Lane.UNCERTAIN, 1));

        assertThat(next(queue, "a")).isEqualTo("torn");
        assertThat(next(queue, "b")).isEqualTo("leaning");
        assertThat(next(queue, "c")).isEqualTo("sure");
        assertThat(next(queue, "d")).as("all leased").isNull();
    }

    @Test
    void shouldGiveTheHeldItemAgainAndNobodyElseUntilTheLeaseEnds() {
        ReviewQueue queue = queue(0, 1);
        queue.offer(item("x", 0.5, Lane.UNCERTAIN, 1));

        assertThat(next(queue, "a")).isEqualTo("x");
        assertThat(next(queue, "a")).isEqualTo("x");
        assertThat(next(queue, "b")).isNull();
        assertThat(queue.next("b", ItemFilter.NONE, NOW.plus(Duration.ofMinutes(6)))
                        .map(o -> o.item().eventId()))
                .contains("x");
    }

    @Test
    void shouldDropDecidedItemsWhoeverDecidedThem() {
        ReviewQueue queue = queue(0, 1);
        queue.offer(item("x", 0.5, Lane.UNCERTAIN, 1));
        queue.offer(item("y", 0.6, Lane.UNCERTAIN, 1));
        queue.decided("x", "someone-on-the-cli");

        assertThat(next(queue, "a")).isEqualTo("y");
        queue.offer(item("x", 0.5, Lane.UNCERTAIN, 2));
        assertThat(queue.item("x"))
                .as("a reclassification of a decided event stays out")
                .isEmpty();
    }

    @Test
    void shouldMixTheAuditLaneInAtItsShare() {
        ReviewQueue queue = queue(0.25, 1);
        for (int i = 0; i < 8; i++) {
            queue.offer(item("u" + i, 0.5 + i / 100.0, Lane.UNCERTAIN, 1));
            queue.offer(item("a" + i, 0.9, Lane.AUDIT, 1));
        }
        StringBuilder lanes = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            var offer = queue.next("a", ItemFilter.NONE, NOW).orElseThrow();
            lanes.append(offer.item().lane() == Lane.AUDIT ? 'A' : 'U');
            queue.decided(offer.item().eventId(), "a");
        }
        assertThat(lanes.toString()).isEqualTo("UUUAUUUA");
    }

    @Test
    void shouldGiveAnAuditItemToAsManyAnnotatorsAsTheOverlapAndThenDropIt() {
        ReviewQueue queue = queue(1, 2);
        queue.offer(item("audit", 0.9, Lane.AUDIT, 1));

        assertThat(next(queue, "a")).isEqualTo("audit");
        assertThat(next(queue, "b")).isEqualTo("audit");
        assertThat(next(queue, "c")).isNull();
        queue.decided("audit", "a");
        assertThat(queue.item("audit")).isPresent();
        queue.decided("audit", "b");
        assertThat(queue.item("audit")).isEmpty();
    }

    @Test
    void shouldRankItemsOfAReplacedVersionAfterTheVersionInService() {
        ReviewQueue queue = queue(0, 1);
        queue.offer(item("old-torn", 0.5, Lane.UNCERTAIN, 1));
        queue.offer(item("new-leaning", 0.8, Lane.UNCERTAIN, 2));
        queue.servingVersion(2);

        assertThat(next(queue, "a")).isEqualTo("new-leaning");
        assertThat(next(queue, "b")).isEqualTo("old-torn");
    }

    @Test
    void shouldReplaceAnItemByItsNewerClassification() {
        ReviewQueue queue = queue(0, 1);
        queue.offer(item("x", 0.95, Lane.UNCERTAIN, 1));
        queue.offer(item("y", 0.7, Lane.UNCERTAIN, 1));
        queue.offer(item("x", 0.51, Lane.UNCERTAIN, 2));
        queue.offer(item("x", 0.99, Lane.UNCERTAIN, 1)); // an older version's late record is ignored

        assertThat(queue.item("x").orElseThrow().modelVersion()).isEqualTo(2);
        assertThat(next(queue, "a")).isEqualTo("x");
    }

    @Test
    void shouldNotGiveASkippedItemToTheSameAnnotatorAgain() {
        ReviewQueue queue = queue(0, 1);
        queue.offer(item("x", 0.5, Lane.UNCERTAIN, 1));
        queue.offer(item("y", 0.6, Lane.UNCERTAIN, 1));
        next(queue, "a");
        queue.skip("x", "a");

        assertThat(next(queue, "a")).isEqualTo("y");
        assertThat(next(queue, "b")).isEqualTo("x");
    }

    @Test
    void shouldFilterByLabelVersionAndText() {
        ReviewQueue queue = queue(0, 1);
        queue.offer(item("p", 0.6, Lane.UNCERTAIN, 1));
        queue.offer(item("n", 0.4, Lane.UNCERTAIN, 2));

        ItemFilter negatives = new ItemFilter(Optional.of("neg"), OptionalLong.empty(), Optional.empty());
        ItemFilter version1 = new ItemFilter(Optional.empty(), OptionalLong.of(1), Optional.empty());
        ItemFilter text = new ItemFilter(Optional.empty(), OptionalLong.empty(), Optional.of(" TEXT OF N "));
        assertThat(queue.next("a", negatives, NOW).orElseThrow().item().eventId())
                .isEqualTo("n");
        assertThat(queue.next("b", version1, NOW).orElseThrow().item().eventId())
                .isEqualTo("p");
        assertThat(queue.next("c", text, NOW)).isEmpty(); // n is leased to a
    }

    @Test
    void shouldKeepOnlyTheOwnedPartitions() {
        ReviewQueue queue = queue(0, 1);
        queue.offer(item("x", 0.5, Lane.UNCERTAIN, 1));
        queue.keepPartitions(Set.of(1));

        assertThat(queue.item("x")).isEmpty();
    }

    @Test
    void shouldLetAnUndoneItemBeLabelledAgainByTheSameAnnotator() {
        ReviewQueue queue = queue(0, 1);
        ReviewItem x = item("x", 0.5, Lane.UNCERTAIN, 1);
        queue.offer(x);
        next(queue, "a");
        queue.decided("x", "a");
        assertThat(queue.item("x")).isEmpty();

        Offer back = queue.undecided(x, "a", NOW);
        assertThat(back.item().eventId()).isEqualTo("x");
        assertThat(queue.holds("x", "a", NOW)).isTrue();
        assertThat(next(queue, "a")).isEqualTo("x");
    }
}
