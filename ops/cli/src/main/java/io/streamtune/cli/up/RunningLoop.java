package io.streamtune.cli.up;

import io.streamtune.classifier.ClassifierRuntime;
import io.streamtune.demo.loop.VersionWatcher;
import io.streamtune.schemas.ModelVersion;
import io.streamtune.trainer.ServedTrainer;
import java.io.PrintWriter;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * What {@code up} started, closed in the reverse order: the version watcher, the classifier (it commits what it
 * classified), the trainer, and the local stack when {@code up} started it.
 */
final class RunningLoop implements AutoCloseable {

    private final UpCluster cluster;
    private final ServedTrainer trainer;
    private final ClassifierRuntime classifier;
    private final VersionWatcher watcher;
    private final Thread watcherThread;
    private final KafkaConsumer<String, ModelVersion> watcherConsumer;
    private final PrintWriter out;
    private boolean closed;

    RunningLoop(
            UpCluster cluster,
            ServedTrainer trainer,
            ClassifierRuntime classifier,
            KafkaConsumer<String, ModelVersion> watcherConsumer,
            VersionWatcher watcher,
            PrintWriter out) {
        this.cluster = cluster;
        this.watcherConsumer = watcherConsumer;
        this.trainer = trainer;
        this.classifier = classifier;
        this.watcher = watcher;
        this.out = out;
        this.watcherThread = new Thread(watcher, "up-version-watcher");
        watcherThread.setDaemon(true);
        watcherThread.start();
    }

    ClassifierRuntime classifier() {
        return classifier;
    }

    ServedTrainer trainer() {
        return trainer;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        out.println("Stopping: classifier, trainer" + (cluster.stopsStack() ? ", local stack" : ""));
        out.flush();
        watcher.stop();
        classifier.close();
        trainer.close();
        cluster.close();
        joinWatcher();
        watcherConsumer.close();
        out.println("Stopped.");
        out.flush();
    }

    private void joinWatcher() {
        try {
            watcherThread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
