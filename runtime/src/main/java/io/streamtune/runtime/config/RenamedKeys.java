package io.streamtune.runtime.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Keys of earlier releases and the keys that replace them, so files written for an earlier release keep working for
 * one more. Each rule maps an old key to its new key; the first rule that matches wins.
 */
public final class RenamedKeys {

    private final List<Rule> rules;

    private RenamedKeys(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** No renamed keys. */
    public static RenamedKeys none() {
        return new RenamedKeys(List.of());
    }

    /** The key that replaces an old key, if it is one. */
    public Optional<String> replacementOf(String key) {
        for (Rule rule : rules) {
            Optional<String> replacement = rule.replacementOf(key);
            if (replacement.isPresent()) {
                return replacement;
            }
        }
        return Optional.empty();
    }

    @FunctionalInterface
    private interface Rule {
        Optional<String> replacementOf(String key);
    }

    /** Collects the rules in the order they are tried. */
    public static final class Builder {

        private final List<Rule> rules = new ArrayList<>();

        private Builder() {}

        /** The old key {@code oldKey} is now {@code newKey}. */
        public Builder key(String oldKey, String newKey) {
            rules.add(key -> key.equals(oldKey) ? Optional.of(newKey) : Optional.empty());
            return this;
        }

        /** Every old key {@code oldPrefix + rest} whose rest passes {@code rests} is now {@code newPrefix + rest}. */
        public Builder prefix(String oldPrefix, String newPrefix, Predicate<String> rests) {
            rules.add(key -> {
                if (!key.startsWith(oldPrefix)) {
                    return Optional.empty();
                }
                String rest = key.substring(oldPrefix.length());
                return rests.test(rest) ? Optional.of(newPrefix + rest) : Optional.empty();
            });
            return this;
        }

        public RenamedKeys build() {
            return new RenamedKeys(rules);
        }
    }
}
