package io.streamtune.review.queue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Which classifications the audit lane draws: a uniform sample at a configured rate, decided by a hash of the event
 * id alone (never by score), so every instance, every restart and every model version agree on it.
 */
public final class AuditSample {

    private final double rate;

    /** @param rate the share of classifications drawn, in [0, 1] */
    public AuditSample(double rate) {
        if (rate < 0 || rate > 1) {
            throw new IllegalArgumentException("audit rate must lie in [0, 1]: " + rate);
        }
        this.rate = rate;
    }

    /** Whether the audit lane draws this event. */
    public boolean draws(String eventId) {
        return position(eventId) < rate;
    }

    /** Where the event id falls in [0, 1): the first 53 bits of its SHA-256. */
    static double position(String eventId) {
        byte[] hash = sha256().digest(eventId.getBytes(StandardCharsets.UTF_8));
        long bits = 0;
        for (int i = 0; i < 8; i++) {
            bits = (bits << 8) | (hash[i] & 0xff);
        }
        return (bits >>> 11) / (double) (1L << 53);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
