package io.streamtune.review.accuracy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class AuditBookTest {

    @Test
    void shouldMeasureEachVersionOnItsOwnAudits() {
        AuditBook book = new AuditBook("m");
        for (int i = 0; i < 10; i++) {
            book.add("a" + i, 1, "pos", i < 7 ? "pos" : "neg", "alice", false);
        }
        book.add("b0", 2, "neg", "neg", "alice", false);

        List<VersionAccuracy> versions = book.versions();
        assertThat(versions).extracting(VersionAccuracy::version).containsExactly(2L, 1L);
        VersionAccuracy v1 = versions.get(1);
        assertThat(v1.audited()).isEqualTo(10);
        assertThat(v1.accuracy()).isCloseTo(0.7, within(1e-9));
        assertThat(v1.interval().low()).isCloseTo(0.3968, within(1e-3));
        assertThat(v1.interval().high()).isCloseTo(0.8922, within(1e-3));
        assertThat(v1.confusion().get("neg").get("pos")).isEqualTo(3);
        assertThat(v1.confusion().get("pos").get("pos")).isEqualTo(7);
        // pos: precision 0.7, recall 1 -> F1 0.8235; neg: never predicted -> 0
        assertThat(v1.macroF1()).isCloseTo((2 * 0.7 / 1.7) / 2, within(1e-9));
    }

    @Test
    void shouldTakeTheFirstLabelAsTruthAndTheSecondForAgreement() {
        AuditBook book = new AuditBook("m");
        book.add("x", 1, "pos", "pos", "alice", false);
        book.add("x", 1, "pos", "neg", "bob", false);
        book.add("x", 1, "pos", "neg", "bob", false); // counted once
        book.add("y", 1, "neg", "neg", "alice", false);
        book.add("y", 1, "neg", "neg", "bob", false);

        assertThat(book.versions().get(0).audited()).isEqualTo(2);
        assertThat(book.versions().get(0).accuracy()).isEqualTo(1.0);
        assertThat(book.agreement().items()).isEqualTo(2);
        assertThat(book.agreement().observed()).isEqualTo(0.5);
        assertThat(book.disagreements()).singleElement().satisfies(d -> {
            assertThat(d.eventId()).isEqualTo("x");
            assertThat(d.annotators()).containsExactly("alice", "bob");
            assertThat(d.labels()).containsExactly("pos", "neg");
        });
    }

    @Test
    void shouldLetAReviewersLabelResolveADisagreementAndCountAsTheTruth() {
        AuditBook book = new AuditBook("m");
        book.add("x", 1, "pos", "pos", "alice", false);
        book.add("x", 1, "pos", "neg", "bob", false);
        book.add("y", 1, "pos", "neg", "rita", true); // a reviewer auditing an undisputed item: a label like any other
        assertThat(book.unresolved("x")).isPresent();
        assertThat(book.unresolved("x").get().choices()).containsExactly("neg", "pos");
        assertThat(book.unresolved("y")).isEmpty();
        assertThat(book.versions().get(0).accuracy()).isEqualTo(0.5); // x judged by alice's pos: right

        book.add("x", 1, "pos", "neg", "rita", true);

        assertThat(book.unresolved("x")).isEmpty();
        assertThat(book.disagreements()).isEmpty();
        assertThat(book.versions().get(0).accuracy()).isZero(); // x now judged by the resolution: wrong
        assertThat(book.versions().get(0).audited()).isEqualTo(2);
        assertThat(book.agreement().items()).isEqualTo(1); // the resolution is not a third annotator
    }

    @Test
    void shouldComputeCohensKappa() {
        // 10 items: both say a on 4, both b on 4, disagree on 2 -> po 0.8, pe 0.5 -> kappa 0.6
        List<Agreement.Pair> pairs = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            pairs.add(new Agreement.Pair("a", "a"));
            pairs.add(new Agreement.Pair("b", "b"));
        }
        pairs.add(new Agreement.Pair("a", "b"));
        pairs.add(new Agreement.Pair("b", "a"));

        assertThat(Agreement.of(pairs).kappa()).isCloseTo(0.6, within(1e-9));
        assertThat(Agreement.of(List.of()).items()).isZero();
    }

    @Test
    void shouldGiveTheWilsonIntervalEvenAtTheEdges() {
        assertThat(Wilson.of(0, 0)).isEqualTo(new Wilson(0, 1));
        Wilson all = Wilson.of(20, 20);
        assertThat(all.high()).isCloseTo(1.0, within(1e-9));
        assertThat(all.low()).isCloseTo(0.8389, within(1e-3));
    }
}
