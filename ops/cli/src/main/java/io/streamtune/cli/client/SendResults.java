package io.streamtune.cli.client;

import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.RecordMetadata;

/** Counts acknowledged sends and keeps the first failure; read after a flush, when every callback has run. */
public final class SendResults implements Callback {

    private long acknowledged;
    private Exception firstFailure;
    private long failures;

    @Override
    public synchronized void onCompletion(RecordMetadata metadata, Exception exception) {
        if (exception == null) {
            acknowledged++;
        } else {
            failures++;
            if (firstFailure == null) {
                firstFailure = exception;
            }
        }
    }

    public synchronized long acknowledged() {
        return acknowledged;
    }

    /** @throws CommandException when any send failed */
    public synchronized void check(String topic) {
        if (firstFailure != null) {
            throw new CommandException(
                    failures + " of " + (failures + acknowledged) + " records could not be written to " + topic + ": "
                            + firstFailure.getMessage(),
                    firstFailure);
        }
    }
}
