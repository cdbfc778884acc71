/** {@code streamtune tail}: follows {@code classifications} (read_committed) as readable lines or JSON. */
package io.streamtune.cli.tail;
