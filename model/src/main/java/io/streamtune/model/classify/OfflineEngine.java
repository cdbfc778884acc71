package io.streamtune.model.classify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps DJL off the network: no download of engines or models ({@code ai.djl.offline}) and no telemetry call
 * ({@code OPT_OUT_TRACKING}, which DJL otherwise makes to the EC2 metadata address and an S3 bucket when an engine
 * loads). The applications call {@link #enforce()} first thing in {@code main}, so no launcher setting is needed;
 * everything they load comes from the classpath and the model store.
 */
public final class OfflineEngine {

    /** DJL's system property for offline mode. */
    public static final String OFFLINE_PROPERTY = "ai.djl.offline";

    /** DJL's system property (or environment variable) that turns telemetry off. */
    public static final String OPT_OUT_TRACKING_PROPERTY = "OPT_OUT_TRACKING";

    private static final Logger LOG = LoggerFactory.getLogger(OfflineEngine.class);

    private OfflineEngine() {}

    /** Sets both properties before any DJL class loads an engine; warns if the environment asks otherwise. */
    public static void enforce() {
        System.setProperty(OFFLINE_PROPERTY, "true");
        System.setProperty(OPT_OUT_TRACKING_PROPERTY, "true");
        String environment = System.getenv("DJL_OFFLINE");
        if (environment != null && !Boolean.parseBoolean(environment)) {
            LOG.warn(
                    "DJL_OFFLINE={} in the environment overrides {}=true: DJL may use the network",
                    environment,
                    OFFLINE_PROPERTY);
        }
    }
}
