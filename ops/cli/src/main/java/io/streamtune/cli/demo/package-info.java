/** {@code streamtune demo}: the command-line front of the {@code ops/demo} module. */
package io.streamtune.cli.demo;
