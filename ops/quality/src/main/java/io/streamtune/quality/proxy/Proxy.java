package io.streamtune.quality.proxy;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The proxy tasks, by their command-line names. */
public enum Proxy {
    /** Domain and polarity together: six classes from short sentences. */
    SIX_CLASS("six-class"),
    /** Polarity of documents of 6-10 sentences, the telling one anywhere. */
    LONG("long"),
    /** Polarity of short sentences from a small seed. */
    FEW_LABELS("few-labels");

    private final String cliName;

    Proxy(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    /** Builds the proxy from the sentences; the same sentences and seed give the same data. */
    public ProxyData build(List<SourceSentence> sentences, long seed) {
        return switch (this) {
            case SIX_CLASS -> SentenceProxies.sixClass(sentences, seed);
            case LONG -> LongDocuments.build(sentences, seed);
            case FEW_LABELS -> SentenceProxies.fewLabels(sentences, seed);
        };
    }

    /**
     * The proxies a command-line value names: one name, or {@code all}.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public static List<Proxy> parse(String value) {
        String name = value.trim().toLowerCase(Locale.ROOT);
        if ("all".equals(name)) {
            return List.of(values());
        }
        return Arrays.stream(values())
                .filter(proxy -> proxy.cliName.equals(name))
                .findFirst()
                .map(List::of)
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown proxy '" + value + "': use six-class, long, few-labels or all"));
    }
}
