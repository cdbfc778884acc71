package io.streamtune.cli.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamtune.cli.CommandRun;
import io.streamtune.review.web.UsersFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewCommandTest {

    @TempDir
    Path folder;

    @Test
    void shouldAddAUserWithAHashedPasswordAndReplaceTheirLineOnTheSecondRun() throws Exception {
        Path users = folder.resolve("review-users");

        CommandRun.Result first = CommandRun.withStdin(
                "first password\n",
                "review",
                "add-user",
                "alice",
                "--users-file",
                users.toString(),
                "--password-stdin");
        CommandRun.Result second = CommandRun.withStdin(
                "second password\n",
                "review",
                "add-user",
                "alice",
                "--users-file",
                users.toString(),
                "--role",
                "reviewer",
                "--password-stdin");

        assertThat(first.exitCode()).as(first.printed()).isZero();
        assertThat(second.out()).contains("Added alice (reviewer) to " + users);
        assertThat(Files.readAllLines(users)).singleElement().asString().startsWith("alice:reviewer:$2b$");
        UsersFile file = UsersFile.read(users);
        assertThat(file.authenticate("alice", "second password")).isPresent();
        assertThat(file.authenticate("alice", "first password")).isEmpty();
        assertThat(Files.readString(users)).doesNotContain("password");
    }

    @Test
    void shouldRefuseABadRoleOrAShortPasswordAndWriteNothing() {
        Path users = folder.resolve("review-users");

        CommandRun.Result role = CommandRun.withStdin(
                "long enough\n",
                "review",
                "add-user",
                "bob",
                "--users-file",
                users.toString(),
                "--role",
                "boss",
                "--password-stdin");
        CommandRun.Result shortPassword = CommandRun.withStdin(
                "short\n", "review", "add-user", "bob", "--users-file", users.toString(), "--password-stdin");

        assertThat(role.exitCode()).isEqualTo(1);
        assertThat(role.err()).contains("unknown role 'boss' (annotator or reviewer)");
        assertThat(shortPassword.err()).contains("at least 8 characters");
        assertThat(users).doesNotExist();
    }

    @Test
    void shouldStopOnABadConfigurationNamingTheKeyAndTheFile() throws Exception {
        Path config = Files.writeString(folder.resolve("streamtune.properties"), """
                kafka.bootstrap.servers=localhost:1
                registry.url=http://localhost:1
                model.name=sentiment
                review.users.file=users
                review.audit.rat=0.1
                """);

        CommandRun.Result result = CommandRun.run("review", "--config", config.toString());

        assertThat(CommandRun.run("review").err()).contains("review needs --config FILE");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err())
                .contains("invalid configuration for the review workbench in " + config)
                .contains("review.audit.rat");
    }
}
