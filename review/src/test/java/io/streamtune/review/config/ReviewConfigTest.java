package io.streamtune.review.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamtune.review.queue.Uncertainty;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class ReviewConfigTest {

    private static Map<String, String> minimal() {
        Map<String, String> settings = new HashMap<>();
        settings.put("kafka.bootstrap.servers", "localhost:9092");
        settings.put("registry.url", "http://localhost:8081");
        settings.put("model.name", "sentiment");
        settings.put("review.users.file", "users");
        return settings;
    }

    @Test
    void shouldReadTheDefaultsAndIgnoreTheOtherAppsKeys() {
        Map<String, String> settings = minimal();
        settings.put("trainer.round.trigger.corrections", "50");
        settings.put("classifier.batch.max.records", "16");
        ReviewConfig config = new ReviewConfig(settings);

        assertThat(config.uncertainty()).isEqualTo(Uncertainty.MARGIN);
        assertThat(config.queueSettings().auditShare()).isEqualTo(0.2);
        assertThat(config.groupId()).isEqualTo("streamtune-review-sentiment");
        assertThat(config.leasesTopic()).isEqualTo("review-leases");
        assertThat(config.serdeSettings()).containsEntry("schema.registry.url", "http://localhost:8081");
    }

    @Test
    void shouldStopOnAnUnknownKeyOrABadValueNamingIt() {
        Map<String, String> typo = minimal();
        typo.put("review.audit.rat", "0.1");
        Map<String, String> bad = minimal();
        bad.put("review.uncertainty", "vibes");
        Map<String, String> shortSecret = minimal();
        shortSecret.put("review.session.secret", "short");

        assertThatThrownBy(() -> new ReviewConfig(typo))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("review.audit.rat");
        assertThatThrownBy(() -> new ReviewConfig(bad)).hasMessageContaining("review.uncertainty");
        assertThatThrownBy(() -> new ReviewConfig(shortSecret)).hasMessageContaining("review.session.secret");
        Map<String, String> noUsers = minimal();
        noUsers.remove("review.users.file");
        assertThatThrownBy(() -> new ReviewConfig(noUsers)).hasMessageContaining("review.users.file");
    }
}
