package io.streamtune.cli.review;

import io.streamtune.cli.client.CommandException;
import io.streamtune.review.web.Role;
import io.streamtune.review.web.UsersFile;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code streamtune review add-user NAME}: adds (or replaces) a user of the workbench, password hashed. */
@Command(
        name = "add-user",
        mixinStandardHelpOptions = true,
        description = "Add a user to the review workbench's users file (review.users.file), or replace their line."
                + " The password is read from the terminal, or from standard input with --password-stdin; only its"
                + " bcrypt hash is written.")
public final class AddUserCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "NAME", description = "The user name (letters, digits, '.', '-', '_').")
    String name;

    @Option(names = "--users-file", required = true, paramLabel = "FILE", description = "The users file.")
    Path file;

    @Option(
            names = "--role",
            defaultValue = "annotator",
            paramLabel = "ROLE",
            description = "annotator (labels items) or reviewer (also sees disagreements); default annotator.")
    String role;

    @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
    boolean passwordStdin;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Role chosen;
        try {
            chosen = Role.fromKey(role);
        } catch (IllegalArgumentException e) {
            throw new CommandException("unknown role '" + role + "' (annotator or reviewer)");
        }
        String line;
        try {
            line = UsersFile.line(name, chosen, password());
        } catch (IllegalArgumentException e) {
            throw new CommandException(e.getMessage());
        }
        try {
            List<String> kept = Files.exists(file)
                    ? Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                            .filter(existing -> !existing.startsWith(name + ":"))
                            .toList()
                    : List.of();
            Files.write(file, kept, StandardCharsets.UTF_8);
            Files.writeString(file, line + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new CommandException("cannot write the users file " + file + ": " + e.getMessage());
        }
        spec.commandLine().getOut().println("Added " + name + " (" + chosen.key() + ") to " + file);
        return 0;
    }

    private String password() {
        if (passwordStdin) {
            try {
                String read = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                if (read == null) {
                    throw new CommandException("no password on standard input");
                }
                return read;
            } catch (IOException e) {
                throw new CommandException("cannot read the password: " + e.getMessage());
            }
        }
        Console console = System.console();
        if (console == null) {
            throw new CommandException("no terminal to read the password from; use --password-stdin");
        }
        char[] first = console.readPassword("Password for %s: ", name);
        char[] second = console.readPassword("Again: ");
        if (first == null || second == null || !new String(first).equals(new String(second))) {
            throw new CommandException("the passwords differ");
        }
        return new String(first);
    }
}
