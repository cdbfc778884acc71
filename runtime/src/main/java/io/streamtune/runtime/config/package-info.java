/**
 * The one configuration language of Streamtune. Every app reads the same properties file and the same
 * {@code STREAMTUNE_*} environment ({@link io.streamtune.runtime.config.ConfigSources}); keys shared by all apps
 * ({@link io.streamtune.runtime.config.SharedKeys}: {@code kafka.*}, {@code registry.*}, {@code model.*},
 * {@code topic.*}) mean the same everywhere, and each app's own keys live under its namespace
 * ({@link io.streamtune.runtime.config.KeyScheme}: {@code classifier.*}, {@code trainer.*}, ...), so one file can
 * configure them all. Keys of earlier releases keep working with a warning that names the new key
 * ({@link io.streamtune.runtime.config.RenamedKeys}).
 */
package io.streamtune.runtime.config;
