/**
 * The Kafka Streams topology ({@code text-events} to {@code classifications}, dead letters aside) and the
 * application's entry point, which only loads configuration, builds, starts and installs the shutdown hook.
 */
package io.streamtune.classifier.topology;
