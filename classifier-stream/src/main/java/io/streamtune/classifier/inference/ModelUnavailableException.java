package io.streamtune.classifier.inference;

/**
 * No model is loaded, so nothing can be classified. Not the records' fault: they are never dead-lettered for it; the
 * task fails and, under exactly-once, they are read again later.
 */
public class ModelUnavailableException extends RuntimeException {

    public ModelUnavailableException(String message) {
        super(message);
    }
}
