/** The demo's data: the labelled sentiment file and how it is split into bootstrap, stream and test. */
package io.streamtune.demo.data;
