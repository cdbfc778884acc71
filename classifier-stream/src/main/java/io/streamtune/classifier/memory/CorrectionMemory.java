package io.streamtune.classifier.memory;

import io.streamtune.classifier.inference.BatchClassifier;
import io.streamtune.classifier.inference.ClassifiedBatch;
import io.streamtune.classifier.memory.MemoryIndex.Recall;
import io.streamtune.classifier.metrics.ClassifierMetrics;
import io.streamtune.classifier.reload.LoadedModel;
import io.streamtune.classifier.reload.ModelTarget;
import io.streamtune.classifier.reload.ReloadListener;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one owner of the remembered corrections and of their embeddings.
 *
 * <p>The corrections (the latest per event id, oldest forgotten beyond {@code maxEntries}) are embedded by each model
 * version that serves or is about to: one immutable {@link MemoryIndex} per version, published through a volatile map,
 * so stream threads {@link #recall} without locks, with the index of the very version that embedded their texts (a
 * batch that started on the old version during a swap still finds the old index). Changes are serialised on this
 * object: {@link #remember} (the training-set thread) embeds new corrections with the model in service; {@link
 * #loaded} (the reloader thread) embeds every correction with the next version before it serves, and {@link
 * #swapped} drops indexes no batch can need any more.
 *
 * <p>Retirement: a version whose target is PROMOTED retires every entry it already classifies as corrected (it has
 * learned it): when it is loaded, and for new corrections while it serves. A pinned, not promoted, version retires
 * nothing.
 */
public final class CorrectionMemory implements ReloadListener {

    private static final Logger log = LoggerFactory.getLogger(CorrectionMemory.class);

    private final MemorySettings settings;
    private final BatchClassifier served;
    private final ClassifierMetrics metrics;
    private final InstantSource clock;
    private final LinkedHashMap<String, MemoryEntry> entries = new LinkedHashMap<>();
    private final Set<String> answered = ConcurrentHashMap.newKeySet();
    private volatile Map<Long, MemoryIndex> indexes = Map.of();
    private LoadedModel pending;
    private long servedVersion = -1;

    /**
     * @param settings threshold and capacity
     * @param served the model in service, to embed new corrections with
     * @param metrics where entries, hits, retirements and evictions are counted
     * @param clock the time of a first answer, against the correction's time
     */
    public CorrectionMemory(
            MemorySettings settings, BatchClassifier served, ClassifierMetrics metrics, InstantSource clock) {
        this.settings = settings;
        this.served = served;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * The remembered correction nearest to a text, if at least as similar as the threshold. Thread-safe, lock-free.
     *
     * @param version the model version that embedded the text
     * @param embedding the text's unit-length embedding
     */
    Optional<Recall> recall(long version, float[] embedding) {
        MemoryIndex index = indexes.get(version);
        if (index == null) {
            return Optional.empty();
        }
        Optional<Recall> nearest = index.nearest(embedding).filter(r -> r.similarity() >= settings.threshold());
        nearest.ifPresent(this::recordHit);
        return nearest;
    }

    /**
     * Takes in corrections (each replacing an earlier correction of its event) and forgets deleted events, embedding
     * the new texts with the model in service. When that fails the exception is thrown on and the memory answers
     * nothing until a later call succeeds, which embeds every remembered correction again.
     *
     * @param added corrections with text, in the order read
     * @param deleted event ids whose corrections are gone (tombstones)
     */
    public synchronized void remember(List<MemoryEntry> added, Set<String> deleted) {
        Set<String> dropped = new HashSet<>(deleted);
        deleted.forEach(entries::remove);
        for (MemoryEntry entry : added) {
            entries.remove(entry.eventId());
            entries.put(entry.eventId(), entry);
            dropped.add(entry.eventId());
        }
        dropped.forEach(answered::remove);
        evictBeyondCapacity(dropped);
        Map<String, MemoryEntry> fresh = new LinkedHashMap<>();
        added.forEach(entry -> {
            if (entries.get(entry.eventId()) == entry) {
                fresh.put(entry.eventId(), entry);
            }
        });
        Map<Long, MemoryIndex> next = new HashMap<>();
        indexes.forEach((version, index) -> next.put(version, index.with(List.of(), List.of(), dropped)));
        try {
            if (!fresh.isEmpty()) {
                addToServedIndex(new ArrayList<>(fresh.values()), next);
                addToPendingIndex(new ArrayList<>(fresh.values()), next);
            }
        } catch (RuntimeException e) {
            // the remembered set changed but not every index: drop them all, the next call embeds everything again
            publish(Map.of());
            throw e;
        }
        publish(next);
    }

    @Override
    public synchronized void loaded(ModelTarget target, LoadedModel next) {
        pending = null;
        List<MemoryEntry> all = new ArrayList<>(entries.values());
        try {
            MemoryIndex index = index(target.version(), target.promoted(), all, next::classifyAndEmbed);
            Map<Long, MemoryIndex> published = new HashMap<>();
            Optional.ofNullable(indexes.get(servedVersion)).ifPresent(i -> published.put(servedVersion, i));
            published.put(target.version(), index);
            pending = next;
            publish(published);
        } catch (RuntimeException e) {
            log.warn(
                    "correction memory: embedding {} corrections with {} failed; its memory is built again with the"
                            + " next correction",
                    all.size(),
                    target,
                    e);
        }
    }

    @Override
    public synchronized void swapped(ModelTarget target, LoadedModel next) {
        long previous = servedVersion;
        servedVersion = target.version();
        pending = null;
        Map<Long, MemoryIndex> kept = new HashMap<>(indexes);
        kept.keySet().removeIf(version -> version != previous && version != servedVersion);
        publish(kept);
    }

    /** The number of remembered corrections. */
    public synchronized int size() {
        return entries.size();
    }

    private void addToServedIndex(List<MemoryEntry> fresh, Map<Long, MemoryIndex> next) {
        ClassifiedBatch batch = served.classify(texts(fresh));
        MemoryIndex current = next.get(batch.modelVersion());
        if (batch.embeddings().isEmpty()) {
            return;
        }
        if (current == null) {
            List<MemoryEntry> all = new ArrayList<>(entries.values());
            next.put(batch.modelVersion(), index(batch.modelVersion(), false, all, served::classify));
            return;
        }
        Set<String> learned = current.promoted() ? learned(fresh, batch) : Set.of();
        retire(learned, batch.modelVersion());
        next.put(batch.modelVersion(), current.with(keep(fresh, learned), keep(fresh, learned, batch), Set.of()));
    }

    private void addToPendingIndex(List<MemoryEntry> fresh, Map<Long, MemoryIndex> next) {
        if (pending == null || !next.containsKey(pending.version())) {
            return;
        }
        List<MemoryEntry> remaining =
                fresh.stream().filter(e -> entries.containsKey(e.eventId())).toList();
        ClassifiedBatch batch = pending.classifyAndEmbed(texts(remaining));
        if (!batch.embeddings().isEmpty()) {
            MemoryIndex current = next.get(pending.version());
            next.put(pending.version(), current.with(remaining, batch.embeddings(), Set.of()));
        }
    }

    /** Embeds every entry with a model; a promoted version retires the entries it classifies as corrected. */
    private MemoryIndex index(
            long version, boolean promoted, List<MemoryEntry> all, Function<List<String>, ClassifiedBatch> model) {
        ClassifiedBatch batch = all.isEmpty() ? new ClassifiedBatch("", version, List.of()) : model.apply(texts(all));
        if (!all.isEmpty() && batch.embeddings().isEmpty()) {
            log.info("correction memory: v{} gives no embeddings; the memory does not answer for it", version);
            return new MemoryIndex(version, promoted, List.of(), List.of());
        }
        Set<String> learned = promoted ? learned(all, batch) : Set.of();
        retire(learned, version);
        log.info(
                "correction memory: {} corrections embedded by v{}{}",
                all.size() - learned.size(),
                version,
                promoted ? " (promoted)" : "");
        return new MemoryIndex(version, promoted, keep(all, learned), keep(all, learned, batch));
    }

    /** The ids of the entries the batch's model labels as they were corrected. */
    private static Set<String> learned(List<MemoryEntry> embedded, ClassifiedBatch batch) {
        Set<String> learned = new HashSet<>();
        for (int i = 0; i < embedded.size(); i++) {
            if (embedded.get(i).label().equals(batch.predictions().get(i).label())) {
                learned.add(embedded.get(i).eventId());
            }
        }
        return learned;
    }

    private void retire(Set<String> learned, long version) {
        if (learned.isEmpty()) {
            return;
        }
        learned.forEach(entries::remove);
        learned.forEach(answered::remove);
        metrics.recordMemoryRetirements(learned.size());
        log.info(
                "correction memory: retired {} corrections that promoted v{} has learned ({} remembered)",
                learned.size(),
                version,
                entries.size());
    }

    private void evictBeyondCapacity(Set<String> dropped) {
        int evicted = 0;
        Iterator<String> oldest = entries.keySet().iterator();
        while (entries.size() > settings.maxEntries()) {
            String id = oldest.next();
            oldest.remove();
            dropped.add(id);
            evicted++;
        }
        if (evicted > 0) {
            metrics.recordMemoryEvictions(evicted);
            log.debug("correction memory full: forgot the {} oldest corrections", evicted);
        }
    }

    private void publish(Map<Long, MemoryIndex> next) {
        indexes = Map.copyOf(next);
        metrics.setMemoryEntries(entries.size());
    }

    private void recordHit(Recall recall) {
        metrics.recordMemoryHit();
        if (answered.add(recall.entry().eventId())) {
            metrics.recordMemoryFirstAnswer(clock.millis() - recall.entry().correctedTimeMs());
        }
    }

    private static List<String> texts(Collection<MemoryEntry> entries) {
        return entries.stream().map(MemoryEntry::text).toList();
    }

    private static List<MemoryEntry> keep(List<MemoryEntry> all, Set<String> learned) {
        return all.stream().filter(e -> !learned.contains(e.eventId())).toList();
    }

    private static List<float[]> keep(List<MemoryEntry> all, Set<String> learned, ClassifiedBatch batch) {
        List<float[]> kept = new ArrayList<>(all.size());
        for (int i = 0; i < all.size(); i++) {
            if (!learned.contains(all.get(i).eventId())) {
                kept.add(batch.embeddings().get(i));
            }
        }
        return kept;
    }
}
