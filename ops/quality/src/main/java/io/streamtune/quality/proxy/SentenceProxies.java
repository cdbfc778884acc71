package io.streamtune.quality.proxy;

import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * The proxies of single sentences: the seed is drawn stratified from split=stream, the stream is the rest of
 * split=stream in file order, and the test split is split=test. Event ids are {@code <proxy>/<sentence id>}.
 */
final class SentenceProxies {

    static final int SIX_CLASS_SEED = 200;
    static final int FEW_LABELS_SEED = 150;

    private SentenceProxies() {}

    /** Labels {@code <domain>-<polarity>}: six classes. */
    static ProxyData sixClass(List<SourceSentence> sentences, long seed) {
        return build(
                Proxy.SIX_CLASS.cliName(),
                sentence -> sentence.domain() + "-" + sentence.polarity(),
                SIX_CLASS_SEED,
                sentences,
                seed);
    }

    /** Labels {@code neg} and {@code pos}. */
    static ProxyData fewLabels(List<SourceSentence> sentences, long seed) {
        return build(Proxy.FEW_LABELS.cliName(), SourceSentence::polarity, FEW_LABELS_SEED, sentences, seed);
    }

    private static ProxyData build(
            String name,
            Function<SourceSentence, String> labeller,
            int seedSize,
            List<SourceSentence> sentences,
            long seed) {
        List<ProxyEvent> streamSide = sentences.stream()
                .filter(SourceSentence::isStream)
                .map(sentence -> event(name, sentence, labeller))
                .toList();
        List<ProxyEvent> test = sentences.stream()
                .filter(SourceSentence::isTest)
                .map(sentence -> event(name, sentence, labeller))
                .toList();
        Random random = Stratified.random(name, seed);
        List<Integer> drawn = Stratified.sample(streamSide, seedSize, random);
        List<String> labels =
                streamSide.stream().map(ProxyEvent::label).distinct().sorted().toList();
        return new ProxyData(
                name, labels, Stratified.pick(streamSide, drawn), Stratified.rest(streamSide, drawn), test);
    }

    private static ProxyEvent event(String proxy, SourceSentence sentence, Function<SourceSentence, String> labeller) {
        return new ProxyEvent(
                proxy + "/" + sentence.id(), sentence.text(), labeller.apply(sentence), List.of(sentence.id()));
    }
}
