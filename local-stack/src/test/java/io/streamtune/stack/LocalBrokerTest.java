package io.streamtune.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalBrokerTest {

    @TempDir
    Path folder;

    @Test
    void shouldListenOnPlaintextWithoutOverrides() {
        Map<String, String> properties = new LocalBroker(config()).serverProperties();

        assertThat(properties)
                .containsEntry("listeners", "PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093")
                .containsEntry("inter.broker.listener.name", "PLAINTEXT")
                .containsEntry("transaction.state.log.min.isr", "1");
    }

    @Test
    void shouldReplaceDefaultServerPropertiesWithOverridesAndKeepTheRest() {
        BrokerOverrides overrides = new BrokerOverrides(
                Map.of(
                        "listeners", "SASL_SSL://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093",
                        "inter.broker.listener.name", "SASL_SSL",
                        "super.users", "User:admin"),
                List.of("--add-scram", "SCRAM-SHA-512=[name=admin,password=secret]"),
                Map.of("security.protocol", "SASL_SSL"));

        Map<String, String> properties = new LocalBroker(config(), overrides).serverProperties();

        assertThat(properties)
                .containsEntry("listeners", "SASL_SSL://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093")
                .containsEntry("inter.broker.listener.name", "SASL_SSL")
                .containsEntry("super.users", "User:admin")
                .containsEntry("controller.listener.names", "CONTROLLER")
                .containsEntry("offsets.topic.replication.factor", "1");
    }

    private StackConfig config() {
        return StackConfig.fromEnvironment().withDataDir(folder).withKafkaPorts(19092, 19093);
    }
}
