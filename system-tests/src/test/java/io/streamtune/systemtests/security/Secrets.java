package io.streamtune.systemtests.security;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Random passwords, so no test secret is written in the code. */
final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {}

    /** 24 hex characters (96 random bits): safe inside JAAS quotes and StorageTool's {@code --add-scram}. */
    static String random() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
