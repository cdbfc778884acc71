package io.streamtune.trainer.feedback;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A serde for a sink whose records the topology only writes: it serializes with the given serializer and never
 * reads. The sinks take {@code Object} because the processors forward training examples and dead letters, each to
 * its own sink by name, from one output stream.
 */
final class WriteOnlySerde {

    private WriteOnlySerde() {}

    @SuppressWarnings("unchecked")
    static Serde<Object> of(Serializer<?> serializer) {
        Deserializer<Object> none = (topic, data) -> {
            throw new UnsupportedOperationException("this topology does not read " + topic);
        };
        return Serdes.serdeFrom((Serializer<Object>) serializer, none);
    }
}
