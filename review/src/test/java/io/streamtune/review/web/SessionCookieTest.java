package io.streamtune.review.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SessionCookieTest {

    private static final String SECRET = "a secret that is at least thirty-two characters";
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void shouldReadBackWhatItIssuedAndInAnotherInstanceWithTheSameSecret() {
        String cookie = new SessionCookie(SECRET, Duration.ofHours(1), NOW).issue("alice", Role.REVIEWER);

        var session =
                new SessionCookie(SECRET, Duration.ofHours(1), NOW).read(cookie).orElseThrow();
        assertThat(session.user()).isEqualTo("alice");
        assertThat(session.role()).isEqualTo(Role.REVIEWER);
    }

    @Test
    void shouldRefuseATamperedAForeignOrAnExpiredCookie() {
        SessionCookie sessions = new SessionCookie(SECRET, Duration.ofHours(1), NOW);
        String cookie = sessions.issue("alice", Role.ANNOTATOR);
        String payload = cookie.substring(0, cookie.indexOf('.'));
        String forged = java.util.Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(
                                new String(java.util.Base64.getUrlDecoder().decode(payload))
                                        .replace("annotator", "reviewer")
                                        .getBytes())
                + cookie.substring(cookie.indexOf('.'));

        assertThat(sessions.read(forged)).isEmpty();
        assertThat(new SessionCookie(SECRET + "x", Duration.ofHours(1), NOW).read(cookie))
                .isEmpty();
        Clock later = Clock.offset(NOW, Duration.ofHours(2));
        assertThat(new SessionCookie(SECRET, Duration.ofHours(1), later).read(cookie))
                .isEmpty();
        assertThat(sessions.read("garbage")).isEmpty();
        assertThat(sessions.read(null)).isEmpty();
    }

    @Test
    void shouldTieTheCsrfTokenToTheSession() {
        SessionCookie sessions = new SessionCookie(SECRET, Duration.ofHours(1), NOW);
        var alice = sessions.read(sessions.issue("alice", Role.ANNOTATOR)).orElseThrow();
        var again = sessions.read(sessions.issue("alice", Role.ANNOTATOR)).orElseThrow();

        assertThat(sessions.validCsrf(alice, sessions.csrfToken(alice))).isTrue();
        assertThat(sessions.validCsrf(alice, sessions.csrfToken(again))).isFalse();
        assertThat(sessions.validCsrf(alice, null)).isFalse();
    }
}
