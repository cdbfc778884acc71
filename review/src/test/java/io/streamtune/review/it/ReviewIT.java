package io.streamtune.review.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.streamtune.review.ReviewApp;
import io.streamtune.review.config.ReviewConfig;
import io.streamtune.schemas.FeedbackKind;
import io.streamtune.schemas.LabelCorrection;
import io.streamtune.testsupport.KafkaStack;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The workbench's API on the real broker and registry: what people send, who gets what, and restarts. */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class ReviewIT {

    @RegisterExtension
    static final KafkaStack STACK = new KafkaStack();

    @TempDir
    Path folder;

    @Test
    void shouldSendEachLabelWithTheLoggedInAnnotatorAndItsKind() throws Exception {
        ReviewFixture fixture = new ReviewFixture(STACK, folder, 1);
        fixture.classify(3);
        try (ReviewApp app = fixture.start()) {
            ReviewClient alice = new ReviewClient(app.port());
            assertThat(alice.login("alice", ReviewFixture.PASSWORD)).endsWith("/index.html");

            ReviewClient.Answer first = alice.nextWhenReady();
            assertThat(first.body().get("eventId").asText())
                    .as("smallest margin first")
                    .isEqualTo("e-0");
            assertThat(first.body().get("predicted").asText()).isEqualTo("pos");
            // the form's annotator is never used: the server sets the logged-in user
            assertThat(alice.post("/api/decide", Map.of("eventId", "e-0", "label", "pos", "annotator", "mallory"))
                            .body()
                            .get("kind")
                            .asText())
                    .isEqualTo("CONFIRMATION");
            assertThat(alice.next().body().get("eventId").asText()).isEqualTo("e-1");
            assertThat(alice.decide("e-1", "neg").body().get("kind").asText()).isEqualTo("CORRECTION");

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> fixture.corrections().size() == 2);
            List<LabelCorrection> sent = fixture.corrections();
            assertThat(sent).extracting(c -> c.getAnnotator()).containsOnly("alice");
            assertThat(sent)
                    .extracting(
                            LabelCorrection::getEventId,
                            LabelCorrection::getLabel,
                            LabelCorrection::getKind,
                            LabelCorrection::getPreviousLabel,
                            LabelCorrection::getModelVersion)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("e-0", "pos", FeedbackKind.CONFIRMATION, "pos", 1L),
                            org.assertj.core.groups.Tuple.tuple("e-1", "neg", FeedbackKind.CORRECTION, "pos", 1L));
            assertThat(sent).allSatisfy(c -> assertThat(c.getText()).startsWith("text number "));
        }
    }

    @Test
    void shouldRefuseBadRequestsWithAMessageAndSendNothing() throws Exception {
        ReviewFixture fixture = new ReviewFixture(STACK, folder, 1);
        fixture.classify(2);
        try (ReviewApp app = fixture.start()) {
            ReviewClient anonymous = new ReviewClient(app.port());
            assertThat(anonymous.next().status()).isEqualTo(401);
            assertThat(anonymous.login("alice", "wrong password")).contains("error=wrong");

            ReviewClient alice = new ReviewClient(app.port());
            alice.login("alice", ReviewFixture.PASSWORD);
            String held = alice.nextWhenReady().body().get("eventId").asText();

            ReviewClient.Answer unknownLabel = alice.decide(held, "maybe");
            assertThat(unknownLabel.status()).isEqualTo(400);
            assertThat(unknownLabel.body().get("error").asText()).contains("unknown label 'maybe'");
            ReviewClient.Answer noToken =
                    alice.post("/api/decide", "{\"eventId\":\"" + held + "\",\"label\":\"pos\"}", null);
            assertThat(noToken.status()).isEqualTo(403);
            assertThat(alice.decide("e-1", "pos").status())
                    .as("an item she does not hold")
                    .isEqualTo(409);
            assertThat(alice.post("/api/decide", "not json", csrfOf(alice)).status())
                    .isEqualTo(400);
            assertThat(alice.get("/api/next?version=abc").status()).isEqualTo(400);
            assertThat(alice.undo().status()).as("nothing to undo").isEqualTo(409);

            Thread.sleep(1500); // past the undo window: anything accepted would have been sent by now
            assertThat(fixture.corrections()).isEmpty();
        }
    }

    @Test
    void shouldNeverGiveTwoAnnotatorsTheSameItemAndLetAnItemBeTakenBack() throws Exception {
        ReviewFixture fixture = new ReviewFixture(STACK, folder, 1);
        fixture.overrides.put(ReviewConfig.UNDO_SECONDS, "30");
        fixture.classify(12);
        try (ReviewApp app = fixture.start()) {
            ReviewClient alice = new ReviewClient(app.port());
            ReviewClient bob = new ReviewClient(app.port());
            alice.login("alice", ReviewFixture.PASSWORD);
            bob.login("bob", ReviewFixture.PASSWORD);
            alice.nextWhenReady();

            Set<String> seenByAlice = new HashSet<>();
            Set<String> seenByBob = new HashSet<>();
            for (int i = 0; i < 6; i++) {
                String a = alice.next().body().get("eventId").asText();
                String b = bob.next().body().get("eventId").asText();
                assertThat(alice.next().body().get("eventId").asText())
                        .as("asking again gives the held item")
                        .isEqualTo(a);
                assertThat(a).as("held by both at once").isNotEqualTo(b);
                assertThat(seenByAlice.add(a)).as("alice shown %s twice", a).isTrue();
                assertThat(seenByBob.add(b))
                        .as("bob shown %s twice after skipping it", b)
                        .isTrue();
                assertThat(alice.decide(a, "pos").status()).isEqualTo(200);
                if (i < 5) {
                    assertThat(bob.skip(b).status()).isEqualTo(200);
                }
            }
            // what bob skipped went back to the others: alice got them next
            assertThat(seenByAlice).containsAll(List.of("e-1", "e-2", "e-3"));

            // U: the last label comes back to alice, and was never sent
            String last = alice.undo().body().get("eventId").asText();
            assertThat(alice.next().body().get("eventId").asText()).isEqualTo(last);
            assertThat(app.state().sender().pendingCount()).isEqualTo(5);
        }
        // closing sent every label still in its undo window
        assertThat(fixture.corrections()).hasSize(5);
    }

    @Test
    void shouldLoseNothingAndShowNothingTwiceAcrossARestart() throws Exception {
        ReviewFixture fixture = new ReviewFixture(STACK, folder, 1);
        fixture.overrides.put(ReviewConfig.UNDO_SECONDS, "30");
        fixture.classify(10);
        Set<String> decided = new HashSet<>();
        String heldAtRestart;
        try (ReviewApp app = fixture.start()) {
            ReviewClient alice = new ReviewClient(app.port());
            alice.login("alice", ReviewFixture.PASSWORD);
            alice.nextWhenReady();
            for (int i = 0; i < 4; i++) {
                String id = alice.next().body().get("eventId").asText();
                alice.decide(id, "neg");
                decided.add(id);
            }
            heldAtRestart = alice.next().body().get("eventId").asText();
        }
        try (ReviewApp restarted = fixture.start()) {
            ReviewClient alice = new ReviewClient(restarted.port());
            ReviewClient bob = new ReviewClient(restarted.port());
            alice.login("alice", ReviewFixture.PASSWORD);
            bob.login("bob", ReviewFixture.PASSWORD);
            assertThat(alice.nextWhenReady().body().get("eventId").asText())
                    .as("the item alice held comes back to her")
                    .isEqualTo(heldAtRestart);
            List<String> rest = new ArrayList<>();
            ReviewClient.Answer answer;
            while ((answer = bob.next()).status() == 200) {
                String id = answer.body().get("eventId").asText();
                rest.add(id);
                bob.decide(id, "pos");
            }
            assertThat(rest)
                    .doesNotContainAnyElementsOf(decided)
                    .doesNotContain(heldAtRestart)
                    .hasSize(5);
        }
        List<LabelCorrection> sent = fixture.corrections();
        Map<String, Long> perEvent =
                sent.stream().collect(Collectors.groupingBy(LabelCorrection::getEventId, Collectors.counting()));
        assertThat(perEvent)
                .hasSize(9)
                .allSatisfy((id, count) -> assertThat(count).as(id).isEqualTo(1L));
        assertThat(perEvent.keySet()).containsAll(decided);
    }

    @Test
    void shouldEstimateAuditedAccuracyWithItsIntervalOnThePageAndInMetrics() throws Exception {
        ReviewFixture fixture = new ReviewFixture(STACK, folder, 1);
        fixture.overrides.put(ReviewConfig.AUDIT_RATE, "1");
        fixture.overrides.put(ReviewConfig.AUDIT_SHARE, "1");
        fixture.classify(10);
        try (ReviewApp app = fixture.start()) {
            ReviewClient rita = new ReviewClient(app.port());
            rita.login("rita", ReviewFixture.PASSWORD);
            rita.nextWhenReady();
            for (int i = 0; i < 10; i++) {
                ReviewClient.Answer item = rita.next();
                assertThat(item.body().get("lane").asText()).isEqualTo("audit");
                // every prediction is pos: 7 right, 3 wrong
                assertThat(rita.decide(item.body().get("eventId").asText(), i < 7 ? "pos" : "neg")
                                .body()
                                .get("kind")
                                .asText())
                        .isEqualTo("AUDIT");
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                var versions = rita.get("/api/accuracy").body().get("versions");
                return versions.size() == 1 && versions.get(0).get("audited").asLong() == 10;
            });
            var version = rita.get("/api/accuracy").body().get("versions").get(0);
            assertThat(version.get("version").asLong()).isEqualTo(1);
            assertThat(version.get("audited").asLong()).isEqualTo(10);
            assertThat(version.get("accuracy").asDouble()).isEqualTo(0.7);
            assertThat(version.get("interval").get("low").asDouble()).isBetween(0.39, 0.40);
            assertThat(version.get("interval").get("high").asDouble()).isBetween(0.89, 0.90);
            assertThat(rita.text("/metrics"))
                    .contains("streamtune_audited_accuracy{model=\"sentiment\",version=\"1\"} 0.7")
                    .contains("streamtune_audited_events{model=\"sentiment\",version=\"1\"} 10");
        }
    }

    @Test
    void shouldLetOnlyAReviewerResolveADisagreementWhoseLabelThenCountsAcrossARestart() throws Exception {
        ReviewFixture fixture = new ReviewFixture(STACK, folder, 1);
        fixture.overrides.put(ReviewConfig.AUDIT_RATE, "1");
        fixture.overrides.put(ReviewConfig.AUDIT_SHARE, "1");
        fixture.overrides.put(ReviewConfig.AUDIT_OVERLAP, "2");
        fixture.classify(1); // predicted pos
        try (ReviewApp app = fixture.start()) {
            ReviewClient alice = new ReviewClient(app.port());
            ReviewClient bob = new ReviewClient(app.port());
            ReviewClient rita = new ReviewClient(app.port());
            alice.login("alice", ReviewFixture.PASSWORD);
            bob.login("bob", ReviewFixture.PASSWORD);
            rita.login("rita", ReviewFixture.PASSWORD);
            String eventId = alice.nextWhenReady().body().get("eventId").asText();
            assertThat(bob.next().body().get("eventId").asText()).isEqualTo(eventId);
            alice.decide(eventId, "pos");
            bob.decide(eventId, "neg");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> rita.get("/api/accuracy")
                                    .body()
                                    .get("disagreements")
                                    .size()
                            == 1);
            assertThat(accuracyOfVersion1(rita)).isEqualTo(1.0); // the first label, alice's pos, is the truth

            ReviewClient.Answer byAnnotator = alice.post("/api/resolve", Map.of("eventId", eventId, "label", "neg"));
            ReviewClient.Answer unknownLabel = rita.post("/api/resolve", Map.of("eventId", eventId, "label", "meh"));
            ReviewClient.Answer noDispute = rita.post("/api/resolve", Map.of("eventId", "e-9", "label", "neg"));
            ReviewClient.Answer noToken = rita.post("/api/resolve", "{\"eventId\":\"" + eventId + "\"}", null);
            assertThat(byAnnotator.status()).isEqualTo(403);
            assertThat(unknownLabel.status()).isEqualTo(400);
            assertThat(unknownLabel.body().get("error").asText()).contains("[neg, pos]");
            assertThat(noDispute.status()).isEqualTo(404);
            assertThat(noToken.status()).isEqualTo(403);
            assertThat(fixture.corrections()).hasSize(2);

            ReviewClient.Answer resolved = rita.post("/api/resolve", Map.of("eventId", eventId, "label", "neg"));
            assertThat(resolved.status()).isEqualTo(200);
            assertThat(rita.get("/api/accuracy").body().get("disagreements")).isEmpty();
            assertThat(accuracyOfVersion1(rita)).isZero(); // the resolution, neg, is the truth now
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> fixture.corrections().size() == 3);
            LabelCorrection resolution = fixture.corrections().get(2);
            assertThat(resolution.getAnnotator()).isEqualTo("rita");
            assertThat(resolution.getKind()).isEqualTo(FeedbackKind.AUDIT);
            assertThat(resolution.getLabel()).isEqualTo("neg");
            assertThat(resolution.getModelVersion()).isEqualTo(1L);
        }
        try (ReviewApp restarted = fixture.start()) {
            ReviewClient rita = new ReviewClient(restarted.port());
            rita.login("rita", ReviewFixture.PASSWORD);
            rita.nextWhenReady();
            await().atMost(Duration.ofSeconds(30))
                    .until(() ->
                            rita.get("/api/accuracy").body().get("versions").size() == 1);
            assertThat(rita.get("/api/accuracy").body().get("disagreements")).isEmpty();
            assertThat(accuracyOfVersion1(rita)).isZero();
        }
    }

    private static double accuracyOfVersion1(ReviewClient client) throws Exception {
        return client.get("/api/accuracy")
                .body()
                .get("versions")
                .get(0)
                .get("accuracy")
                .asDouble();
    }

    @Test
    void shouldSplitTheItemsBetweenTwoInstancesByPartition() throws Exception {
        ReviewFixture fixture = new ReviewFixture(STACK, folder, 2);
        fixture.classify(20);
        try (ReviewApp first = fixture.start();
                ReviewApp second = fixture.start()) {
            ReviewClient alice = new ReviewClient(first.port());
            ReviewClient bob = new ReviewClient(second.port());
            alice.login("alice", ReviewFixture.PASSWORD);
            bob.login("bob", ReviewFixture.PASSWORD);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> first.state().ready()
                            && second.state().ready()
                            && first.state().queue().sizes().values().stream()
                                                    .mapToInt(Integer::intValue)
                                                    .sum()
                                            + second.state().queue().sizes().values().stream()
                                                    .mapToInt(Integer::intValue)
                                                    .sum()
                                    == 20);
            Set<String> byAlice = drain(alice);
            Set<String> byBob = drain(bob);
            assertThat(byAlice).doesNotContainAnyElementsOf(byBob);
            assertThat(byAlice.size() + byBob.size()).isEqualTo(20);
        }
    }

    private static Set<String> drain(ReviewClient annotator) throws Exception {
        Set<String> seen = new HashSet<>();
        ReviewClient.Answer answer;
        while ((answer = annotator.nextWhenReady()).status() == 200) {
            String id = answer.body().get("eventId").asText();
            assertThat(seen.add(id)).as("shown once: " + id).isTrue();
            annotator.decide(id, "pos");
        }
        return seen;
    }

    private static String csrfOf(ReviewClient client) throws Exception {
        return client.get("/api/me").body().get("csrf").asText();
    }
}
