package io.streamtune.review.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

import io.streamtune.review.ReviewApp;
import io.streamtune.review.config.ReviewConfig;
import io.streamtune.schemas.FeedbackKind;
import io.streamtune.schemas.LabelCorrection;
import io.streamtune.testsupport.KafkaStack;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;

/**
 * The review page in a real browser (headless Chromium) on the real broker and registry: a person logs in,
 * labels by keyboard, and what they choose is what lands on the corrections topic.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class BrowserIT {

    @RegisterExtension
    static final KafkaStack STACK = new KafkaStack();

    private static final String HOSTILE = "<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\">";

    @TempDir
    Path folder;

    @Test
    void shouldSendTwentyKeyboardLabelsWithTheLoggedInAnnotatorAndTheirKind() throws Exception {
        ReviewFixture fixture = new ReviewFixture(STACK, folder, 1);
        fixture.classify(20);
        List<Tuple> expected = new ArrayList<>();
        try (ReviewApp app = fixture.start();
                ReviewBrowser alice = ReviewBrowser.open()) {
            alice.driver().get("http://127.0.0.1:" + app.port() + "/login.html");
            alice.screenshot("review-login", Optional.empty());
            alice.fillLoginForm("alice", ReviewFixture.PASSWORD);
            String shown = alice.awaitItem();
            alice.screenshot("review-item", Optional.empty());
            assertThat(alice.all("#scores .bar")).as("a bar per class").hasSize(2);
            for (int i = 0; i < 20; i++) {
                String predicted = alice.element("predicted").getText();
                String key = List.of("\n", "1", "2").get(i % 3);
                String label = key.equals("\n") ? predicted : ReviewFixture.LABELS.get(Integer.parseInt(key) - 1);
                alice.press(key.equals("\n") ? Keys.ENTER : key);
                expected.add(tuple(
                        shown,
                        label,
                        label.equals(predicted) ? FeedbackKind.CONFIRMATION : FeedbackKind.CORRECTION,
                        "alice"));
                shown = alice.awaitItemOtherThan(shown).orElse(null);
            }
            assertThat(shown).as("all 20 labelled").isNull();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> fixture.corrections().size() >= 20);
        }
        assertThat(fixture.corrections())
                .extracting(
                        LabelCorrection::getEventId,
                        LabelCorrection::getLabel,
                        LabelCorrection::getKind,
                        LabelCorrection::getAnnotator)
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void shouldShowAScriptInTheTextAsTextAndNeverRunIt() throws Exception {
        ReviewFixture fixture = new ReviewFixture(STACK, folder, 1);
        fixture.classify("hostile", HOSTILE, 0.6);
        try (ReviewApp app = fixture.start();
                ReviewBrowser alice = ReviewBrowser.open()) {
            alice.logIn(app.port(), "alice", ReviewFixture.PASSWORD);
            assertThat(alice.awaitItem()).isEqualTo("hostile");

            assertThat(alice.element("text").getText()).isEqualTo(HOSTILE);
            assertThat(alice.all("#text *")).as("no element made from the text").isEmpty();
            assertThat(alice.all("img")).isEmpty();
            assertThat(alice.script("return typeof window.__pwned")).isEqualTo("undefined");
        }
    }

    @Test
    void shouldSkipWithSAndBringBackAnUndoneItemWithUWithoutSendingIt() throws Exception {
        ReviewFixture fixture = new ReviewFixture(STACK, folder, 1);
        fixture.overrides.put(ReviewConfig.UNDO_SECONDS, "30");
        fixture.classify(4);
        try (ReviewApp app = fixture.start();
                ReviewBrowser alice = ReviewBrowser.open()) {
            alice.logIn(app.port(), "alice", ReviewFixture.PASSWORD);
            assertThat(alice.awaitItem()).isEqualTo("e-0");

            alice.press("s");
            assertThat(alice.awaitItemOtherThan("e-0")).as("skipped").contains("e-1");
            alice.press("1");
            assertThat(alice.awaitItemOtherThan("e-1")).contains("e-2");
            alice.press("u");
            alice.awaitMessage("Undone: e-1 is back");
            assertThat(alice.awaitItemOtherThan("e-2")).as("the undone item").contains("e-1");
            assertThat(app.state().sender().pendingCount())
                    .as("the undone label waits no more")
                    .isZero();

            alice.press(Keys.ENTER);
            alice.awaitItemOtherThan("e-1");
            assertThat(app.state().sender().pendingCount()).isEqualTo(1);
        }
        // closing sent what waited in its undo window: only the second choice for e-1, nothing for e-0
        assertThat(fixture.corrections())
                .extracting(LabelCorrection::getEventId, LabelCorrection::getLabel, LabelCorrection::getKind)
                .containsExactly(tuple("e-1", "pos", FeedbackKind.CONFIRMATION));
    }

    @Test
    void shouldNeverShowTwoAnnotatorsTheSameItemAtOnce() throws Exception {
        ReviewFixture fixture = new ReviewFixture(STACK, folder, 1);
        fixture.classify(10);
        try (ReviewApp app = fixture.start();
                ReviewBrowser alice = ReviewBrowser.open();
                ReviewBrowser bob = ReviewBrowser.open()) {
            alice.logIn(app.port(), "alice", ReviewFixture.PASSWORD);
            bob.logIn(app.port(), "bob", ReviewFixture.PASSWORD);
            Set<String> shown = new HashSet<>();
            Optional<String> a = Optional.of(alice.awaitItem());
            Optional<String> b = Optional.of(bob.awaitItem());
            while (a.isPresent() && b.isPresent()) {
                assertThat(a).as("shown to both at once").isNotEqualTo(b);
                assertThat(shown.add(a.get())).as("%s shown again", a.get()).isTrue();
                assertThat(shown.add(b.get())).as("%s shown again", b.get()).isTrue();
                alice.press(Keys.ENTER);
                bob.press("1");
                a = alice.awaitItemOtherThan(a.get());
                b = bob.awaitItemOtherThan(b.get());
            }
            assertThat(a).as("both ran out together").isEqualTo(b);
            assertThat(shown).hasSize(10);
        }
    }

    @Test
    void shouldLoseNothingAndShowNothingTwiceWhenTheServiceRestartsMidSession() throws Exception {
        ReviewFixture fixture = new ReviewFixture(STACK, folder, 1);
        int port = freePort();
        fixture.overrides.put(ReviewConfig.HTTP_PORT, String.valueOf(port));
        // every label before the restart still waits in its undo window when the service stops
        fixture.overrides.put(ReviewConfig.UNDO_SECONDS, "30");
        fixture.classify(10);
        List<String> shown = new ArrayList<>();
        try (ReviewBrowser alice = ReviewBrowser.open()) {
            String current;
            try (ReviewApp app = fixture.start()) {
                alice.logIn(app.port(), "alice", ReviewFixture.PASSWORD);
                current = alice.awaitItem();
                for (int i = 0; i < 4; i++) {
                    shown.add(current);
                    alice.press("1");
                    current = alice.awaitItemOtherThan(current).orElseThrow();
                }
            }
            try (ReviewApp restarted = fixture.start()) {
                assertThat(restarted.port())
                        .as("the page's address is unchanged")
                        .isEqualTo(port);
                assertThat(alice.reload("alice", ReviewFixture.PASSWORD))
                        .as("logged out by the restart, though the session secret is the same")
                        .isFalse();
                assertThat(alice.awaitItem())
                        .as("the item she held comes back to her")
                        .isEqualTo(current);
                Optional<String> next = Optional.of(current);
                while (next.isPresent()) {
                    shown.add(next.get());
                    alice.press(Keys.ENTER);
                    next = alice.awaitItemOtherThan(next.get());
                }
            }
        }
        assertThat(shown).doesNotHaveDuplicates().hasSize(10);
        Map<String, Long> perEvent = fixture.corrections().stream()
                .collect(Collectors.groupingBy(LabelCorrection::getEventId, Collectors.counting()));
        assertThat(perEvent)
                .containsOnlyKeys(shown)
                .allSatisfy((id, count) -> assertThat(count).as(id).isEqualTo(1L));
    }

    @Test
    void shouldRefuseABadVersionFilterWithAMessageAndSendNothing() throws Exception {
        ReviewFixture fixture = new ReviewFixture(STACK, folder, 1);
        fixture.classify(2);
        try (ReviewApp app = fixture.start();
                ReviewBrowser alice = ReviewBrowser.open()) {
            alice.logIn(app.port(), "alice", ReviewFixture.PASSWORD);
            assertThat(alice.awaitItem()).isEqualTo("e-0");
            alice.script("window.__requests = []; const send = window.fetch;"
                    + " window.fetch = function (path, options) {"
                    + " window.__requests.push(((options && options.method) || 'GET') + ' ' + path);"
                    + " return send.apply(this, arguments); };");

            alice.element("filter-version").sendKeys("abc");
            alice.element("apply-filters").click();
            assertThat(alice.awaitMessage("model version")).contains("whole number");
            alice.element("filter-version").sendKeys(Keys.ENTER);
            // a digit typed into a filter is text there, never a label
            alice.element("filter-version").sendKeys("2");

            assertThat((List<?>) alice.script("return window.__requests"))
                    .as("requests after the bad filter")
                    .noneMatch(request -> String.valueOf(request).startsWith("POST")
                            || String.valueOf(request).contains("/api/next"));
            assertThat(alice.element("event-id").getText()).isEqualTo("e-0");
            assertThat(app.state().sender().pendingCount()).isZero();
        }
        assertThat(fixture.corrections()).isEmpty();
    }

    @Test
    void shouldShowTheAuditedAccuracyOnThePage() throws Exception {
        ReviewFixture fixture = new ReviewFixture(STACK, folder, 1);
        fixture.overrides.put(ReviewConfig.AUDIT_RATE, "1");
        fixture.overrides.put(ReviewConfig.AUDIT_SHARE, "1");
        fixture.classify(10);
        try (ReviewApp app = fixture.start();
                ReviewBrowser rita = ReviewBrowser.open()) {
            rita.logIn(app.port(), "rita", ReviewFixture.PASSWORD);
            Optional<String> shown = Optional.of(rita.awaitItem());
            for (int i = 0; shown.isPresent(); i++) {
                // every prediction is pos: 7 confirmed, 3 corrected
                rita.press(i < 7 ? Keys.ENTER : "1");
                shown = rita.awaitItemOtherThan(shown.get());
            }
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                rita.reload("rita", ReviewFixture.PASSWORD);
                assertThat(rita.all("#accuracy tbody td"))
                        .extracting(cell -> cell.getText())
                        .containsExactly("v1", "10", "0.700 [0.397, 0.892]", "0.412");
            });
            rita.screenshot(
                    "review-accuracy", Optional.of(rita.all("aside.accuracy").get(0)));
            rita.screenshot("review-page-accuracy", Optional.empty());
        }
        assertThat(fixture.corrections()).extracting(LabelCorrection::getKind).containsOnly(FeedbackKind.AUDIT);
    }

    @Test
    void shouldLetAReviewerResolveADisagreementByClickingTheLabelThatCounts() throws Exception {
        ReviewFixture fixture = new ReviewFixture(STACK, folder, 1);
        fixture.overrides.put(ReviewConfig.AUDIT_RATE, "1");
        fixture.overrides.put(ReviewConfig.AUDIT_SHARE, "1");
        fixture.overrides.put(ReviewConfig.AUDIT_OVERLAP, "2");
        fixture.classify(1); // predicted pos
        try (ReviewApp app = fixture.start();
                ReviewBrowser rita = ReviewBrowser.open()) {
            ReviewClient alice = new ReviewClient(app.port());
            ReviewClient bob = new ReviewClient(app.port());
            alice.login("alice", ReviewFixture.PASSWORD);
            bob.login("bob", ReviewFixture.PASSWORD);
            String eventId = alice.nextWhenReady().body().get("eventId").asText();
            bob.next();
            alice.decide(eventId, "pos");
            bob.decide(eventId, "neg");
            rita.logIn(app.port(), "rita", ReviewFixture.PASSWORD);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                rita.reload("rita", ReviewFixture.PASSWORD);
                assertThat(rita.all("p.disagreement button.resolve"))
                        .extracting(button -> button.getText())
                        .containsExactly("neg", "pos");
            });
            assertThat(rita.all("p.disagreement").get(0).getText()).contains(eventId, "alice said pos", "bob said neg");
            rita.screenshot(
                    "review-disagreement",
                    Optional.of(rita.all("aside.accuracy").get(0)));

            rita.all("p.disagreement button[data-label='neg']").get(0).click();

            assertThat(rita.awaitMessage("Resolved")).contains(eventId, "neg counts");
            assertThat(rita.all("p.disagreement")).isEmpty();
            assertThat(rita.all("#accuracy tbody td"))
                    .extracting(cell -> cell.getText())
                    .startsWith("v1", "1", "0.000 [0.000, 0.793]");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> fixture.corrections().size() == 3);
        LabelCorrection resolution = fixture.corrections().get(2);
        assertThat(resolution.getAnnotator()).isEqualTo("rita");
        assertThat(resolution.getKind()).isEqualTo(FeedbackKind.AUDIT);
        assertThat(resolution.getLabel()).isEqualTo("neg");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
