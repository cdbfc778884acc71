/** The loop the demo drives: events out, classifications in, a simulated annotator, version decisions. */
package io.streamtune.demo.loop;
