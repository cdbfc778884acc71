package io.streamtune.classifier.openinference;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;

/** The optional bearer token of the model paths: compared in constant time; with none set every request passes. */
final class BearerToken {

    private static final String SCHEME = "bearer ";

    private final Optional<byte[]> expected;

    BearerToken(Optional<String> token) {
        this.expected = token.map(value -> value.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws RequestRefused with 401 unless the header carries the token (or no token is set) */
    void check(String authorization) {
        if (expected.isEmpty()) {
            return;
        }
        if (authorization == null
                || authorization.length() <= SCHEME.length()
                || !authorization
                        .substring(0, SCHEME.length())
                        .toLowerCase(Locale.ROOT)
                        .equals(SCHEME)) {
            throw new RequestRefused(401, "this path needs an 'Authorization: Bearer <token>' header");
        }
        byte[] given = authorization.substring(SCHEME.length()).trim().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, expected.get())) {
            throw new RequestRefused(401, "the bearer token is not the configured one");
        }
    }
}
