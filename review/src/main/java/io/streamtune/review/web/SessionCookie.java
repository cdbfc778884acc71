package io.streamtune.review.web;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sessions that need no server state: the cookie holds the user, role, expiry and a random id, signed with
 * HMAC-SHA256 under the configured secret, so every instance (and a restarted one) accepts it. The CSRF token of a
 * session is derived from its id under the same key, and the page sends it in a header with every change.
 */
public final class SessionCookie {

    public static final String NAME = "streamtune_review";

    /** A logged-in user. */
    public record Session(String user, Role role, Instant expires, String id) {}

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODE = Base64.getUrlDecoder();

    private final byte[] key;
    private final Duration lifetime;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /** @param secret the signing secret; empty for a random one (sessions end with the process) */
    public SessionCookie(String secret, Duration lifetime, Clock clock) {
        if (secret.isEmpty()) {
            this.key = new byte[32];
            random.nextBytes(this.key);
        } else {
            this.key = secret.getBytes(StandardCharsets.UTF_8);
        }
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** A new session's cookie value. */
    public String issue(String user, Role role) {
        byte[] id = new byte[16];
        random.nextBytes(id);
        String payload =
                user + "|" + role.key() + "|" + clock.instant().plus(lifetime).getEpochSecond() + "|"
                        + HexFormat.of().formatHex(id);
        String encoded = B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return encoded + "." + sign(encoded);
    }

    /** The session of a cookie value, when its signature holds and it has not expired. */
    public Optional<Session> read(String cookie) {
        if (cookie == null) {
            return Optional.empty();
        }
        int dot = cookie.indexOf('.');
        if (dot < 0 || !constantTimeEquals(sign(cookie.substring(0, dot)), cookie.substring(dot + 1))) {
            return Optional.empty();
        }
        try {
            String[] parts =
                    new String(B64_DECODE.decode(cookie.substring(0, dot)), StandardCharsets.UTF_8).split("\\|");
            Instant expires = Instant.ofEpochSecond(Long.parseLong(parts[2]));
            if (parts.length != 4 || !expires.isAfter(clock.instant())) {
                return Optional.empty();
            }
            return Optional.of(new Session(parts[0], Role.fromKey(parts[1]), expires, parts[3]));
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    /** The CSRF token of a session. */
    public String csrfToken(Session session) {
        return sign("csrf|" + session.id());
    }

    /** Whether a token sent with a change is the session's. */
    public boolean validCsrf(Session session, String token) {
        return token != null && constantTimeEquals(csrfToken(session), token);
    }

    public Duration lifetime() {
        return lifetime;
    }

    private String sign(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return B64.encodeToString(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
