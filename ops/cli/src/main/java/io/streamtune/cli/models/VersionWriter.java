package io.streamtune.cli.models;

import io.streamtune.cli.client.ClientSettings;
import io.streamtune.cli.client.CommandException;
import io.streamtune.schemas.ModelVersion;
import io.streamtune.schemas.versions.ModelVersionKeys;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;

/** Writes version records one after another, each acknowledged before the next, keyed {@code <model>:<version>}. */
final class VersionWriter {

    private VersionWriter() {}

    static void write(ClientSettings settings, String topic, List<Promotions.Timed> records) {
        try (KafkaProducer<String, ModelVersion> producer = settings.producer()) {
            for (Promotions.Timed timed : records) {
                ModelVersion record = timed.record();
                String key = ModelVersionKeys.key(record.getModelName(), record.getVersion());
                producer.send(new ProducerRecord<>(topic, null, timed.timestamp(), key, record))
                        .get(60, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandException("interrupted while writing to " + topic, e);
        } catch (KafkaException e) {
            throw new CommandException("cannot write to " + topic + ": " + e.getMessage(), e);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new CommandException("cannot write to " + topic + ": " + cause.getMessage(), cause);
        }
    }
}
