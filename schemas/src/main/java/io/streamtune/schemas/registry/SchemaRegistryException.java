package io.streamtune.schemas.registry;

/**
 * The registry answered with an error, or could not be reached.
 *
 * <p>{@link #httpStatus()} is the HTTP status (0 when no answer came back, e.g. connection refused or timed out);
 * {@link #errorCode()} is the registry's {@code error_code} (e.g. 40401 subject not found, 40403 schema not found,
 * 409 incompatible, 42201 invalid schema), or 0 when the answer carried none.
 */
public class SchemaRegistryException extends RuntimeException {

    /** Confluent error code: the subject does not exist. */
    public static final int SUBJECT_NOT_FOUND = 40401;

    /** Confluent error code: the version does not exist. */
    public static final int VERSION_NOT_FOUND = 40402;

    /** Confluent error code: the schema does not exist. */
    public static final int SCHEMA_NOT_FOUND = 40403;

    /** Confluent error code: the schema is incompatible with earlier versions. */
    public static final int INCOMPATIBLE_SCHEMA = 409;

    /** Confluent error code: the schema is not valid. */
    public static final int INVALID_SCHEMA = 42201;

    private final int httpStatus;
    private final int errorCode;

    public SchemaRegistryException(String message, int httpStatus, int errorCode) {
        super(message);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    public SchemaRegistryException(String message, Throwable cause) {
        super(message, cause);
        this.httpStatus = 0;
        this.errorCode = 0;
    }

    /** The HTTP status, or 0 when the registry gave no answer. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The registry's {@code error_code}, or 0 when there was none. */
    public int errorCode() {
        return errorCode;
    }

    /** True when the registry said the subject, version or schema does not exist (HTTP 404). */
    public boolean isNotFound() {
        return httpStatus == 404;
    }

    /** True for failures worth retrying: no answer at all, or a server error (5xx). */
    public boolean isRetriable() {
        return httpStatus == 0 || httpStatus >= 500;
    }
}
