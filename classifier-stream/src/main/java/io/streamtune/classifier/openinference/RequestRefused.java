package io.streamtune.classifier.openinference;

/** A request that cannot be answered as asked: the HTTP status and the message of its {@code {"error": ...}} body. */
final class RequestRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    RequestRefused(int status, String message) {
        super(message);
        this.status = status;
    }

    static RequestRefused badRequest(String message) {
        return new RequestRefused(400, message);
    }

    static RequestRefused tooLarge(String message) {
        return new RequestRefused(413, message);
    }

    int status() {
        return status;
    }
}
