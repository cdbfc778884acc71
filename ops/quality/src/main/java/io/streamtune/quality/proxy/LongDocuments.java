package io.streamtune.quality.proxy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The {@code long} proxy: documents of 6-10 sentences of one polarity from mixed domains, in random order, so the
 * telling sentence can be anywhere (and past the model's maximum length). Stream-side documents are made of
 * split=stream sentences only and test documents of split=test sentences only; a sentence may recur across
 * documents of its split but not within one. The seed is drawn stratified from the stream-side documents; the
 * stream is the rest in the order they were made. Event ids are {@code long/stream/<n>} and {@code long/test/<n>}.
 */
final class LongDocuments {

    static final int STREAM_SIDE_DOCUMENTS = 500;
    static final int TEST_DOCUMENTS = 150;
    static final int SEED_DOCUMENTS = 100;
    static final int MIN_SENTENCES = 6;
    static final int MAX_SENTENCES = 10;

    private static final List<String> LABELS = List.of("neg", "pos");

    private LongDocuments() {}

    static ProxyData build(List<SourceSentence> sentences, long seed) {
        String name = Proxy.LONG.cliName();
        Random random = Stratified.random(name, seed);
        List<ProxyEvent> streamSide = documents(
                name + "/stream/", byPolarity(sentences, SourceSentence::isStream), STREAM_SIDE_DOCUMENTS, random);
        List<ProxyEvent> test =
                documents(name + "/test/", byPolarity(sentences, SourceSentence::isTest), TEST_DOCUMENTS, random);
        List<Integer> drawn = Stratified.sample(streamSide, SEED_DOCUMENTS, random);
        return new ProxyData(
                name, LABELS, Stratified.pick(streamSide, drawn), Stratified.rest(streamSide, drawn), test);
    }

    private static Map<String, List<SourceSentence>> byPolarity(
            List<SourceSentence> sentences, Predicate<SourceSentence> split) {
        return sentences.stream()
                .filter(split)
                .collect(Collectors.groupingBy(SourceSentence::polarity, TreeMap::new, Collectors.toList()));
    }

    /** {@code count} documents, half of each label, in random label order. */
    private static List<ProxyEvent> documents(
            String idPrefix, Map<String, List<SourceSentence>> pools, int count, Random random) {
        List<String> labels = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            labels.add(LABELS.get(i % LABELS.size()));
        }
        Collections.shuffle(labels, random);
        List<ProxyEvent> documents = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String label = labels.get(i);
            List<SourceSentence> pool = pools.get(label);
            if (pool == null || pool.size() < MAX_SENTENCES) {
                throw new IllegalArgumentException("too few " + label + " sentences for " + idPrefix + " documents");
            }
            int length = MIN_SENTENCES + random.nextInt(MAX_SENTENCES - MIN_SENTENCES + 1);
            List<SourceSentence> chosen = distinct(pool, length, random);
            String text = chosen.stream().map(SourceSentence::text).collect(Collectors.joining(" "));
            List<String> sources = chosen.stream().map(SourceSentence::id).toList();
            documents.add(new ProxyEvent(idPrefix + i, text, label, sources));
        }
        return documents;
    }

    /** {@code length} distinct sentences of the pool in random order (a partial Fisher-Yates shuffle). */
    private static List<SourceSentence> distinct(List<SourceSentence> pool, int length, Random random) {
        List<SourceSentence> copy = new ArrayList<>(pool);
        for (int i = 0; i < length; i++) {
            Collections.swap(copy, i, i + random.nextInt(copy.size() - i));
        }
        return List.copyOf(copy.subList(0, length));
    }
}
