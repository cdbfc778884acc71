package io.streamtune.review.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * The users who may log in: one {@code name:role:bcrypt-hash} per line ({@code #} starts a comment). Passwords are
 * hashed with bcrypt (Bouncy Castle's OpenBSD-compatible implementation: salted, slow by design, well kept) and
 * never stored.
 */
public final class UsersFile {

    /** A user name: letters, digits, dot, dash, underscore; 1 to 64 of them. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private static final int COST = 10;
    private static final SecureRandom RANDOM = new SecureRandom();
    // a hash of a random password, compared against when the user is unknown, so timing does not tell
    private static final String UNKNOWN_USER_HASH = hash("no such user " + RANDOM.nextLong());

    /** One user of the file. */
    public record User(String name, Role role, String hash) {}

    private final Map<String, User> users;

    private UsersFile(Map<String, User> users) {
        this.users = users;
    }

    /**
     * Reads the file.
     *
     * @throws IllegalArgumentException naming the file and line of a malformed entry
     */
    public static UsersFile read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the users file " + file + ": " + e.getMessage());
        }
        Map<String, User> users = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            User user = parse(line, file + " line " + (i + 1));
            users.put(user.name(), user);
        }
        if (users.isEmpty()) {
            throw new IllegalArgumentException("the users file " + file + " has no users; add one with: streamtune"
                    + " review add-user --users-file " + file + " NAME");
        }
        return new UsersFile(users);
    }

    private static User parse(String line, String where) {
        String[] parts = line.split(":", 3);
        if (parts.length != 3 || !NAME.matcher(parts[0]).matches() || !parts[2].startsWith("$2")) {
            throw new IllegalArgumentException(where + ": expected name:role:bcrypt-hash");
        }
        try {
            return new User(parts[0], Role.fromKey(parts[1]), parts[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": unknown role '" + parts[1] + "' (annotator or reviewer)");
        }
    }

    /** The user, when the password is theirs. */
    public Optional<User> authenticate(String name, String password) {
        User user = users.get(name);
        boolean matches = password != null
                && OpenBSDBCrypt.checkPassword(user == null ? UNKNOWN_USER_HASH : user.hash(), password.toCharArray());
        return matches && user != null ? Optional.of(user) : Optional.empty();
    }

    public Optional<User> user(String name) {
        return Optional.ofNullable(users.get(name));
    }

    /** The line of a new user, with the password hashed. */
    public static String line(String name, Role role, String password) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a user name is 1-64 letters, digits, '.', '-' or '_': " + name);
        }
        if (password.length() < 8) {
            throw new IllegalArgumentException("a password needs at least 8 characters");
        }
        return name + ":" + role.key() + ":" + hash(password);
    }

    private static String hash(String password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return OpenBSDBCrypt.generate("2b", password.toCharArray(), salt, COST);
    }
}
