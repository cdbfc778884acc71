package io.streamtune.trainer.publish;

/**
 * Another trainer for the same model started and took over publishing; this one must stop. Nothing of the round
 * in progress became visible.
 */
public class PublisherFencedException extends RuntimeException {

    public PublisherFencedException(String transactionalId, Throwable cause) {
        super("another trainer with transactional id " + transactionalId + " took over publishing", cause);
    }
}
