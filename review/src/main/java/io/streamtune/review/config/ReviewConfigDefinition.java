package io.streamtune.review.config;

import static io.streamtune.review.config.ReviewConfig.*;

import io.streamtune.review.queue.Uncertainty;
import io.streamtune.runtime.config.SharedKeys;
import java.util.Arrays;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;

/** The definition (type, default, validator, doc) of every {@link ReviewConfig} key, grouped by concern. */
final class ReviewConfigDefinition {

    private ReviewConfigDefinition() {}

    static ConfigDef define() {
        ConfigDef def = new ConfigDef();
        SharedKeys.define(
                def,
                SharedKeys.KAFKA_BOOTSTRAP_SERVERS,
                SharedKeys.REGISTRY_URL,
                SharedKeys.MODEL_NAME,
                SharedKeys.TOPIC_CLASSIFICATIONS,
                SharedKeys.TOPIC_LABEL_CORRECTIONS,
                SharedKeys.TOPIC_MODEL_VERSIONS);
        defineQueue(def);
        defineWeb(def);
        defineAccounts(def);
        return def;
    }

    private static void defineQueue(ConfigDef def) {
        def.define(
                        UNCERTAINTY,
                        Type.STRING,
                        Uncertainty.MARGIN.key(),
                        ValidString.in(Arrays.stream(Uncertainty.values())
                                .map(Uncertainty::key)
                                .toArray(String[]::new)),
                        Importance.MEDIUM,
                        "How the uncertain lane ranks: margin (smallest gap between the two top scores first),"
                                + " entropy, or least-confidence.")
                .define(
                        AUDIT_RATE,
                        Type.DOUBLE,
                        0.05,
                        Range.between(0.0, 1.0),
                        Importance.MEDIUM,
                        "Share of all classifications drawn into the audit lane, uniformly at random by event id"
                                + " (never by score): their labels measure each version's accuracy without bias.")
                .define(
                        AUDIT_SHARE,
                        Type.DOUBLE,
                        0.2,
                        Range.between(0.0, 1.0),
                        Importance.MEDIUM,
                        "Share of the items an annotator gets that come from the audit lane (when it has any).")
                .define(
                        AUDIT_OVERLAP,
                        Type.INT,
                        1,
                        Range.between(1, 10),
                        Importance.LOW,
                        "How many annotators label each audit item; 2 or more measures their agreement (kappa).")
                .define(
                        LEASE_SECONDS,
                        Type.INT,
                        300,
                        Range.atLeast(1),
                        Importance.LOW,
                        "How long an item shown to an annotator stays theirs, so nobody else gets it meanwhile.")
                .define(
                        UNDO_SECONDS,
                        Type.INT,
                        5,
                        Range.between(0, 60),
                        Importance.LOW,
                        "How long a choice can be undone (U) before it is sent to the corrections topic.")
                .define(
                        QUEUE_MAX_ITEMS,
                        Type.INT,
                        200_000,
                        Range.atLeast(1),
                        Importance.LOW,
                        "The most items held; past it the most certain items of the uncertain lane are dropped.")
                .define(
                        GROUP_ID,
                        Type.STRING,
                        "",
                        Importance.LOW,
                        "Consumer group of the classifications reader; instances of one group share the partitions"
                                + " (each serves the items of its own). Empty: streamtune-review-<model.name>.")
                .define(
                        TOPIC_LEASES,
                        Type.STRING,
                        io.streamtune.schemas.Topics.REVIEW_LEASES,
                        new ConfigDef.NonEmptyString(),
                        Importance.LOW,
                        "Compacted topic of the leases (JSON), the workbench's only state besides the corrections.");
    }

    private static void defineWeb(ConfigDef def) {
        def.define(HTTP_HOST, Type.STRING, "127.0.0.1", Importance.MEDIUM, "Address the web page listens on.")
                .define(
                        HTTP_PORT,
                        Type.INT,
                        8070,
                        Range.between(0, 65535),
                        Importance.MEDIUM,
                        "Port of the web page (and /health, /metrics); 0 picks a free one.")
                .define(
                        TLS_KEYSTORE_PATH,
                        Type.STRING,
                        "",
                        Importance.MEDIUM,
                        "PKCS12 key store of the page's TLS certificate; empty serves plain HTTP (behind a proxy).")
                .define(TLS_KEYSTORE_PASSWORD, Type.PASSWORD, "", Importance.MEDIUM, "Password of the key store.")
                .define(
                        RATE_LIMIT_PER_MINUTE,
                        Type.INT,
                        240,
                        Range.atLeast(1),
                        Importance.LOW,
                        "Requests of the review API per user per minute; more answer 429.");
    }

    private static void defineAccounts(ConfigDef def) {
        def.define(
                        USERS_FILE,
                        Type.STRING,
                        ConfigDef.NO_DEFAULT_VALUE,
                        new ConfigDef.NonEmptyString(),
                        Importance.HIGH,
                        "File of the annotators: one 'name:role:bcrypt-hash' per line, role annotator or reviewer"
                                + " (streamtune review add-user writes it).")
                .define(
                        SESSION_SECRET,
                        Type.PASSWORD,
                        "",
                        Importance.HIGH,
                        "Secret that signs session cookies (at least 32 characters), the same for every instance;"
                                + " empty: a random one per process, so a restart logs everyone out.")
                .define(
                        SESSION_HOURS,
                        Type.INT,
                        12,
                        Range.between(1, 24 * 30),
                        Importance.LOW,
                        "How long a login lasts.")
                .define(
                        LOGIN_MAX_FAILURES,
                        Type.INT,
                        5,
                        Range.atLeast(1),
                        Importance.LOW,
                        "Failed logins of one user name within 5 minutes before its logins are refused for 5"
                                + " minutes.");
    }
}
