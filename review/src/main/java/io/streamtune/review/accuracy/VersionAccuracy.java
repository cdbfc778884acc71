package io.streamtune.review.accuracy;

import java.util.Map;

/**
 * A model version's accuracy as its audits measure it.
 *
 * @param audited how many audited events it classified
 * @param confusion true label -> predicted label -> count
 */
public record VersionAccuracy(
        String modelName,
        long version,
        long audited,
        double accuracy,
        Wilson interval,
        double macroF1,
        Map<String, Map<String, Long>> confusion) {}
