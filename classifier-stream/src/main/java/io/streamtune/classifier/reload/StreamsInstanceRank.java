package io.streamtune.classifier.reload;

import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The rank of this instance among the live members of the Kafka Streams application: every instance sets {@code
 * application.server} to a unique endpoint, the group's metadata lists all of them, and the rank is the place of
 * this one's endpoint in their sorted list. No extra topic is needed; an instance that is not (yet) listed, or
 * whose Kafka Streams is not started, has rank 0.
 */
public final class StreamsInstanceRank implements InstanceRank {

    private final Supplier<KafkaStreams> streams;
    private final HostInfo self;

    public StreamsInstanceRank(Supplier<KafkaStreams> streams, HostInfo self) {
        this.streams = streams;
        this.self = self;
    }

    @Override
    public int rank() {
        KafkaStreams current = streams.get();
        if (current == null) {
            return 0;
        }
        List<HostInfo> members;
        try {
            members = current.metadataForAllStreamsClients().stream()
                    .map(StreamsMetadata::hostInfo)
                    .distinct()
                    .sorted(Comparator.comparing(HostInfo::host).thenComparingInt(HostInfo::port))
                    .toList();
        } catch (RuntimeException notRunningYet) {
            return 0;
        }
        return Math.max(0, members.indexOf(self));
    }
}
