package io.streamtune.testsupport;

/** A running Kafka broker for tests, however it is provided. */
interface Broker extends AutoCloseable {

    /** The {@code bootstrap.servers} value that reaches it from this JVM. */
    String bootstrapServers();

    /** A short description for logs, e.g. {@code in-process KRaft}. */
    String kind();

    @Override
    void close();
}
