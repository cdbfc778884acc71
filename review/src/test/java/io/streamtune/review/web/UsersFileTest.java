package io.streamtune.review.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsersFileTest {

    @TempDir
    Path folder;

    @Test
    void shouldAuthenticateOnlyWithTheRightPasswordAndNeverStoreIt() throws Exception {
        String line = UsersFile.line("alice", Role.ANNOTATOR, "s3cret-pass");
        Path file = Files.write(folder.resolve("users"), List.of("# team", line));

        assertThat(line).doesNotContain("s3cret-pass").startsWith("alice:annotator:$2b$10$");
        UsersFile users = UsersFile.read(file);
        assertThat(users.authenticate("alice", "s3cret-pass"))
                .map(UsersFile.User::role)
                .contains(Role.ANNOTATOR);
        assertThat(users.authenticate("alice", "wrong")).isEmpty();
        assertThat(users.authenticate("nobody", "s3cret-pass")).isEmpty();
        assertThat(UsersFile.line("alice", Role.ANNOTATOR, "s3cret-pass"))
                .as("salted")
                .isNotEqualTo(line);
    }

    @Test
    void shouldNameTheLineOfAMalformedEntry() throws Exception {
        Path file = Files.write(
                folder.resolve("users"),
                List.of(UsersFile.line("alice", Role.ANNOTATOR, "s3cret-pass"), "bob:boss:$2b$10$abc"));

        assertThatThrownBy(() -> UsersFile.read(file))
                .hasMessageContaining("line 2")
                .hasMessageContaining("boss");
    }

    @Test
    void shouldRefuseShortPasswordsAndOddNames() {
        assertThatThrownBy(() -> UsersFile.line("alice", Role.ANNOTATOR, "short"))
                .hasMessageContaining("8");
        assertThatThrownBy(() -> UsersFile.line("a:b", Role.ANNOTATOR, "long enough"))
                .hasMessageContaining("name");
    }
}
