/** What every Streamtune app shares below it. */
package io.streamtune.runtime;
