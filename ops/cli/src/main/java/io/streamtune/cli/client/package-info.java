/**
 * What every data command shares: the Kafka client and schema registry settings (a standard client properties file
 * plus two options), the clients built from them, and the one-line user error.
 */
package io.streamtune.cli.client;
