package io.streamtune.trainer.control;

import com.sun.net.httpserver.HttpExchange;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Checks an {@code Authorization: Bearer <token>} header, comparing in constant time. */
final class BearerToken {

    private static final String PREFIX = "Bearer ";

    private BearerToken() {}

    static boolean matches(HttpExchange exchange, String expected) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return false;
        }
        byte[] given = header.substring(PREFIX.length()).trim().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, expected.getBytes(StandardCharsets.UTF_8));
    }
}
