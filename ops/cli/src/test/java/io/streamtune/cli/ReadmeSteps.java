package io.streamtune.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The steps of one README section as a user would type them: the {@code ops/bin/streamtune} lines of its code
 * blocks, in order, split into arguments, and the text around them.
 */
record ReadmeSteps(String section, List<List<String>> commands) {

    private static final String LAUNCHER = "ops/bin/streamtune";

    /** Reads the section under the heading (a {@code ## } line) up to the next heading of that level. */
    static ReadmeSteps read(Path readme, String heading) throws IOException {
        String text = Files.readString(readme);
        int start = text.indexOf("\n## " + heading + "\n");
        if (start < 0) {
            throw new IllegalStateException(readme + " has no section '## " + heading + "'");
        }
        int end = text.indexOf("\n## ", start + 1);
        String section = text.substring(start, end < 0 ? text.length() : end);
        List<List<String>> commands = new ArrayList<>();
        boolean inCode = false;
        for (String line : section.split("\n")) {
            if (line.startsWith("```")) {
                inCode = !inCode;
            } else if (inCode && line.startsWith(LAUNCHER + " ")) {
                commands.add(List.of(line.substring(LAUNCHER.length()).strip().split("\\s+")));
            }
        }
        return new ReadmeSteps(section, commands);
    }

    /** The arguments of the one command whose first word is {@code name}. */
    List<String> command(String name) {
        List<List<String>> matching =
                commands.stream().filter(c -> c.get(0).equals(name)).toList();
        if (matching.size() != 1) {
            throw new IllegalStateException(
                    "expected one 'streamtune " + name + "' in the README section, found " + matching.size());
        }
        return matching.get(0);
    }

    /** The first match of a pattern in the section's text, group 1. */
    String find(String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(section);
        if (!matcher.find()) {
            throw new IllegalStateException("the README section no longer matches " + regex);
        }
        return matcher.group(1);
    }
}
