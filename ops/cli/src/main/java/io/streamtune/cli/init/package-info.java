/** {@code streamtune init}: the starter configuration file, rendered from every app's definition. */
package io.streamtune.cli.init;
