package io.streamtune.review.workbench;

/** A request the workbench refuses, with the HTTP status and the message the page shows; nothing was sent. */
public final class ReviewException extends RuntimeException {

    private final int status;

    public ReviewException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
