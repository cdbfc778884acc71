package io.streamtune.systemtests.badinput;

import io.streamtune.schemas.serde.WireFormatException;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Splits a corpus into the records a service's deserializer either reads or rejects with {@link
 * WireFormatException} (which the services dead-letter), and the "poison" ones on which it throws anything else:
 * the services treat those as a fault of the environment and retry the record forever (see docs/reliability.md).
 */
final class PoisonScreen {

    private final List<CorpusRecord> handled = new ArrayList<>();
    private final List<CorpusRecord> poison = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();

    PoisonScreen(List<CorpusRecord> corpus, String topic, Deserializer<?> deserializer) {
        for (CorpusRecord record : corpus) {
            try {
                if (record.value() != null) {
                    deserializer.deserialize(topic, record.value());
                }
                handled.add(record);
            } catch (WireFormatException e) {
                handled.add(record);
            } catch (RuntimeException e) {
                poison.add(record);
                failures.add(record + ": " + e);
            }
        }
    }

    List<CorpusRecord> handled() {
        return handled;
    }

    List<CorpusRecord> poison() {
        return poison;
    }

    List<String> failures() {
        return failures;
    }
}
