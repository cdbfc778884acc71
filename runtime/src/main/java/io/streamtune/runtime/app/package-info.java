/** The start-up and shutdown every Streamtune app's {@code main} does ({@link io.streamtune.runtime.app.AppLifecycle}). */
package io.streamtune.runtime.app;
