package io.streamtune.trainer;

import io.streamtune.trainer.config.TrainerConfig;
import io.streamtune.trainer.control.ControlServer;
import io.streamtune.trainer.tuning.ModelTuner;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What {@code TrainerApp run} runs: a {@link Trainer} and, unless {@code http.port} is -1, its control server on
 * {@code http.host}:{@code http.port}. The server belongs to the process, not to {@link Trainer#start}: programs
 * that embed trainers (tests running several, the demo) do not compete for the one configured port; they may
 * start a {@code ServedTrainer} instead to get it.
 */
public final class ServedTrainer implements AutoCloseable {

    private final Trainer trainer;
    private final Optional<ControlServer> control;

    private ServedTrainer(Trainer trainer, Optional<ControlServer> control) {
        this.trainer = trainer;
        this.control = control;
    }

    /** Starts the trainer, then its control server; see {@link Trainer#start}. */
    public static ServedTrainer start(TrainerConfig config, ModelTuner tuner, Consumer<RuntimeException> onFatal)
            throws IOException {
        Trainer trainer = Trainer.start(config, tuner, onFatal);
        if (config.httpPort() < 0) {
            return new ServedTrainer(trainer, Optional.empty());
        }
        try {
            ControlServer server = new ControlServer(
                    config.httpHost(),
                    config.httpPort(),
                    config.roundsToken(),
                    trainer::requestRound,
                    trainer::isHealthy,
                    trainer::metricsText);
            return new ServedTrainer(trainer, Optional.of(server));
        } catch (IOException | RuntimeException e) {
            trainer.close();
            throw new IllegalStateException(
                    "cannot serve " + TrainerConfig.HTTP_HOST + "=" + config.httpHost() + " " + TrainerConfig.HTTP_PORT
                            + "=" + config.httpPort() + ": " + e.getMessage(),
                    e);
        }
    }

    public Trainer trainer() {
        return trainer;
    }

    /** The control server's bound port; empty when disabled. */
    public Optional<Integer> controlPort() {
        return control.map(ControlServer::port);
    }

    /** Stops serving, then the trainer. */
    @Override
    public void close() {
        control.ifPresent(ControlServer::close);
        trainer.close();
    }
}
