package io.streamtune.review.queue;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The items waiting for people, in two lanes, and who holds which. Thread-safe: the Kafka followers add items,
 * decisions and leases, the web threads take items.
 *
 * <p>The rules:
 *
 * <ul>
 *   <li>the uncertain lane gives the most uncertain item first; items classified by a version older than the one in
 *       service rank after every item of the version in service (their scores describe a model no longer serving),
 *       and a newer classification of the same event replaces the older one;
 *   <li>the audit lane gives its items in arrival order (they are a uniform sample already);
 *   <li>every {@code 1 / auditShare}-th item an annotator gets comes from the audit lane, when it has one;
 *   <li>an item leaves the queue once decided (corrected, confirmed or audited, here or anywhere else); an audit
 *       item once {@code auditOverlap} annotators have labelled it;
 *   <li>an item given to an annotator is leased to them: nobody else gets it until the lease ends (audit items:
 *       up to {@code auditOverlap} annotators at once); asking again during the lease gives the same item.
 * </ul>
 */
public final class ReviewQueue {

    private final QueueSettings settings;
    private final Map<String, ReviewItem> items = new HashMap<>();
    private final LinkedHashMap<String, ReviewItem> audit = new LinkedHashMap<>();
    private TreeSet<ReviewItem> uncertain;
    private final Map<String, Set<String>> decided = new HashMap<>();
    private final Map<String, Set<String>> skipped = new HashMap<>();
    private final Map<String, Double> auditCredit = new HashMap<>();
    private final LeaseBook leases = new LeaseBook();
    private long servingVersion;

    public ReviewQueue(QueueSettings settings) {
        this.settings = settings;
        this.uncertain = new TreeSet<>(ranking());
    }

    /** Adds a classification, or replaces the one of the same event; a decided item is not added again. */
    public synchronized void offer(ReviewItem item) {
        ReviewItem previous = items.get(item.eventId());
        if (previous != null) {
            if (previous.modelVersion() > item.modelVersion()) {
                return;
            }
            remove(previous);
        }
        if (isDone(item)) {
            return;
        }
        items.put(item.eventId(), item);
        if (item.lane() == Lane.AUDIT) {
            audit.put(item.eventId(), item);
        } else {
            uncertain.add(item);
            if (uncertain.size() > settings.maxItems()) {
                remove(uncertain.last());
            }
        }
    }

    /** An annotator's label of an event, from anywhere (this app, the CLI, users' code). */
    public synchronized void decided(String eventId, String annotator) {
        decided.computeIfAbsent(eventId, id -> new HashSet<>()).add(annotator);
        ReviewItem item = items.get(eventId);
        if (item != null && isDone(item)) {
            remove(item);
            leases.forget(eventId);
        }
    }

    /** Takes back a label not yet sent: the item returns, leased to the annotator anew. */
    public synchronized Offer undecided(ReviewItem item, String annotator, Instant now) {
        Set<String> annotators = decided.get(item.eventId());
        if (annotators != null) {
            annotators.remove(annotator);
        }
        offer(item);
        Instant until = now.plus(settings.lease());
        leases.put(item.eventId(), annotator, until);
        return new Offer(item, annotator, until);
    }

    /** A lease, written by this instance or another (the state topic). */
    public synchronized void leased(String eventId, String annotator, Instant until) {
        leases.put(eventId, annotator, until);
    }

    /** Gives the item back: others may get it, and this annotator does not get it again. */
    public synchronized void skip(String eventId, String annotator) {
        leases.release(eventId, annotator);
        skipped.computeIfAbsent(annotator, a -> new HashSet<>()).add(eventId);
    }

    /** The version in service: older versions' items rank after its own. */
    public synchronized void servingVersion(long version) {
        if (version != servingVersion) {
            servingVersion = version;
            TreeSet<ReviewItem> reranked = new TreeSet<>(ranking());
            reranked.addAll(uncertain);
            uncertain = reranked;
        }
    }

    /** Keeps only the items of these partitions (the ones this instance owns). */
    public synchronized void keepPartitions(Set<Integer> partitions) {
        List.copyOf(items.values()).stream()
                .filter(item -> !partitions.contains(item.partition()))
                .forEach(this::remove);
    }

    /**
     * The next item for an annotator, leased to them: the one they hold, if its lease lasts and it matches, else
     * the next of the lane whose turn it is.
     */
    public synchronized Optional<Offer> next(String annotator, ItemFilter filter, Instant now) {
        Optional<ReviewItem> held =
                leases.heldBy(annotator, now).map(items::get).filter(item -> item != null && item.matches(filter));
        if (held.isPresent()) {
            return Optional.of(new Offer(
                    held.get(),
                    annotator,
                    leases.until(held.get().eventId(), annotator).orElseThrow()));
        }
        double credit = auditCredit.getOrDefault(annotator, 0.0) + settings.auditShare();
        boolean auditTurn = credit >= 1 - 1e-9;
        Optional<ReviewItem> chosen = auditTurn
                ? first(audit.values(), annotator, filter, now).or(() -> first(uncertain, annotator, filter, now))
                : first(uncertain, annotator, filter, now).or(() -> first(audit.values(), annotator, filter, now));
        if (chosen.isEmpty()) {
            return Optional.empty();
        }
        auditCredit.put(annotator, chosen.get().lane() == Lane.AUDIT ? Math.max(0, credit - 1) : credit);
        Instant until = now.plus(settings.lease());
        leases.put(chosen.get().eventId(), annotator, until);
        return Optional.of(new Offer(chosen.get(), annotator, until));
    }

    /** The item of an event, while it waits. */
    public synchronized Optional<ReviewItem> item(String eventId) {
        return Optional.ofNullable(items.get(eventId));
    }

    /** Whether this annotator holds the item now. */
    public synchronized boolean holds(String eventId, String annotator, Instant now) {
        return leases.until(eventId, annotator).map(now::isBefore).orElse(false);
    }

    /** Items waiting, per lane. */
    public synchronized Map<Lane, Integer> sizes() {
        return Map.of(Lane.UNCERTAIN, uncertain.size(), Lane.AUDIT, audit.size());
    }

    private Optional<ReviewItem> first(Iterable<ReviewItem> lane, String annotator, ItemFilter filter, Instant now) {
        Set<String> skippedByAnnotator = skipped.getOrDefault(annotator, Set.of());
        for (ReviewItem item : lane) {
            if (item.matches(filter)
                    && !skippedByAnnotator.contains(item.eventId())
                    && !decided.getOrDefault(item.eventId(), Set.of()).contains(annotator)
                    && leases.heldByOthers(item.eventId(), annotator, now) < slots(item)) {
                return Optional.of(item);
            }
        }
        return Optional.empty();
    }

    private int slots(ReviewItem item) {
        int labelled = decided.getOrDefault(item.eventId(), Set.of()).size();
        return item.lane() == Lane.AUDIT ? settings.auditOverlap() - labelled : 1;
    }

    private boolean isDone(ReviewItem item) {
        int labelled = decided.getOrDefault(item.eventId(), Set.of()).size();
        return labelled >= (item.lane() == Lane.AUDIT ? settings.auditOverlap() : 1);
    }

    private void remove(ReviewItem item) {
        items.remove(item.eventId());
        audit.remove(item.eventId());
        uncertain.remove(item);
    }

    private Comparator<ReviewItem> ranking() {
        long serving = servingVersion;
        return Comparator.<ReviewItem>comparingInt(item -> item.modelVersion() < serving ? 1 : 0)
                .thenComparing(ReviewItem::uncertainty, Comparator.reverseOrder())
                .thenComparingLong(ReviewItem::arrival)
                .thenComparing(ReviewItem::eventId);
    }
}
