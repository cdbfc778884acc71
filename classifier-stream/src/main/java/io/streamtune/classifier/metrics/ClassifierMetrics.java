package io.streamtune.classifier.metrics;

import io.streamtune.classifier.deadletter.DeadLetterReason;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Everything the classifier counts and measures, shared by every stream thread and the reload machinery. */
public final class ClassifierMetrics {

    private final LongAdder accepted = new LongAdder();
    private final LongAdder classified = new LongAdder();
    private final LongAdder batches = new LongAdder();
    private final Map<DeadLetterReason, LongAdder> deadLetters = new EnumMap<>(DeadLetterReason.class);
    private final Histogram batchSize = Histogram.sizes();
    private final Histogram passTexts = Histogram.sizes();
    private final Histogram passCallers = Histogram.sizes();
    private final Histogram inferenceMillis = Histogram.millis();
    private final Histogram queueMillis = Histogram.millis();
    private final Histogram endToEndMillis = Histogram.millis();
    private final LongAdder reloads = new LongAdder();
    private final LongAdder failedReloads = new LongAdder();
    private final AtomicLong servedVersion = new AtomicLong(-1);
    private final AtomicLong memoryEntries = new AtomicLong();
    private final LongAdder memoryHits = new LongAdder();
    private final LongAdder memoryRetirements = new LongAdder();
    private final LongAdder memoryEvictions = new LongAdder();
    private final Histogram memoryFirstAnswerSeconds = Histogram.seconds();
    private volatile String device = "cpu";
    private final RateMeter classifiedRate = new RateMeter(30, System::currentTimeMillis);

    public ClassifierMetrics() {
        for (DeadLetterReason reason : DeadLetterReason.values()) {
            deadLetters.put(reason, new LongAdder());
        }
    }

    /** The model runs on this device, {@code cpu} or {@code gpu:N} (chosen once at start-up). */
    public void setDevice(String chosen) {
        device = chosen;
    }

    /** The device the model runs on: {@code cpu} or {@code gpu:N}. */
    public String device() {
        return device;
    }

    /** A valid record was put into the pending batch. */
    public void recordAccepted() {
        accepted.increment();
    }

    /** A batch of this size was run through the model in this many milliseconds. */
    public void recordBatch(int size, long inferenceMs) {
        batches.increment();
        batchSize.observe(size);
        inferenceMillis.observe(inferenceMs);
    }

    /** One forward pass shared by this many callers (stream batches, HTTP requests) ran this many texts. */
    public void recordSharedPass(int callers, int texts) {
        passCallers.observe(callers);
        passTexts.observe(texts);
    }

    /** Texts per forward pass, stream and HTTP callers together. */
    public Histogram passTexts() {
        return passTexts;
    }

    /** Callers served by each forward pass. */
    public Histogram passCallers() {
        return passCallers;
    }

    /** One classification was forwarded after waiting {@code queueMs} and {@code endToEndMs} after its event. */
    public void recordClassified(long queueMs, long endToEndMs) {
        classified.increment();
        classifiedRate.mark(1);
        queueMillis.observe(queueMs);
        endToEndMillis.observe(Math.max(0, endToEndMs));
    }

    public void recordDeadLetter(DeadLetterReason reason) {
        deadLetters.get(reason).increment();
    }

    public void recordReload(long version) {
        reloads.increment();
        servedVersion.set(version);
    }

    public void recordFailedReload() {
        failedReloads.increment();
    }

    /** The correction memory now holds this many corrected texts. */
    public void setMemoryEntries(long entries) {
        memoryEntries.set(entries);
    }

    /** A text got its label from the correction memory. */
    public void recordMemoryHit() {
        memoryHits.increment();
    }

    /** Entries left the correction memory because a promoted version has learned them. */
    public void recordMemoryRetirements(long count) {
        memoryRetirements.add(count);
    }

    /** Entries left the full correction memory, oldest first. */
    public void recordMemoryEvictions(long count) {
        memoryEvictions.add(count);
    }

    /** A remembered correction answered its first text this many milliseconds after the correction was made. */
    public void recordMemoryFirstAnswer(long millisSinceCorrection) {
        memoryFirstAnswerSeconds.observe(Math.max(0, millisSinceCorrection) / 1000.0);
    }

    public long memoryEntries() {
        return memoryEntries.get();
    }

    public long memoryHits() {
        return memoryHits.sum();
    }

    public long memoryRetirements() {
        return memoryRetirements.sum();
    }

    public long memoryEvictions() {
        return memoryEvictions.sum();
    }

    /** Seconds from a correction to the first text it answered, one observation per correction. */
    public Histogram memoryFirstAnswerSeconds() {
        return memoryFirstAnswerSeconds;
    }

    public long accepted() {
        return accepted.sum();
    }

    public long classified() {
        return classified.sum();
    }

    /** Classifications per second over the last 30 seconds. */
    public double classifiedPerSecond() {
        return classifiedRate.perSecond();
    }

    public long batches() {
        return batches.sum();
    }

    public long deadLetters(DeadLetterReason reason) {
        return deadLetters.get(reason).sum();
    }

    public long deadLetters() {
        return deadLetters.values().stream().mapToLong(LongAdder::sum).sum();
    }

    public Histogram batchSize() {
        return batchSize;
    }

    public Histogram inferenceMillis() {
        return inferenceMillis;
    }

    public Histogram queueMillis() {
        return queueMillis;
    }

    public Histogram endToEndMillis() {
        return endToEndMillis;
    }

    public long reloads() {
        return reloads.sum();
    }

    public long failedReloads() {
        return failedReloads.sum();
    }

    /** The model version being served, or -1 before the first model is loaded. */
    public long servedVersion() {
        return servedVersion.get();
    }
}
